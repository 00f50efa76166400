package dev.showcall.web;

import dev.showcall.backstage.ArrivalResult;
import dev.showcall.backstage.Arrivals;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.Where;
import dev.showcall.calls.NoShows;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The models' door: what {@code /arrived} and {@code /noshow} do, through the same services and with the same
 * rules, made in the name of the PR or producer whose door link it is and logged as made at the door.
 */
public final class Door {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Arrivals arrivals;
    private final NoShows noShows;
    private final LongFunction<String> names;

    public Door(Arrivals arrivals, NoShows noShows, LongFunction<String> names) {
        this.arrivals = arrivals;
        this.noShows = noShows;
        this.names = names;
    }

    public enum Action {
        ARRIVED, UNDO, NO_SHOW
    }

    /**
     * What the door tablet says back.
     *
     * @param done whether something changed; false for "already marked", a refusal or an unknown name
     */
    public record Answer(boolean done, String text, List<String> suggestions) {
    }

    public Answer mark(PlannedShow show, String model, Action action, long by) {
        ZoneId zone = show.show().zone();
        return switch (action) {
            case ARRIVED -> arrival(arrivals.markArrived(show, model, by, Where.DOOR), zone);
            case UNDO -> arrival(arrivals.undoArrival(show, model, by, Where.DOOR), zone);
            case NO_SHOW -> noShow(noShows.mark(show, model, by, Where.DOOR), zone);
        };
    }

    private Answer arrival(ArrivalResult result, ZoneId zone) {
        if (result instanceof ArrivalResult.Marked marked) {
            return done("✅ " + marked.model().name() + " arrived " + time(marked.arrival().arrivedAt(), zone)
                    + marked.lateness().map(l -> ", " + Arrivals.describe(l)).orElse("")
                    + marked.call().map(c -> " (call " + time(c, zone) + ")").orElse("") + ".");
        }
        if (result instanceof ArrivalResult.AlreadyMarked already) {
            return info(already.model().name() + " was already marked arrived " + time(already.existing().arrivedAt(), zone)
                    + " by " + by(already.existing().markedBy()) + "; nothing changed.");
        }
        if (result instanceof ArrivalResult.Undone undone) {
            return done("↩️ " + undone.model().name() + " is no longer marked arrived.");
        }
        if (result instanceof ArrivalResult.NotMarked notMarked) {
            return info(notMarked.model().name() + " is not marked arrived; nothing to undo.");
        }
        ArrivalResult.UnknownModel unknown = (ArrivalResult.UnknownModel) result;
        return unknown(unknown.typed(), unknown.suggestions());
    }

    private Answer noShow(NoShows.Outcome outcome, ZoneId zone) {
        if (outcome instanceof NoShows.Outcome.Marked marked) {
            return done("🚫 " + marked.model().name() + " is marked a no-show. A producer or PR gives her looks to a "
                    + "standby with /replace.");
        }
        if (outcome instanceof NoShows.Outcome.AlreadyMarked already) {
            return info(already.model().name() + " was already marked a no-show by "
                    + names.apply(already.existing().markedBy()) + " " + time(already.existing().markedAt(), zone)
                    + "; nothing changed.");
        }
        if (outcome instanceof NoShows.Outcome.HasArrived arrived) {
            return info("⚠️ " + arrived.model().name() + " is marked arrived (" + time(arrived.arrival().arrivedAt(), zone)
                    + " by " + by(arrived.arrival().markedBy()) + "). If that was a mistake, undo it first. "
                    + "Nothing was changed.");
        }
        if (outcome instanceof NoShows.Outcome.Undone undone) {
            return done("↩️ " + undone.model().name() + " is no longer marked a no-show.");
        }
        if (outcome instanceof NoShows.Outcome.NotMarked notMarked) {
            return info(notMarked.model().name() + " is not marked a no-show; nothing to undo.");
        }
        NoShows.Outcome.UnknownModel unknown = (NoShows.Outcome.UnknownModel) outcome;
        return unknown(unknown.typed(), unknown.suggestions());
    }

    private String by(java.util.OptionalLong markedBy) {
        return markedBy.isPresent() ? names.apply(markedBy.getAsLong()) : "themselves on their page";
    }

    private static Answer unknown(String typed, List<String> suggestions) {
        return new Answer(false, "⚠️ No model of this show is called \"" + typed + "\"."
                + (suggestions.isEmpty() ? "" : " Did you mean one of these?"), suggestions);
    }

    private static Answer done(String text) {
        return new Answer(true, text, List.of());
    }

    private static Answer info(String text) {
        return new Answer(false, text, List.of());
    }

    private static String time(Instant at, ZoneId zone) {
        return TIME.format(at.atZone(zone));
    }
}
