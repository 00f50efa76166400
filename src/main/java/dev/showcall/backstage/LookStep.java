package dev.showcall.backstage;

import dev.showcall.show.Step;
import java.time.Instant;
import java.util.Objects;

/** A step done on one look (dressed, accessories, ready), by someone at some moment. */
public record LookStep(String showId, int lookNumber, Step step, Instant doneAt, long doneBy) {

    public LookStep {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(doneAt, "doneAt");
    }
}
