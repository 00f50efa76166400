package dev.showcall.store;

import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.ArrivalStore;
import dev.showcall.timeline.TimelineEvent;
import java.util.Optional;
import java.util.function.Function;

/** Arrivals in the database, each written in one transaction with its timeline event. */
public final class JdbcArrivalStore implements ArrivalStore {

    private final Database database;
    private final ArrivalRepository arrivals;
    private final TimelineEventRepository timeline;
    private final DelayRepository delays = new DelayRepository();

    public JdbcArrivalStore(Database database, ArrivalRepository arrivals, TimelineEventRepository timeline) {
        this.database = database;
        this.arrivals = arrivals;
        this.timeline = timeline;
    }

    @Override
    public Optional<Arrival> find(String showId, String subjectKey) {
        return database.inTransaction(c -> arrivals.find(c, showId, subjectKey));
    }

    @Override
    public java.time.Duration totalDelay(String showId) {
        return database.inTransaction(c -> delays.totalDelay(c, showId));
    }

    @Override
    public Optional<Arrival> recordUnlessPresent(Arrival arrival, TimelineEvent event) {
        return database.inTransaction(c -> {
            if (arrivals.record(c, arrival)) {
                timeline.append(c, event);
                return Optional.<Arrival>empty();
            }
            // lost a race with another mark, or marked long ago: tell who was first
            return arrivals.find(c, arrival.showId(), arrival.subjectKey());
        });
    }

    @Override
    public Optional<Arrival> removeIfPresent(String showId, String subjectKey, Function<Arrival, TimelineEvent> event) {
        return database.inTransaction(c -> {
            Optional<Arrival> existing = arrivals.find(c, showId, subjectKey);
            if (existing.isPresent() && arrivals.remove(c, showId, subjectKey)) {
                timeline.append(c, event.apply(existing.get()));
                return existing;
            }
            return Optional.<Arrival>empty();
        });
    }
}
