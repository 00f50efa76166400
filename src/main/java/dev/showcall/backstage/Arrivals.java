package dev.showcall.backstage;

import dev.showcall.text.UserText;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Closest;
import dev.showcall.show.Model;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** PR marks models arrived (and unmarks a mistake); lateness is measured against each call. */
public final class Arrivals {

    /** How many names to suggest for a name that matches none. */
    public static final int SUGGESTIONS = 5;

    private final ArrivalStore store;
    private final Clock clock;

    public Arrivals(ArrivalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public ArrivalResult markArrived(PlannedShow show, String typedName, long markedBy) {
        return markArrived(show, typedName, markedBy, Where.DISCORD);
    }

    public ArrivalResult markArrived(PlannedShow show, String typedName, long markedBy, Where where) {
        Optional<Model> model = findModel(show, typedName);
        if (model.isEmpty()) {
            return unknown(show, typedName);
        }
        Model m = model.get();
        Instant now = clock.instant();
        Arrival arrival = new Arrival(show.id(), CallPlanner.modelKey(m.name()), now, markedBy, now);
        Duration delay = store.totalDelay(show.id());
        Optional<Instant> call = show.callOf(m).map(c -> c.at().plus(delay));
        Optional<Duration> lateness = call.map(c -> Duration.between(c, now));
        TimelineEvent event = TimelineEvent.of(show.id(), now, EventKind.ARRIVAL, OptionalLong.of(markedBy),
                Optional.of(arrival.subjectKey()), UserText.inline(m.name()) + " arrived" + where.phrase() + lateness.map(l -> ", " + describe(l)).orElse(""));
        Optional<Arrival> before = store.recordUnlessPresent(arrival, event);
        if (before.isPresent()) {
            return new ArrivalResult.AlreadyMarked(m, before.get());
        }
        return new ArrivalResult.Marked(m, arrival, call, lateness);
    }

    public ArrivalResult undoArrival(PlannedShow show, String typedName, long undoneBy) {
        return undoArrival(show, typedName, undoneBy, Where.DISCORD);
    }

    public ArrivalResult undoArrival(PlannedShow show, String typedName, long undoneBy, Where where) {
        Optional<Model> model = findModel(show, typedName);
        if (model.isEmpty()) {
            return unknown(show, typedName);
        }
        Model m = model.get();
        Instant now = clock.instant();
        Optional<Arrival> removed = store.removeIfPresent(show.id(), CallPlanner.modelKey(m.name()),
                gone -> TimelineEvent.of(show.id(), now, EventKind.ARRIVAL_UNDONE, OptionalLong.of(undoneBy),
                        Optional.of(gone.subjectKey()),
                        UserText.inline(m.name()) + " is no longer marked arrived (marked by mistake" + (where == Where.DOOR ? ", undone at the door)" : ")")));
        return removed.<ArrivalResult>map(r -> new ArrivalResult.Undone(m, r))
                .orElseGet(() -> new ArrivalResult.NotMarked(m));
    }

    /** Model names ranked for someone typing {@code typed}, at most {@code limit}. */
    public List<String> suggestModels(PlannedShow show, String typed, int limit) {
        return Closest.ranked(typed, show.modelNames(), limit);
    }

    private static Optional<Model> findModel(PlannedShow show, String typedName) {
        return show.modelNamed(typedName);
    }

    private ArrivalResult unknown(PlannedShow show, String typedName) {
        return new ArrivalResult.UnknownModel(typedName, suggestModels(show, typedName, SUGGESTIONS));
    }

    /** "12 min late", "5 min early", "on time"; whole minutes, as people say it backstage. */
    public static String describe(Duration lateness) {
        long minutes = lateness.toMinutes();
        if (minutes == 0) {
            return "on time";
        }
        long abs = Math.abs(minutes);
        String amount = abs < 60 ? abs + " min" : String.format(Locale.ROOT, "%dh%02d", abs / 60, abs % 60);
        return amount + (minutes > 0 ? " late" : " early");
    }
}
