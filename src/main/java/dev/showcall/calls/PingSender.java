package dev.showcall.calls;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.Replacement;
import dev.showcall.backstage.Delay;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Durations;
import dev.showcall.store.AlertRepository;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.ConfirmationRepository;
import dev.showcall.store.Database;
import dev.showcall.store.DelayRepository;
import dev.showcall.store.NoShowRepository;
import dev.showcall.store.ReplacementRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a due ping exactly once. Our own ping table, not only Quartz's, is the record of what
 * went out: a ping is claimed there before it is sent and completed after, so a double fire, a
 * retry or a restart never sends it twice.
 */
public final class PingSender {

    /** Quartz and Discord take a moment; later than this, a ping says it is late and why. */
    static final Duration ON_TIME = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(PingSender.class);
    private static final String MOVED = "moved:";

    private final Supplier<ShowDirectory> shows;
    private final Database database;
    private final CallPingRepository pings;
    private final DelayRepository delays;
    private final TimelineEventRepository timeline;
    private final ConfirmationRepository confirmations = new ConfirmationRepository();
    private final ArrivalRepository arrivals = new ArrivalRepository();
    private final AlertRepository alerts = new AlertRepository();
    private final NoShowRepository noShows = new NoShowRepository();
    private final ReplacementRepository replacements = new ReplacementRepository();
    private final CallNotifier notifier;
    private final Clock clock;

    public PingSender(Supplier<ShowDirectory> shows, Database database, CallPingRepository pings,
                      DelayRepository delays, TimelineEventRepository timeline, CallNotifier notifier, Clock clock) {
        this.shows = shows;
        this.database = database;
        this.pings = pings;
        this.delays = delays;
        this.timeline = timeline;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * @param recovering Quartz runs the job again after a crash that interrupted it: a claim left
     *                   without a send is then ours to finish
     */
    public void send(String showId, String subjectKey, String ping, boolean recovering) {
        Optional<PlannedShow> show = shows.get().byId(showId);
        if (ping.startsWith(MOVED) && show.isPresent()) {
            sendMovedNotice(show.get(), subjectKey, ping, recovering);
            return;
        }
        OptionalLong replacement = CallPing.replacementOf(ping);
        if (replacement.isPresent() && show.isPresent()) {
            sendReplacementNotice(show.get(), subjectKey, ping, replacement.getAsLong(), recovering);
            return;
        }
        Optional<PlannedPing> planned = show.flatMap(s -> PingPlan.of(s).stream()
                .filter(p -> p.subjectKey().equals(subjectKey) && p.ping().equals(ping))
                .findFirst());
        if (show.isEmpty() || planned.isEmpty()) {
            log.info("Show {}: {} {} is no longer planned; not sent", showId, subjectKey, ping);
            return;
        }
        Duration delay = database.inTransaction(c -> delays.totalDelay(c, showId));
        send(show.get(), planned.get().shiftedBy(delay), recovering);
    }

    private void send(PlannedShow show, PlannedPing ping, boolean recovering) {
        Instant now = clock.instant();
        if (ping.isMilestone()) {
            markMilestone(show, ping, now);
            return;
        }
        if (ping.isCheck()) {
            alertIfUnconfirmed(show, ping, now);
            return;
        }
        if (ping.isLateCheck()) {
            alertIfNotArrived(show, ping, now);
            return;
        }
        if (ping.isReminder() && (!now.isBefore(ping.callAt()) || callSent(show, ping.subjectKey()))) {
            drop(show, ping, now);
            return;
        }
        boolean ours = database.inTransaction(c -> pings.claim(c, show.id(), ping.subjectKey(), ping.ping(), ping.due(), now)
                || recovering && pings.find(c, show.id(), ping.subjectKey(), ping.ping())
                        .map(p -> p.sentAt().isEmpty()).orElse(false));
        if (!ours) {
            log.debug("Show {}: {} {} went out already", show.id(), ping.subjectKey(), ping.ping());
            return;
        }
        Optional<Duration> late = lateness(ping.due(), now);
        PingOutcome outcome;
        try {
            outcome = deliver(show, ping, late);
        } catch (RuntimeException e) {
            database.runInTransaction(c -> pings.release(c, show.id(), ping.subjectKey(), ping.ping()));
            throw e;
        }
        Instant sent = clock.instant();
        database.runInTransaction(c -> {
            pings.complete(c, show.id(), ping.subjectKey(), ping.ping(), sent, Duration.between(ping.due(), sent),
                    outcome, Optional.empty());
            event(show, ping, outcome, late, sent).ifPresent(e -> timeline.append(c, e));
        });
        log.info("Show {}: sent {} {} ({}, {} ms after due)", show.id(), ping.subjectKey(), ping.ping(), outcome,
                Duration.between(ping.due(), sent).toMillis());
    }

    /**
     * A milestone has come: it goes on the timeline once, with the ping recorded in the same
     * transaction, and says so when showcall was offline at the time.
     */
    private void markMilestone(PlannedShow show, PlannedPing ping, Instant now) {
        Optional<Duration> late = lateness(ping.due(), now);
        String name = milestoneName(ping.subjectKey());
        String text = "**" + name + "** <t:" + ping.due().getEpochSecond() + ":t>"
                + late.map(l -> " (posted " + Durations.format(l) + " late: showcall was offline)").orElse("");
        boolean posted = database.inTransaction(c -> {
            if (!pings.claim(c, show.id(), ping.subjectKey(), ping.ping(), ping.due(), now)) {
                return false;
            }
            pings.complete(c, show.id(), ping.subjectKey(), ping.ping(), now, Duration.between(ping.due(), now),
                    PingOutcome.CHANNEL, Optional.empty());
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.MILESTONE, OptionalLong.empty(),
                    Optional.of(ping.subjectKey()), text));
            return true;
        });
        if (posted) {
            log.info("Show {}: milestone {} on the timeline", show.id(), name);
        }
    }

    private static String milestoneName(String key) {
        String name = key.substring(Announcements.MILESTONE.length());
        int occurrence = name.lastIndexOf('#');
        return occurrence > 0 && name.substring(occurrence + 1).chars().allMatch(Character::isDigit)
                ? name.substring(0, occurrence) : name;
    }

    /** One alert to producers, on the timeline, for someone reminded who has not answered. */
    private void alertIfUnconfirmed(PlannedShow show, PlannedPing ping, Instant now) {
        Optional<Call> call = show.call(ping.subjectKey());
        if (call.isEmpty()) {
            return;
        }
        boolean raised = database.inTransaction(c -> {
            boolean answered = confirmations.find(c, show.id(), ping.subjectKey()).isPresent()
                    || arrivals.find(c, show.id(), ping.subjectKey()).isPresent();
            if (answered || !alerts.raiseOnce(c, show.id(), "unconfirmed:" + ping.subjectKey(), now)) {
                return false;
            }
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.ALERT, OptionalLong.empty(),
                    Optional.of(ping.subjectKey()), call.get().who() + " (" + call.get().departmentName()
                            + ") has not confirmed their call at <t:" + ping.callAt().getEpochSecond() + ":t>"));
            return true;
        });
        if (raised) {
            log.info("Show {}: {} has not confirmed; producers alerted", show.id(), ping.subjectKey());
        }
    }

    /**
     * One alert to PR and producers, on the timeline, for a model not marked arrived by her call
     * plus the show's grace. The text mentions the PR role; the timeline decides who it may ping.
     */
    private void alertIfNotArrived(PlannedShow show, PlannedPing ping, Instant now) {
        Optional<Call> call = show.call(ping.subjectKey());
        if (call.isEmpty()) {
            return;
        }
        boolean raised = database.inTransaction(c -> {
            boolean settled = arrivals.find(c, show.id(), ping.subjectKey()).isPresent()
                    || noShows.find(c, show.id(), ping.subjectKey()).isPresent();
            if (settled || !alerts.raiseOnce(c, show.id(), "late:" + ping.subjectKey(), now)) {
                return false;
            }
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.LATE, OptionalLong.empty(),
                    Optional.of(ping.subjectKey()), "<@&" + show.show().discord().prRoleId() + "> " + call.get().who()
                            + " is late: called for <t:" + ping.callAt().getEpochSecond() + ":t> and not marked arrived"));
            return true;
        });
        if (raised) {
            log.info("Show {}: {} is late; PR and producers alerted", show.id(), ping.subjectKey());
        }
    }

    /** Tells someone their call moved: from where the previous delays had it to where it is now. */
    private void sendMovedNotice(PlannedShow show, String callKey, String ping, boolean recovering) {
        long delayId = Long.parseLong(ping.substring(MOVED.length()));
        List<Delay> all = database.inTransaction(c -> delays.forShow(c, show.id()));
        Optional<Delay> delay = all.stream().filter(d -> d.id() == delayId).findFirst();
        Optional<Call> call = show.call(callKey);
        if (delay.isEmpty() || call.isEmpty()) {
            log.info("Show {}: notice {} for {} has nothing left to tell", show.id(), ping, callKey);
            return;
        }
        Duration upToThis = all.stream().filter(d -> d.id() <= delayId).map(Delay::duration)
                .reduce(Duration.ZERO, Duration::plus);
        Instant to = call.get().at().plus(upToThis);
        Instant from = to.minus(delay.get().duration());
        sendNoticeOnce(show, callKey, ping, recovering,
                () -> notifier.moved(show, call.get(), from, to, delay.get().reason()));
    }

    /** Tells a dresser, or whoever replaces, what a replacement means for them. */
    private void sendReplacementNotice(PlannedShow show, String subjectKey, String ping, long replacementId,
                                       boolean recovering) {
        Optional<Replacement> replacement = database.inTransaction(c -> replacements.find(c, show.id(), replacementId));
        Optional<String> text = replacement.filter(r -> subjectKey.startsWith(ReplacementNotice.USER))
                .flatMap(r -> ReplacementNotice.text(show, r, userOf(subjectKey)));
        if (text.isEmpty()) {
            log.info("Show {}: notice {} for {} has nothing left to tell", show.id(), ping, subjectKey);
            return;
        }
        sendNoticeOnce(show, subjectKey, ping, recovering, () -> notifier.tell(show, userOf(subjectKey), text.get()));
    }

    /** A notice is due the moment it is made: claimed, sent, and completed, or released for a retry. */
    private void sendNoticeOnce(PlannedShow show, String subjectKey, String ping, boolean recovering,
                                Supplier<PingOutcome> send) {
        Instant now = clock.instant();
        boolean ours = database.inTransaction(c -> pings.claim(c, show.id(), subjectKey, ping, now, now)
                || recovering && pings.find(c, show.id(), subjectKey, ping).map(p -> p.sentAt().isEmpty()).orElse(false));
        if (!ours) {
            return;
        }
        PingOutcome outcome;
        try {
            outcome = send.get();
        } catch (RuntimeException e) {
            database.runInTransaction(c -> pings.release(c, show.id(), subjectKey, ping));
            throw e;
        }
        Instant sent = clock.instant();
        database.runInTransaction(c -> pings.complete(c, show.id(), subjectKey, ping, sent, Duration.between(now, sent),
                outcome, Optional.empty()));
    }

    private static long userOf(String subjectKey) {
        return Long.parseLong(subjectKey.substring(ReplacementNotice.USER.length()));
    }

    private boolean callSent(PlannedShow show, String callKey) {
        return database.inTransaction(c -> pings.isCallSent(c, show.id(), callKey));
    }

    /** A ping that could not be delivered after every retry: producers hear of it, and it may be sent again. */
    public void giveUp(String showId, String subjectKey, String ping) {
        Instant now = clock.instant();
        database.runInTransaction(c -> {
            pings.release(c, showId, subjectKey, ping);
            timeline.append(c, TimelineEvent.of(showId, now, EventKind.ALERT, OptionalLong.empty(),
                    Optional.of(subjectKey), "Could not deliver the " + describe(ping) + " for " + subjectKey
                            + " after several tries: check on them directly."));
        });
    }

    private void drop(PlannedShow show, PlannedPing ping, Instant now) {
        database.runInTransaction(c -> {
            if (pings.claim(c, show.id(), ping.subjectKey(), ping.ping(), ping.due(), now)) {
                pings.complete(c, show.id(), ping.subjectKey(), ping.ping(), now, Duration.between(ping.due(), now),
                        PingOutcome.DROPPED, Optional.of("its call had passed"));
            }
        });
        log.info("Show {}: dropped {} {}: the call had passed", show.id(), ping.subjectKey(), ping.ping());
    }

    private PingOutcome deliver(PlannedShow show, PlannedPing ping, Optional<Duration> late) {
        if (ping.isAnnouncement()) {
            notifier.announce(show, announcementTitle(show, ping), announcedCalls(show, ping), ping.callAt(), late);
            return PingOutcome.CHANNEL;
        }
        Call call = show.call(ping.subjectKey())
                .orElseThrow(() -> new IllegalStateException("no call " + ping.subjectKey() + " in " + show.id()));
        if (ping.isReminder()) {
            return notifier.remind(show, call, ping.callAt(), ping.beforeCall(), late);
        }
        // A call made before its time (she replaces someone) is for now, not for the planned time.
        Instant now = clock.instant();
        return notifier.call(show, call, ping.callAt().isAfter(now) ? now : ping.callAt(), late);
    }

    static String announcementTitle(PlannedShow show, PlannedPing ping) {
        if (ping.subjectKey().startsWith(Announcements.WAVE)) {
            return CallPlanner.MODELS_DEPARTMENT_NAME + ", wave " + ping.subjectKey().substring(Announcements.WAVE.length());
        }
        String id = ping.subjectKey().substring(Announcements.DEPARTMENT.length());
        return show.show().departments().stream().filter(d -> d.id().equals(id)).findFirst()
                .map(d -> d.name()).orElse(id);
    }

    static List<Call> announcedCalls(PlannedShow show, PlannedPing ping) {
        if (ping.subjectKey().startsWith(Announcements.WAVE)) {
            int wave = Integer.parseInt(ping.subjectKey().substring(Announcements.WAVE.length()));
            return show.sheet().calls().stream().filter(c -> c.wave().equals(OptionalInt.of(wave))).toList();
        }
        String id = ping.subjectKey().substring(Announcements.DEPARTMENT.length());
        return show.sheet().calls().stream()
                .filter(c -> c.kind() == Call.Kind.CREW && c.departmentId().equals(id)).toList();
    }

    private Optional<TimelineEvent> event(PlannedShow show, PlannedPing ping, PingOutcome outcome,
                                          Optional<Duration> late, Instant at) {
        String lateNote = late.map(l -> " (sent " + Durations.format(l) + " late: showcall was offline)").orElse("");
        if (ping.isAnnouncement()) {
            int people = announcedCalls(show, ping).size();
            return Optional.of(TimelineEvent.of(show.id(), at, EventKind.CALL, OptionalLong.empty(),
                    Optional.of(ping.subjectKey()), announcementTitle(show, ping) + " called: " + people
                            + (people == 1 ? " call" : " calls") + lateNote));
        }
        if (outcome == PingOutcome.CHANNEL) {
            Call call = show.call(ping.subjectKey()).orElseThrow();
            return Optional.of(TimelineEvent.of(show.id(), at, EventKind.ALERT, OptionalLong.empty(),
                    Optional.of(ping.subjectKey()), call.who() + " (" + call.departmentName() + ") cannot be reached by DM: "
                            + "mentioned in the calls channel instead" + lateNote));
        }
        return Optional.empty();
    }

    static Optional<Duration> lateness(Instant due, Instant now) {
        Duration late = Duration.between(due, now);
        return late.compareTo(ON_TIME) > 0 ? Optional.of(late) : Optional.empty();
    }

    private static String describe(String ping) {
        return ping.equals(PlannedPing.CALL) ? "call" : "reminder";
    }
}
