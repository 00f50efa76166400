package dev.showcall.looks;

import dev.showcall.text.UserText;
import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.LookState;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.Walk;
import dev.showcall.show.Step;
import dev.showcall.store.Database;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.store.WalkRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Looks going out on the runway during the show, and the one that follows. */
public final class Walks {

    private final Database database;
    private final Lineups lineups;
    private final WalkRepository walks;
    private final TimelineEventRepository timeline;
    private final Clock clock;

    public Walks(Database database, Lineups lineups, WalkRepository walks, TimelineEventRepository timeline,
                 Clock clock) {
        this.database = database;
        this.lineups = lineups;
        this.walks = walks;
        this.timeline = timeline;
        this.clock = clock;
    }

    public sealed interface Outcome {

        /** @param next the first look still to walk, if any, as it stands now */
        record Walked(LookState look, Optional<LookState> next) implements Outcome {
        }

        record AlreadyWalked(LookState look, Walk walk) implements Outcome {
        }

        record Refused(LookState look, String reason) implements Outcome {
        }

        record AllWalked() implements Outcome {
        }

        record Undone(LookState look) implements Outcome {
        }

        record NotWalked(LookState look) implements Outcome {
        }

        record UnknownLook(int number, int first, int last) implements Outcome {
        }
    }

    /** Records {@code number} going out, or the next look of the running order when none is given. */
    public Outcome walked(PlannedShow show, OptionalInt number, long by) {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            Lineup before = lineups.of(c, show);
            Optional<LookState> look = number.isPresent() ? before.look(number.getAsInt()) : before.next();
            if (look.isEmpty()) {
                return number.isPresent() ? unknown(show, number.getAsInt()) : new Outcome.AllWalked();
            }
            LookState it = look.get();
            if (it.walk().isPresent()) {
                return new Outcome.AlreadyWalked(it, it.walk().get());
            }
            if (it.modelNoShow()) {
                return new Outcome.Refused(it, UserText.inline(it.model()) + ", who wears look " + it.number()
                        + ", is marked a no-show and nobody replaces her: use /replace first");
            }
            if (!walks.record(c, new Walk(show.id(), it.number(), it.model(), now, by))) {
                // Someone else recorded it while this one was being decided: the first record stands.
                Optional<Walk> first = walks.find(c, show.id(), it.number());
                return new Outcome.AlreadyWalked(lineups.of(c, show).look(it.number()).orElseThrow(),
                        first.orElseThrow(() -> new IllegalStateException(
                                "look " + it.number() + " was recorded and taken back at the same moment")));
            }
            Lineup after = lineups.of(c, show);
            Optional<LookState> next = after.next();
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.WALKED, OptionalLong.of(by),
                    Optional.of(LookSteps.subject(it.number())), walkedText(it, next)));
            return new Outcome.Walked(after.look(it.number()).orElseThrow(), next);
        });
    }

    public Outcome undo(PlannedShow show, int number, long by) {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            Optional<LookState> look = lineups.of(c, show).look(number);
            if (look.isEmpty()) {
                return unknown(show, number);
            }
            if (!walks.remove(c, show.id(), number)) {
                return new Outcome.NotWalked(look.get());
            }
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.WALKED, OptionalLong.of(by),
                    Optional.of(LookSteps.subject(number)), "Look " + number + " had not walked after all: taken back"));
            return new Outcome.Undone(lineups.of(c, show).look(number).orElseThrow());
        });
    }

    /** "Look 7 is out: Anya Petrova · Black wool coat. Next: look 8 · Bea Lind, ready." */
    static String walkedText(LookState out, Optional<LookState> next) {
        return "Look " + out.number() + " is out: " + UserText.inline(out.model()) + " · "
                + UserText.inline(out.look().description()) + ". "
                + next.map(Walks::nextText).orElse("That was the last look.");
    }

    static String nextText(LookState next) {
        String who = "look " + next.number() + " · " + UserText.inline(next.model());
        return next.ready() ? "Next: " + who + ", ready." : "⚠️ Next: " + who + " is NOT ready: " + whatIsMissing(next) + ".";
    }

    /** "missing makeup, dressed", or why the look cannot be ready yet. */
    public static String whatIsMissing(LookState look) {
        if (look.modelNoShow()) {
            return UserText.inline(look.model()) + " is a no-show";
        }
        String missing = "missing " + look.missing().stream().map(Step::label).collect(Collectors.joining(", "));
        return look.modelArrived() ? missing : UserText.inline(look.model()) + " not arrived, " + missing;
    }

    private static Outcome unknown(PlannedShow show, int number) {
        return new Outcome.UnknownLook(number, show.show().firstLookNumber(), show.show().lastLookNumber());
    }
}
