package dev.showcall.backstage;

import dev.showcall.timeline.TimelineEvent;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where arrivals are kept. Each change is written with its timeline event in one transaction,
 * and a second mark of the same person never counts twice.
 */
public interface ArrivalStore {

    Optional<Arrival> find(String showId, String subjectKey);

    /** How far the show's delays have moved every call, so lateness is measured against the call as it stands. */
    java.time.Duration totalDelay(String showId);

    /**
     * Records {@code arrival} and its event, unless an arrival of the same person stands already.
     *
     * @return the arrival that stood before, in which case nothing was written
     */
    Optional<Arrival> recordUnlessPresent(Arrival arrival, TimelineEvent event);

    /**
     * Removes the arrival of {@code subjectKey}, if there is one, with the event made from it.
     *
     * @return the arrival removed
     */
    Optional<Arrival> removeIfPresent(String showId, String subjectKey, Function<Arrival, TimelineEvent> event);
}
