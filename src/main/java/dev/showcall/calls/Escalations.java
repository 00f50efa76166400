package dev.showcall.calls;

import dev.showcall.backstage.EscalationStop;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.show.Escalation;
import dev.showcall.store.Database;
import dev.showcall.store.EscalationStopRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.text.UserText;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** What a lead answers on a ladder's step: "I reached them" stops that ladder for that person, once. */
public final class Escalations {

    private final Database database;
    private final EscalationStopRepository stops;
    private final TimelineEventRepository timeline;
    private final Clock clock;

    public Escalations(Database database, EscalationStopRepository stops, TimelineEventRepository timeline,
                       Clock clock) {
        this.database = database;
        this.stops = stops;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** The outcome of one press. */
    public sealed interface Outcome {
        /** Stopped now; the log says who reached them. */
        record Stopped(Call call, Escalation.Condition condition) implements Outcome {
        }

        /** Stopped before, by this press or another: nothing changed. */
        record AlreadyStopped(Call call, EscalationStop stop) implements Outcome {
        }

        /** Only their department's lead reaches them from this button. */
        record NotTheLead(Call call) implements Outcome {
        }

        record UnknownCall() implements Outcome {
        }
    }

    public Outcome reached(PlannedShow show, String ref, Escalation.Condition condition, long userId) {
        Optional<Call> found = show.callByRef(ref);
        if (found.isEmpty()) {
            return new Outcome.UnknownCall();
        }
        Call call = found.get();
        if (call.leadUserId().isEmpty() || call.leadUserId().getAsLong() != userId) {
            return new Outcome.NotTheLead(call);
        }
        Instant now = clock.instant();
        EscalationStop stop = new EscalationStop(show.id(), call.key(), condition, userId, now);
        return database.inTransaction(c -> {
            if (!stops.stop(c, stop)) {
                return new Outcome.AlreadyStopped(call, stops.find(c, show.id(), call.key(), condition).orElse(stop));
            }
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.ESCALATION, OptionalLong.of(userId),
                    Optional.of(call.key()), "✅ <@" + userId + "> reached " + UserText.inline(call.who()) + " ("
                            + UserText.inline(call.departmentName()) + "): the " + condition.field().replace('-', ' ')
                            + " ladder stops"));
            return new Outcome.Stopped(call, condition);
        });
    }
}
