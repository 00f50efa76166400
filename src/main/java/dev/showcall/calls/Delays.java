package dev.showcall.calls;

import dev.showcall.text.UserText;
import dev.showcall.backstage.Delay;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.Database;
import dev.showcall.store.DelayRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Producers move the show: the start, every call and reminder still to come. Calls already made
 * stay made; everyone whose call moves is told their new time. The plan file is not rewritten:
 * the delay is stored, and added to the plan wherever a time is worked out.
 */
public final class Delays {

    /** Later than four hours is a new show day, not a delay. */
    public static final int MAX_LATER_MINUTES = 240;
    /** Earlier than two hours is a different plan. */
    public static final int MAX_EARLIER_MINUTES = 120;

    private static final Logger log = LoggerFactory.getLogger(Delays.class);

    private final Database database;
    private final DelayRepository delays;
    private final CallPingRepository pings;
    private final TimelineEventRepository timeline;
    private final CallSync sync;
    private final Reconciliation reconciliation;
    private final Clock clock;

    public Delays(Database database, DelayRepository delays, CallPingRepository pings,
                  TimelineEventRepository timeline, CallSync sync, Reconciliation reconciliation, Clock clock) {
        this.database = database;
        this.delays = delays;
        this.pings = pings;
        this.timeline = timeline;
        this.sync = sync;
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    public sealed interface Outcome {
        /** @param told how many people are being sent their new call time */
        record Declared(Delay delay, Duration total, Instant start, int told) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }
    }

    public Duration total(String showId) {
        return database.inTransaction(c -> delays.totalDelay(c, showId));
    }

    public Outcome declare(PlannedShow show, int minutes, String reason, long declaredBy) {
        if (minutes == 0) {
            return new Outcome.Refused("A delay of 0 minutes changes nothing.");
        }
        if (minutes > MAX_LATER_MINUTES || -minutes > MAX_EARLIER_MINUTES) {
            return new Outcome.Refused("A delay runs from -" + MAX_EARLIER_MINUTES + " to " + MAX_LATER_MINUTES
                    + " minutes.");
        }
        Instant now = clock.instant();
        Duration before = total(show.id());
        Duration after = before.plusMinutes(minutes);
        List<Call> pending = pendingCalls(show);
        Optional<String> tooEarly = minutes < 0 ? tooEarly(show, pending, after, now) : Optional.empty();
        if (tooEarly.isPresent()) {
            return new Outcome.Refused(tooEarly.get());
        }
        Instant start = show.show().startInstant().plus(after);
        Delay stored = database.inTransaction(c -> {
            long id = delays.add(c, Delay.of(show.id(), minutes, reason, declaredBy, now));
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.DELAY, OptionalLong.of(declaredBy),
                    Optional.empty(), (minutes > 0 ? "Delayed by " + minutes : "Brought forward by " + -minutes)
                            + " min: " + UserText.inline(reason) + ". The show now starts <t:" + start.getEpochSecond() + ":t>."));
            return new Delay(id, show.id(), minutes, reason, declaredBy, now);
        });
        int told = (int) pending.stream().filter(c -> c.userId().isPresent()).count();
        try {
            // moves the jobs and schedules the notices the stored delay owes
            sync.reconcile(show);
        } catch (SchedulerException | RuntimeException e) {
            // the delay is stored: the reconciliation moves the jobs and tells everyone as soon as it can
            log.error("Show {}: delay {} is stored but its calls could not be moved yet; reconciling again shortly",
                    show.id(), stored.id(), e);
            reconciliation.afterFailure();
        }
        return new Outcome.Declared(stored, after, start, told);
    }

    /** Calls not made yet, in time order: the ones a delay moves. */
    private List<Call> pendingCalls(PlannedShow show) {
        return database.inTransaction(c -> show.sheet().calls().stream()
                .filter(call -> !pings.isCallSent(c, show.id(), call.key()))
                .sorted(Comparator.comparing(Call::at))
                .toList());
    }

    private static Optional<String> tooEarly(PlannedShow show, List<Call> pending, Duration after, Instant now) {
        if (show.show().startInstant().plus(after).isBefore(now)) {
            return Optional.of("That would put the start in the past.");
        }
        return pending.stream().findFirst()
                .filter(first -> first.at().plus(after).isBefore(now))
                .map(first -> "That would move " + UserText.inline(first.who()) + "'s call ("
                        + UserText.inline(first.departmentName())
                        + ") into the past; bring the show forward by less.");
    }

    public Optional<Delay> find(String showId, long delayId) {
        return database.inTransaction(c -> delays.forShow(c, showId)).stream().filter(d -> d.id() == delayId).findFirst();
    }
}
