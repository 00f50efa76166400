package dev.showcall.looks;

import dev.showcall.text.UserText;
import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.LookState;
import dev.showcall.backstage.LookStep;
import dev.showcall.backstage.ModelStep;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Step;
import dev.showcall.store.Database;
import dev.showcall.store.LookStepRepository;
import dev.showcall.store.ModelStepRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Hair, makeup, nails, dressed, accessories and ready, marked and taken back. A step on the
 * model counts for all her looks; the others for the one look.
 */
public final class LookSteps {

    private final Database database;
    private final Lineups lineups;
    private final ModelStepRepository modelSteps;
    private final LookStepRepository lookSteps;
    private final TimelineEventRepository timeline;
    private final Clock clock;

    public LookSteps(Database database, Lineups lineups, ModelStepRepository modelSteps, LookStepRepository lookSteps,
                     TimelineEventRepository timeline, Clock clock) {
        this.database = database;
        this.lineups = lineups;
        this.modelSteps = modelSteps;
        this.lookSteps = lookSteps;
        this.timeline = timeline;
        this.clock = clock;
    }

    public sealed interface Outcome {

        /** @param looks the looks the step counts for; {@code nowReady} those it made ready */
        record Marked(LookState look, Step step, List<Integer> looks, List<Integer> nowReady) implements Outcome {
        }

        record AlreadyDone(LookState look, Step step, Instant doneAt, long doneBy) implements Outcome {
        }

        record Refused(LookState look, Step step, String reason) implements Outcome {
        }

        record Undone(LookState look, Step step, List<Integer> looks) implements Outcome {
        }

        record NotDone(LookState look, Step step) implements Outcome {
        }

        record UnknownLook(int number, int first, int last) implements Outcome {
        }
    }

    public Outcome mark(PlannedShow show, int number, Step step, long by) {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            Lineup before = lineups.of(c, show);
            Optional<LookState> look = before.look(number);
            if (look.isEmpty()) {
                return unknown(show, number);
            }
            Optional<String> refusal = before.refusalOf(look.get(), step);
            if (refusal.isPresent()) {
                return new Outcome.Refused(look.get(), step, refusal.get());
            }
            Optional<Outcome> already = alreadyDone(before, look.get(), step);
            if (already.isPresent()) {
                return already.get();
            }
            if (!store(c, show, look.get(), step, now, by)) {
                // Another report of the same step committed while this one was being decided: it stands.
                return alreadyDone(lineups.of(c, show), look.get(), step).orElseThrow(() -> new IllegalStateException(
                        step.label() + " on look " + number + " was marked and taken back at the same moment"));
            }
            Lineup after = lineups.of(c, show);
            List<Integer> affected = affected(before, look.get(), step);
            List<Integer> nowReady = affected.stream()
                    .filter(n -> !before.look(n).orElseThrow().ready() && after.look(n).orElseThrow().ready())
                    .toList();
            EventKind kind = nowReady.isEmpty() ? EventKind.LOOK_STEP : EventKind.LOOK_READY;
            timeline.append(c, TimelineEvent.of(show.id(), now, kind, OptionalLong.of(by),
                    Optional.of(subject(number)), markedText(look.get(), step, affected, nowReady)));
            return new Outcome.Marked(after.look(number).orElseThrow(), step, affected, nowReady);
        });
    }

    public Outcome undo(PlannedShow show, int number, Step step, long by) {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            Lineup before = lineups.of(c, show);
            Optional<LookState> look = before.look(number);
            if (look.isEmpty()) {
                return unknown(show, number);
            }
            if (look.get().walked()) {
                return new Outcome.Refused(look.get(), step, "look " + number + " walked already");
            }
            boolean removed = step.onModel()
                    ? modelSteps.unmark(c, show.id(), look.get().model(), step)
                    : lookSteps.unmark(c, show.id(), number, step);
            if (!removed) {
                return new Outcome.NotDone(look.get(), step);
            }
            List<Integer> affected = affected(before, look.get(), step);
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.LOOK_STEP_UNDONE, OptionalLong.of(by),
                    Optional.of(subject(number)), who(look.get(), step, affected) + ": " + step.label() + " taken back"));
            return new Outcome.Undone(lineups.of(c, show).look(number).orElseThrow(), step, affected);
        });
    }

    public static String subject(int lookNumber) {
        return "look:" + lookNumber;
    }

    /** From the floor the decision was read from, so the answer and the decision agree. */
    private static Optional<Outcome> alreadyDone(Lineup lineup, LookState look, Step step) {
        if (step.onModel()) {
            return lineup.floor().modelSteps().stream()
                    .filter(s -> s.model().equals(look.model()) && s.step() == step).findFirst()
                    .map(s -> new Outcome.AlreadyDone(look, step, s.doneAt(), s.doneBy()));
        }
        return lineup.floor().lookSteps().stream()
                .filter(s -> s.lookNumber() == look.number() && s.step() == step).findFirst()
                .map(s -> new Outcome.AlreadyDone(look, step, s.doneAt(), s.doneBy()));
    }

    /** @return false when someone else's mark of the same step got there first */
    private boolean store(Connection c, PlannedShow show, LookState look, Step step, Instant now, long by) {
        if (step.onModel()) {
            return modelSteps.mark(c, new ModelStep(show.id(), look.model(), step, now, by));
        }
        return lookSteps.mark(c, new LookStep(show.id(), look.number(), step, now, by));
    }

    /** The looks still to walk that a step on this look counts for. */
    private static List<Integer> affected(Lineup lineup, LookState look, Step step) {
        if (!step.onModel()) {
            return List.of(look.number());
        }
        return lineup.looksOf(look.model()).stream().filter(l -> !l.walked()).map(LookState::number).toList();
    }

    private static String markedText(LookState look, Step step, List<Integer> affected, List<Integer> nowReady) {
        String ready = nowReady.isEmpty() ? ""
                : " — " + (nowReady.size() == 1 ? "look " : "looks ") + numbers(nowReady) + " ready";
        return who(look, step, affected) + ": " + step.label() + " done" + ready;
    }

    /** "Anya Petrova (looks 7, 19)" for her steps, "Look 7 · Anya Petrova" for a look's. */
    private static String who(LookState look, Step step, List<Integer> affected) {
        if (step.onModel()) {
            return UserText.inline(look.model()) + " (" + (affected.size() == 1 ? "look " : "looks ")
                    + numbers(affected) + ")";
        }
        return "Look " + look.number() + " · " + UserText.inline(look.model());
    }

    static String numbers(List<Integer> looks) {
        return looks.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static Outcome unknown(PlannedShow show, int number) {
        return new Outcome.UnknownLook(number, show.show().firstLookNumber(), show.show().lastLookNumber());
    }
}
