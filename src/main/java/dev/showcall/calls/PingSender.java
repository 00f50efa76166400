package dev.showcall.calls;

import dev.showcall.text.UserText;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.Replacement;
import dev.showcall.backstage.Delay;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.roster.LinkClaim;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.store.AlertRepository;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.ConfirmationRepository;
import dev.showcall.store.Database;
import dev.showcall.store.DelayRepository;
import dev.showcall.store.EscalationStopRepository;
import dev.showcall.show.Escalation;
import dev.showcall.store.LinkClaimRepository;
import dev.showcall.store.NoShowRepository;
import dev.showcall.store.PlanUploadRepository;
import dev.showcall.store.ReplacementRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a due ping exactly once. Our own ping table, not only Quartz's, is the record of what
 * went out: a ping is claimed there before it is sent and completed after, so a double fire, a
 * retry or a restart never sends it twice.
 *
 * <p>Quartz's threads only decide and claim: the message itself is handed to the notifier, which
 * never waits for Discord, and the ping is completed when Discord's answer comes, on the sender's
 * own threads. A ping Discord did not take is retried from there, with back-off, for about ten
 * minutes, then producers are alerted. A claim left without a send (showcall stopped in between)
 * is the record of a ping still owed: {@link #recover} sends it at the next start.
 */
public final class PingSender {

    private static final Logger log = LoggerFactory.getLogger(PingSender.class);
    private static final String MOVED = "moved:";
    /** Why a plan update's notice says the call moved. */
    static final String REPLANNED_REASON = "the show's plan was updated";

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
    private final PlanUploadRepository planUploads = new PlanUploadRepository();
    private final LinkClaimRepository claims = new LinkClaimRepository();
    private final EscalationStopRepository stops = new EscalationStopRepository();
    private final CallNotifier notifier;
    private final Clock clock;
    /** Completes pings when Discord answers, and retries them: never one of Quartz's threads. */
    private final ScheduledExecutorService threads;
    /** The pings handed to the notifier and not yet completed, released or given up on. */
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** When this showcall started: a ping due before then is late because showcall was offline. */
    private final Instant up;
    private final PingMeters meters;
    private final CallSheets callSheets;

    public PingSender(Supplier<ShowDirectory> shows, Database database, CallPingRepository pings,
                      DelayRepository delays, TimelineEventRepository timeline, CallNotifier notifier, Clock clock,
                      ScheduledExecutorService threads, PingMeters meters, CallSheets callSheets) {
        this.meters = meters;
        this.callSheets = callSheets;
        this.shows = shows;
        this.database = database;
        this.pings = pings;
        this.delays = delays;
        this.timeline = timeline;
        this.notifier = notifier;
        this.clock = clock;
        this.threads = threads;
        this.up = clock.instant();
    }

    /**
     * Sends every ping of the show that was claimed and never completed: showcall stopped between
     * the claim and Discord's answer. A reminder whose call has passed is dropped instead.
     */
    public void recover(PlannedShow show) {
        List<CallPing> owed = database.inTransaction(c -> pings.claimedButNotSent(c, show.id()));
        for (CallPing ping : owed) {
            log.info("Show {}: {} {} was claimed but not sent before showcall stopped; sending it now", show.id(),
                    ping.callKey(), ping.ping());
            send(show.id(), ping.callKey(), ping.ping(), true);
        }
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
        OptionalLong upload = CallPing.uploadOf(ping);
        if (upload.isPresent() && show.isPresent()) {
            sendReplannedNotice(show.get(), subjectKey, ping, upload.getAsLong(), recovering);
            return;
        }
        if (CallPing.isCallSheet(ping) && show.isPresent()) {
            sendCallSheet(show.get(), subjectKey, ping, recovering);
            return;
        }
        OptionalLong claim = CallPing.claimOf(ping);
        if (claim.isPresent() && show.isPresent()) {
            sendClaimNotice(show.get(), subjectKey, ping, claim.getAsLong(), recovering);
            return;
        }
        Optional<PlannedPing> planned = show.flatMap(s -> planned(s, subjectKey, ping));
        if (show.isEmpty() || planned.isEmpty()) {
            log.info("Show {}: {} {} is no longer planned; not sent", showId, subjectKey, ping);
            return;
        }
        send(show.get(), planned.get(), recovering);
    }

    /** The ping as the show plans it now, with the delays so far. */
    private Optional<PlannedPing> planned(PlannedShow show, String subjectKey, String ping) {
        Optional<PlannedPing> planned = PingPlan.of(show).stream()
                .filter(p -> p.subjectKey().equals(subjectKey) && p.ping().equals(ping))
                .findFirst();
        if (planned.isEmpty()) {
            return planned;
        }
        return database.inTransaction(c -> Optional.of(Ladders.runningLate(
                planned.get().shiftedBy(delays.totalDelay(c, show.id())), confirmations.find(c, show.id(), subjectKey))));
    }

    private void send(PlannedShow show, PlannedPing ping, boolean recovering) {
        Instant now = clock.instant();
        if (ping.isMilestone()) {
            markMilestone(show, ping, now);
            return;
        }
        if (ping.isCallSheet()) {
            callSheets.sendOnTime(show, ping);
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
        if (ping.isEscalation()) {
            escalate(show, ping, now, recovering);
            return;
        }
        if (ping.isReminder() && (!now.isBefore(ping.callAt()) || callSent(show, ping.subjectKey()))) {
            drop(show, ping, now, recovering);
            return;
        }
        if (ping.isAnnouncement()) {
            // Announcements due at one instant reach the calls channel together and in the plan's order, whichever
            // of their jobs Quartz runs first: the first to run claims every one still unclaimed, in one transaction,
            // and hands them over back to back.
            List<PlannedPing> siblings = announcementsDueWith(show, ping);
            List<PlannedPing> claimed = database.inTransaction(c -> siblings.stream()
                    .filter(s -> !inFlight.contains(key(show.id(), s.subjectKey(), s.ping())))
                    .filter(s -> claimIn(c, show.id(), s, now, recovering && s.jobName().equals(ping.jobName())))
                    .toList());
            claimed.forEach(s -> hand(show, s));
            return;
        }
        if (!ours(show.id(), ping.subjectKey(), ping.ping(), ping.due(), now, recovering)) {
            log.debug("Show {}: {} {} went out already", show.id(), ping.subjectKey(), ping.ping());
            return;
        }
        hand(show, ping);
    }

    /** The show's announcements due at the same instant as {@code announcement}, itself included, in the plan's order. */
    private List<PlannedPing> announcementsDueWith(PlannedShow show, PlannedPing announcement) {
        Duration delay = database.inTransaction(c -> delays.totalDelay(c, show.id()));
        List<PlannedPing> siblings = PingPlan.of(show).stream()
                .filter(PlannedPing::isAnnouncement)
                .map(p -> p.shiftedBy(delay))
                .filter(p -> p.due().equals(announcement.due()))
                .toList();
        return siblings.isEmpty() ? List.of(announcement) : siblings;
    }

    /** Hands a claimed ping over to be sent; returns at once. */
    private void hand(PlannedShow show, PlannedPing ping) {
        boolean[] first = {true};
        Lateness late = lateness(ping.due());
        dispatch(show.id(), ping.subjectKey(), ping.ping(), 1, late, () -> {
            // a retry tells the call as it stands now, after any delay meanwhile
            PlannedPing current = first[0] ? ping : planned(show, ping.subjectKey(), ping.ping()).orElse(ping);
            first[0] = false;
            late.dueAt(current.due());
            return deliver(show, current, late).thenApply(outcome -> new Delivered(outcome, ping.due(),
                    event(show, current, outcome, late.told(), clock.instant())));
        });
    }

    /** A ping due at {@code due}, held until now by showcall itself: down then, or busy. */
    private Lateness lateness(Instant due) {
        return new Lateness(due, due.isBefore(up) ? Lateness.OFFLINE : Lateness.BUSY, clock);
    }

    /** What became of a ping handed to the notifier: completed with this. */
    private record Delivered(PingOutcome outcome, Instant due, Optional<TimelineEvent> event) {
    }

    /** A way to (re)send one ping: it hands the message over and returns at once. */
    private interface Attempt {
        CompletableFuture<Delivered> start();
    }

    /**
     * Claims the ping, or finds it ours to finish: a claim without a send, when Quartz runs a job
     * again after a crash or showcall recovers at start; never one that is on its way now.
     */
    private boolean ours(String showId, String subjectKey, String ping, Instant due, Instant now, boolean recovering) {
        if (inFlight.contains(key(showId, subjectKey, ping))) {
            return false;
        }
        return database.inTransaction(c -> claimIn(c, showId, subjectKey, ping, due, now, recovering));
    }

    private boolean claimIn(Connection c, String showId, PlannedPing ping, Instant now, boolean recovering) {
        return claimIn(c, showId, ping.subjectKey(), ping.ping(), ping.due(), now, recovering);
    }

    private boolean claimIn(Connection c, String showId, String subjectKey, String ping, Instant due, Instant now,
                            boolean recovering) {
        return pings.claim(c, showId, subjectKey, ping, due, now)
                || recovering && pings.find(c, showId, subjectKey, ping).map(p -> p.sentAt().isEmpty()).orElse(false);
    }

    /** Hands a claimed ping over; completes it when Discord answers, or retries it. Returns at once. */
    private void dispatch(String showId, String subjectKey, String ping, int attempt, Lateness late, Attempt send) {
        String key = key(showId, subjectKey, ping);
        if (attempt == 1 && !inFlight.add(key)) {
            return;
        }
        CompletableFuture<Delivered> delivered;
        try {
            delivered = send.start();
        } catch (RuntimeException e) {
            delivered = CompletableFuture.failedFuture(e);
        }
        delivered.whenComplete((done, failure) -> {
            try {
                threads.execute(() -> {
                    if (failure == null) {
                        complete(showId, subjectKey, ping, done);
                    } else {
                        failed(showId, subjectKey, ping, attempt, late, send, failure);
                    }
                });
            } catch (RejectedExecutionException e) {
                // stopping: the claim stays, and the ping is sent at the next start
                inFlight.remove(key);
            }
        });
    }

    private void complete(String showId, String subjectKey, String ping, Delivered done) {
        Instant sent = clock.instant();
        try {
            database.runInTransaction(c -> {
                pings.complete(c, showId, subjectKey, ping, sent, Duration.between(done.due(), sent), done.outcome(),
                        Optional.empty());
                done.event().ifPresent(e -> timeline.append(c, e));
            });
            meters.sent(done.outcome(), Duration.between(done.due(), sent));
            log.info("Show {}: sent {} {} ({}, {} ms after due)", showId, subjectKey, ping, done.outcome(),
                    Duration.between(done.due(), sent).toMillis());
        } finally {
            inFlight.remove(key(showId, subjectKey, ping));
        }
    }

    private void failed(String showId, String subjectKey, String ping, int attempt, Lateness late, Attempt send,
                        Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        late.heldBy(notifier.whyNotSent(cause));
        if (attempt >= PingJob.MAX_ATTEMPTS) {
            log.error("Show {}: giving up on {} {} after {} attempts", showId, subjectKey, ping, attempt, cause);
            meters.gaveUp();
            try {
                giveUp(showId, subjectKey, ping);
            } finally {
                inFlight.remove(key(showId, subjectKey, ping));
            }
            return;
        }
        Duration backOff = PingJob.backOff(attempt);
        log.warn("Show {}: {} {} not delivered, attempt {}; retrying in {}s", showId, subjectKey, ping, attempt,
                backOff.toSeconds(), cause);
        try {
            threads.schedule(() -> dispatch(showId, subjectKey, ping, attempt + 1, late, send), backOff.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            inFlight.remove(key(showId, subjectKey, ping));
        }
    }

    private static String key(String showId, String subjectKey, String ping) {
        return showId + "|" + subjectKey + "|" + ping;
    }

    /**
     * A milestone has come: it goes on the timeline once, with the ping recorded in the same
     * transaction, and says so when showcall was offline at the time.
     */
    private void markMilestone(PlannedShow show, PlannedPing ping, Instant now) {
        Optional<String> late = lateness(ping.due()).note();
        String name = milestoneName(show, ping.subjectKey());
        String text = "**" + UserText.inline(name) + "** <t:" + ping.due().getEpochSecond() + ":t>"
                + late.map(l -> " (posted " + l + ")").orElse("");
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

    /** The name as the show file writes it, which may itself end in "#2". */
    private static String milestoneName(PlannedShow show, String key) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (dev.showcall.show.CallSheet.TimedMilestone m : show.sheet().milestones()) {
            if (Announcements.milestone(m.name(), seen.merge(m.name(), 1, Integer::sum)).equals(key)) {
                return m.name();
            }
        }
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
                    Optional.of(ping.subjectKey()), UserText.inline(call.get().who()) + " ("
                            + UserText.inline(call.get().departmentName()) + ") has not confirmed their call at <t:" + ping.callAt().getEpochSecond() + ":t>"));
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
                    Optional.of(ping.subjectKey()), "<@&" + show.show().discord().prRoleId() + "> " + UserText.inline(call.get().who())
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
                () -> notifier.moved(key(show.id(), callKey, ping), show, call.get(), from, to, delay.get().reason()));
    }

    /**
     * Tells someone a plan update moved their call: from where the old plan had it to where the new one has it,
     * both moved by the delays declared so far.
     */
    private void sendReplannedNotice(PlannedShow show, String callKey, String ping, long uploadId, boolean recovering) {
        Optional<dev.showcall.backstage.PlanMove> move = database.inTransaction(c ->
                planUploads.move(c, show.id(), uploadId, callKey));
        Optional<Call> call = show.call(callKey);
        if (move.isEmpty() || call.isEmpty()) {
            log.info("Show {}: notice {} for {} has nothing left to tell", show.id(), ping, callKey);
            return;
        }
        Duration delay = database.inTransaction(c -> delays.totalDelay(c, show.id()));
        sendNoticeOnce(show, callKey, ping, recovering, () -> notifier.moved(key(show.id(), callKey, ping), show,
                call.get(), move.get().from().plus(delay), move.get().to().plus(delay), REPLANNED_REASON));
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
        sendNoticeOnce(show, subjectKey, ping, recovering,
                () -> notifier.tell(key(show.id(), subjectKey, ping), show, userOf(subjectKey), text.get()));
    }

    /** Tells whoever claimed a roster line with /iam what the producers decided. */
    private void sendClaimNotice(PlannedShow show, String subjectKey, String ping, long claimId, boolean recovering) {
        Optional<LinkClaim> claim = database.inTransaction(c -> claims.find(c, claimId));
        Optional<String> text = claim.filter(k -> k.showId().equals(show.id()) && ClaimNotice.subject(k).equals(subjectKey))
                .flatMap(k -> ClaimNotice.text(show.show().name(), k));
        if (text.isEmpty()) {
            log.info("Show {}: notice {} for {} has nothing left to tell", show.id(), ping, subjectKey);
            return;
        }
        sendNoticeOnce(show, subjectKey, ping, recovering,
                () -> notifier.tell(key(show.id(), subjectKey, ping), show, userOf(subjectKey), text.get()));
    }

    /** Someone's call sheet, or the lines of it a new plan changed: a notice, written down before it is sent. */
    private void sendCallSheet(PlannedShow show, String callKey, String ping, boolean recovering) {
        callSheets.sheetFor(show, callKey, ping).ifPresent(sheet -> sendNoticeOnce(show, callKey, ping, recovering,
                () -> sheet.apply(key(show.id(), callKey, ping))));
    }

    /** A notice is due the moment it is made: claimed, handed over, and completed when Discord has it. */
    private void sendNoticeOnce(PlannedShow show, String subjectKey, String ping, boolean recovering,
                                Supplier<CompletableFuture<PingOutcome>> send) {
        Instant now = clock.instant();
        if (!ours(show.id(), subjectKey, ping, now, now, recovering)) {
            return;
        }
        Instant due = database.inTransaction(c -> pings.find(c, show.id(), subjectKey, ping))
                .map(CallPing::dueAt).orElse(now);
        dispatch(show.id(), subjectKey, ping, 1, lateness(due),
                () -> send.get().thenApply(outcome -> new Delivered(outcome, due, Optional.empty())));
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
            if (ping.equals(PlannedPing.CALL)) {
                alerts.raiseOnce(c, showId, CallStatuses.undelivered(subjectKey), now);
            }
            timeline.append(c, TimelineEvent.of(showId, now, EventKind.ALERT, OptionalLong.empty(),
                    Optional.of(subjectKey), "Could not deliver the " + describe(ping) + " for " + UserText.inline(subjectKey)
                            + " after several tries: check on them directly."));
        });
    }

    private void drop(PlannedShow show, PlannedPing ping, Instant now, boolean recovering) {
        drop(show, ping, now, recovering, "its call had passed");
        log.info("Show {}: dropped {} {}: the call had passed", show.id(), ping.subjectKey(), ping.ping());
    }

    /** Records the ping as not sent, and why: it is never scheduled again. */
    private void drop(PlannedShow show, PlannedPing ping, Instant now, boolean recovering, String why) {
        if (inFlight.contains(key(show.id(), ping.subjectKey(), ping.ping()))) {
            return;
        }
        database.runInTransaction(c -> {
            if (pings.claim(c, show.id(), ping.subjectKey(), ping.ping(), ping.due(), now) || recovering
                    && pings.find(c, show.id(), ping.subjectKey(), ping.ping()).map(p -> p.sentAt().isEmpty()).orElse(false)) {
                pings.complete(c, show.id(), ping.subjectKey(), ping.ping(), now, Duration.between(ping.due(), now),
                        PingOutcome.DROPPED, Optional.of(why));
            }
        });
    }

    /**
     * Takes a step of someone's ladder, once, if its condition still holds: not confirmed (no answer on their
     * call) or not arrived; a lead who reached them stops it, and an arrival or a no-show stops both. A step of
     * the not-arrived ladder waits for the minutes they said they would be late: its job is moved then, and one
     * that fires before its new time leaves it to the sync, which schedules it again.
     */
    private void escalate(PlannedShow show, PlannedPing ping, Instant now, boolean recovering) {
        CallPing.Rung rung = CallPing.rungOf(ping.ping()).orElseThrow();
        Optional<Call> call = show.call(ping.subjectKey());
        List<Escalation.Step> ladder = call.map(c -> show.show().escalationOf(c).ladder(rung.condition()))
                .orElse(List.of());
        if (call.isEmpty() || rung.step() > ladder.size()) {
            log.info("Show {}: {} {} is no longer planned; not taken", show.id(), ping.subjectKey(), ping.ping());
            return;
        }
        if (ping.due().isAfter(now.plusSeconds(1)) && rung.condition() == Escalation.Condition.NOT_ARRIVED) {
            log.info("Show {}: {} {} waits until {}: they said they are running late", show.id(), ping.subjectKey(),
                    ping.ping(), ping.due());
            return;
        }
        // after an outage the steps fall due together: the highest one says it all, the ones below it are skipped
        Duration after = ladder.get(rung.step() - 1).after();
        boolean overtaken = ladder.stream().skip(rung.step())
                .anyMatch(next -> !ping.due().plus(next.after().minus(after)).isAfter(now));
        Optional<String> settled = overtaken ? Optional.of("a later step of the ladder was due as well")
                : database.inTransaction(c -> settled(c, show.id(), ping.subjectKey(), rung.condition()));
        if (settled.isPresent()) {
            drop(show, ping, now, recovering, settled.get());
            log.info("Show {}: {} {} not taken: {}", show.id(), ping.subjectKey(), ping.ping(), settled.get());
            return;
        }
        if (!ours(show.id(), ping.subjectKey(), ping.ping(), ping.due(), now, recovering)) {
            return;
        }
        Escalated step = new Escalated(rung.condition(), rung.step(), ladder.size(),
                ladder.get(rung.step() - 1).action(), ping.callAt());
        Lateness late = lateness(ping.due());
        dispatch(show.id(), ping.subjectKey(), ping.ping(), 1, late, () -> notifier
                .escalate(key(show.id(), ping.subjectKey(), ping.ping()), show, call.get(), step, late)
                .thenApply(outcome -> new Delivered(outcome, ping.due(), Optional.of(Ladders.event(show, call.get(),
                        step, outcome, late.told(), clock.instant())))));
    }

    /** Why someone's ladder for {@code condition} climbs no further, if it does not. */
    private Optional<String> settled(Connection c, String showId, String callKey, Escalation.Condition condition) {
        if (arrivals.find(c, showId, callKey).isPresent()) {
            return Optional.of("they arrived");
        }
        if (noShows.find(c, showId, callKey).isPresent()) {
            return Optional.of("they were marked a no-show");
        }
        if (stops.find(c, showId, callKey, condition).isPresent()) {
            return Optional.of("their lead reached them");
        }
        if (condition == Escalation.Condition.NOT_CONFIRMED && confirmations.find(c, showId, callKey).isPresent()) {
            return Optional.of("they answered their call");
        }
        return Optional.empty();
    }

    private CompletableFuture<PingOutcome> deliver(PlannedShow show, PlannedPing ping, Lateness late) {
        String key = key(show.id(), ping.subjectKey(), ping.ping());
        if (ping.isAnnouncement()) {
            return notifier.announce(key, show, announcementTitle(show, ping), announcedCalls(show, ping), ping.callAt(),
                    late).thenApply(v -> PingOutcome.CHANNEL);
        }
        Call call = show.call(ping.subjectKey())
                .orElseThrow(() -> new IllegalStateException("no call " + ping.subjectKey() + " in " + show.id()));
        if (ping.isReminder()) {
            return notifier.remind(key, show, call, ping.callAt(), late);
        }
        // A call made before its time (she replaces someone) is for now, not for the planned time.
        Instant now = clock.instant();
        return notifier.call(key, show, call, ping.callAt().isAfter(now) ? now : ping.callAt(), late);
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
                                          Optional<String> late, Instant at) {
        String lateNote = late.map(l -> " (sent " + l + ")").orElse("");
        if (ping.isAnnouncement()) {
            int people = announcedCalls(show, ping).size();
            return Optional.of(TimelineEvent.of(show.id(), at, EventKind.CALL, OptionalLong.empty(),
                    Optional.of(ping.subjectKey()), UserText.inline(announcementTitle(show, ping)) + " called: " + people
                            + (people == 1 ? " call" : " calls") + lateNote));
        }
        if (outcome == PingOutcome.BY_NAME) {
            Call call = show.call(ping.subjectKey()).orElseThrow();
            return Optional.of(TimelineEvent.of(show.id(), at, EventKind.CALL, OptionalLong.empty(),
                    Optional.of(ping.subjectKey()), UserText.inline(call.who()) + " ("
                            + UserText.inline(call.departmentName()) + ") is not linked on Discord: called by name "
                            + "in the calls channel" + lateNote));
        }
        if (outcome == PingOutcome.EMAIL && ping.ping().equals(PlannedPing.CALL)) {
            Call call = show.call(ping.subjectKey()).orElseThrow();
            return Optional.of(TimelineEvent.of(show.id(), at, EventKind.CALL, OptionalLong.empty(),
                    Optional.of(ping.subjectKey()), UserText.inline(call.who()) + " ("
                            + UserText.inline(call.departmentName()) + ") has no Discord showcall can reach: called "
                            + "by email" + lateNote));
        }
        if (outcome == PingOutcome.CHANNEL) {
            Call call = show.call(ping.subjectKey()).orElseThrow();
            return Optional.of(TimelineEvent.of(show.id(), at, EventKind.ALERT, OptionalLong.empty(),
                    Optional.of(ping.subjectKey()), UserText.inline(call.who()) + " ("
                            + UserText.inline(call.departmentName()) + ") cannot be reached by DM: "
                            + "mentioned in the calls channel instead" + lateNote));
        }
        return Optional.empty();
    }

    private static String describe(String ping) {
        if (CallPing.rungOf(ping).isPresent()) {
            return "escalation (" + ping + ")";
        }
        return ping.equals(PlannedPing.CALL) ? "call" : "reminder";
    }
}
