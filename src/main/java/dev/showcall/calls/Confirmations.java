package dev.showcall.calls;

import dev.showcall.text.UserText;
import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.ConfirmationChange;
import dev.showcall.backstage.ConfirmationState;
import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.ConfirmationRepository;
import dev.showcall.store.Database;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What crew answer with the buttons on their call. A second click of the same answer changes
 * nothing; another answer replaces the first. "I'm here" is their arrival.
 */
public final class Confirmations {

    private final Database database;
    private final ConfirmationRepository confirmations;
    private final ArrivalRepository arrivals;
    private final TimelineEventRepository timeline;
    private final Clock clock;
    /** What the log adds to an answer given on the personal page. */
    public static final String ON_THEIR_PAGE = " (on their page)";
    /** How late someone can say they will be, on Discord as on their page. */
    public static final List<Integer> LATE_CHOICES = List.of(5, 15, 30);

    /** Told of a change of answer once it is recorded: someone running late moves their not-arrived ladder. */
    private final Consumer<PlannedShow> changed;

    public Confirmations(Database database, ConfirmationRepository confirmations, ArrivalRepository arrivals,
                         TimelineEventRepository timeline, Clock clock) {
        this(database, confirmations, arrivals, timeline, clock, show -> { });
    }

    public Confirmations(Database database, ConfirmationRepository confirmations, ArrivalRepository arrivals,
                         TimelineEventRepository timeline, Clock clock, Consumer<PlannedShow> changed) {
        this.changed = changed;
        this.database = database;
        this.confirmations = confirmations;
        this.arrivals = arrivals;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The outcome of one click. */
    public sealed interface Outcome {
        record Recorded(Call call, ConfirmationState state, OptionalInt lateMinutes, boolean changed) implements Outcome {
        }

        /** The button is not this person's: calls are personal. */
        record NotYours(Call call) implements Outcome {
        }

        /** The call is no longer on the show's sheet. */
        record UnknownCall(String callKey) implements Outcome {
        }
    }

    /** An answer with the buttons on someone's call on Discord: only theirs. */
    public Outcome confirm(PlannedShow show, String callKey, long userId, ConfirmationState state,
                           OptionalInt lateMinutes) {
        Optional<Call> found = show.call(callKey);
        if (found.isEmpty()) {
            return new Outcome.UnknownCall(callKey);
        }
        Call call = found.get();
        if (call.userId().isEmpty() || call.userId().getAsLong() != userId) {
            return new Outcome.NotYours(call);
        }
        return record(show, call, OptionalLong.of(userId), state, lateMinutes, "");
    }

    /**
     * An answer on the person's own page, opened with the personal link of this call (which the caller checked):
     * counted as the buttons on Discord count it, recorded with no Discord user, and said so in the log.
     */
    public Outcome confirmFromPage(PlannedShow show, String callKey, ConfirmationState state, OptionalInt lateMinutes) {
        Optional<Call> found = show.call(callKey);
        if (found.isEmpty()) {
            return new Outcome.UnknownCall(callKey);
        }
        return record(show, found.get(), OptionalLong.empty(), state, lateMinutes, ON_THEIR_PAGE);
    }

    /** What the person last answered to the call, if anything. */
    public Optional<Confirmation> current(String showId, String callKey) {
        return database.inTransaction(c -> confirmations.find(c, showId, callKey));
    }

    private Outcome record(PlannedShow show, Call call, OptionalLong userId, ConfirmationState state,
                           OptionalInt lateMinutes, String how) {
        String callKey = call.key();
        Instant now = clock.instant();
        Confirmation confirmation = new Confirmation(show.id(), callKey, state, lateMinutes, userId, now);
        boolean changed = database.inTransaction(c -> {
            ConfirmationChange change = confirmations.upsert(c, confirmation);
            if (change == ConfirmationChange.UNCHANGED) {
                return false;
            }
            if (state == ConfirmationState.HERE) {
                arrivals.record(c, new Arrival(show.id(), callKey, now, userId, now));
            }
            timeline.append(c, TimelineEvent.of(show.id(), now,
                    state == ConfirmationState.HERE ? EventKind.ARRIVAL : EventKind.CONFIRMATION,
                    userId, Optional.of(callKey), describe(call, state, lateMinutes) + how));
            return true;
        });
        if (changed && state == ConfirmationState.RUNNING_LATE) {
            this.changed.accept(show);
        }
        return new Outcome.Recorded(call, state, lateMinutes, changed);
    }

    public static String describe(Call call, ConfirmationState state, OptionalInt lateMinutes) {
        String who = UserText.inline(call.who()) + " (" + UserText.inline(call.departmentName()) + ")";
        return switch (state) {
            case ON_MY_WAY -> who + " is on the way";
            case RUNNING_LATE -> who + " is running " + lateMinutes.orElse(0) + " min late";
            case HERE -> who + " is here";
        };
    }
}
