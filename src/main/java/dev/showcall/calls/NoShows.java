package dev.showcall.calls;

import dev.showcall.text.UserText;
import dev.showcall.backstage.Where;
import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.Arrivals;
import dev.showcall.backstage.NoShow;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Closest;
import dev.showcall.show.Model;
import dev.showcall.store.ArrivalRepository;
import dev.showcall.store.Database;
import dev.showcall.store.NoShowRepository;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** PR and producers give up on a model for the day, or take it back; each with its timeline event. */
public final class NoShows {

    private final Database database;
    private final NoShowRepository noShows;
    private final ArrivalRepository arrivals;
    private final TimelineEventRepository timeline;
    private final Clock clock;

    public NoShows(Database database, NoShowRepository noShows, ArrivalRepository arrivals,
                   TimelineEventRepository timeline, Clock clock) {
        this.database = database;
        this.noShows = noShows;
        this.arrivals = arrivals;
        this.timeline = timeline;
        this.clock = clock;
    }

    public sealed interface Outcome {
        record Marked(Model model) implements Outcome {
        }

        record AlreadyMarked(Model model, NoShow existing) implements Outcome {
        }

        /** She is marked arrived: a no-show would contradict it. */
        record HasArrived(Model model, Arrival arrival) implements Outcome {
        }

        record Undone(Model model) implements Outcome {
        }

        record NotMarked(Model model) implements Outcome {
        }

        record UnknownModel(String typed, List<String> suggestions) implements Outcome {
        }
    }

    public Outcome mark(PlannedShow show, String typed, long by) {
        return mark(show, typed, by, Where.DISCORD);
    }

    public Outcome mark(PlannedShow show, String typed, long by, Where where) {
        Optional<Model> model = show.modelNamed(typed);
        if (model.isEmpty()) {
            return new Outcome.UnknownModel(typed, Closest.ranked(typed, show.modelNames(), Arrivals.SUGGESTIONS));
        }
        Model m = model.get();
        String key = CallPlanner.modelKey(m.name());
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            Optional<Arrival> arrived = arrivals.find(c, show.id(), key);
            if (arrived.isPresent()) {
                return new Outcome.HasArrived(m, arrived.get());
            }
            NoShow mark = new NoShow(show.id(), key, by, now);
            if (!noShows.mark(c, mark)) {
                return new Outcome.AlreadyMarked(m, noShows.find(c, show.id(), key).orElse(mark));
            }
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.NO_SHOW, OptionalLong.of(by),
                    Optional.of(key), UserText.inline(m.name()) + " is a no-show" + (where == Where.DOOR ? " (marked at the door)" : "")));
            return new Outcome.Marked(m);
        });
    }

    public Outcome undo(PlannedShow show, String typed, long by) {
        Optional<Model> model = show.modelNamed(typed);
        if (model.isEmpty()) {
            return new Outcome.UnknownModel(typed, Closest.ranked(typed, show.modelNames(), Arrivals.SUGGESTIONS));
        }
        Model m = model.get();
        String key = CallPlanner.modelKey(m.name());
        Instant now = clock.instant();
        return database.inTransaction(c -> {
            if (!noShows.remove(c, show.id(), key)) {
                return new Outcome.NotMarked(m);
            }
            timeline.append(c, TimelineEvent.of(show.id(), now, EventKind.NO_SHOW, OptionalLong.of(by),
                    Optional.of(key), UserText.inline(m.name()) + " is no longer marked a no-show"));
            return new Outcome.Undone(m);
        });
    }
}
