package dev.showcall.looks;

import dev.showcall.text.UserText;
import dev.showcall.backstage.Lineup;
import dev.showcall.backstage.LookState;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.Walk;
import dev.showcall.show.LookNumbers;
import dev.showcall.show.Step;
import dev.showcall.store.Database;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.store.WalkRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

        /**
         * @param next         the next look to walk, as it stands now ({@link Lineup#next()})
         * @param passedOver   the looks without a model that were passed over to reach this one,
         *                     when it was taken as the next of the running order
         * @param withoutModel the looks still to walk that have no model, as it stands now
         */
        record Walked(LookState look, Optional<LookState> next, List<LookState> passedOver,
                      List<LookState> withoutModel) implements Outcome {

            public Walked {
                passedOver = List.copyOf(passedOver);
                withoutModel = List.copyOf(withoutModel);
            }
        }

        record AlreadyWalked(LookState look, Walk walk) implements Outcome {
        }

        record Refused(LookState look, String reason) implements Outcome {
        }

        record AllWalked() implements Outcome {
        }

        /** No look can walk next: those left have no model (their model is a no-show nobody replaces). */
        record NoneCanWalk(List<LookState> withoutModel) implements Outcome {

            public NoneCanWalk {
                withoutModel = List.copyOf(withoutModel);
            }
        }

        record Undone(LookState look) implements Outcome {
        }

        record NotWalked(LookState look) implements Outcome {
        }

        record UnknownLook(int number, int first, int last) implements Outcome {
        }
    }

    /**
     * Records {@code number} going out, or the next look of the running order when none is given
     * ({@link Lineup#next()}: looks without a model are passed over).
     */
    public Outcome walked(PlannedShow show, OptionalInt number, long by) {
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            Lineup before = lineups.of(c, show);
            Optional<LookState> look = number.isPresent() ? before.look(number.getAsInt()) : before.next();
            if (look.isEmpty()) {
                if (number.isPresent()) {
                    return unknown(show, number.getAsInt());
                }
                List<LookState> stranded = before.withoutModel();
                return stranded.isEmpty() ? new Outcome.AllWalked() : new Outcome.NoneCanWalk(stranded);
            }
            LookState it = look.get();
            List<LookState> passedOver = number.isPresent() ? List.of() : before.passedOver(it);
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
            Outcome.Walked walked = new Outcome.Walked(after.look(it.number()).orElseThrow(), after.next(), passedOver,
                    after.withoutModel());
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.WALKED, OptionalLong.of(by),
                    Optional.of(LookSteps.subject(it.number())), walkedText(walked)));
            return walked;
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

    /**
     * "Look 7 is out: Anya Petrova · Black wool coat. Next: look 8 · Bea Lind, ready.", with the looks
     * passed over on the way, and without a next look, why.
     */
    static String walkedText(Outcome.Walked walked) {
        LookState out = walked.look();
        return "Look " + out.number() + " is out: " + UserText.inline(out.model()) + " · "
                + UserText.inline(out.look().description()) + ". "
                + (walked.passedOver().isEmpty() ? "" : "⚠️ " + passedOverText(walked.passedOver()) + ". ")
                + walked.next().map(Walks::nextText).orElse(noNextText(walked.withoutModel()));
    }

    /** "Passed over looks 1–20: no model (a no-show nobody replaces)". */
    public static String passedOverText(List<LookState> passedOver) {
        return "Passed over " + LookNumbers.named(numbers(passedOver)) + ": no model (a no-show nobody replaces)";
    }

    /** Why no look is next: every look walked, or those left have no model. */
    public static String noNextText(List<LookState> withoutModel) {
        return withoutModel.isEmpty() ? "That was the last look." : "⚠️ " + noneCanWalkText(withoutModel);
    }

    /** "No look can walk next: looks 11, 12 have no model; /replace gives them one." */
    public static String noneCanWalkText(List<LookState> withoutModel) {
        boolean one = withoutModel.size() == 1;
        return "No look can walk next: " + LookNumbers.named(numbers(withoutModel)) + (one ? " has" : " have")
                + " no model; /replace gives " + (one ? "it" : "them") + " one.";
    }

    /** "⚠️ 20 looks have no model: 1–20", or empty when every look left has one. */
    public static Optional<String> withoutModelWarning(List<LookState> withoutModel) {
        if (withoutModel.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("⚠️ " + withoutModel.size() + (withoutModel.size() == 1 ? " look has" : " looks have")
                + " no model: " + LookNumbers.ranges(numbers(withoutModel)));
    }

    private static List<Integer> numbers(List<LookState> looks) {
        return looks.stream().map(LookState::number).toList();
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
