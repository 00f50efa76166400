package dev.showcall.backstage;

import dev.showcall.show.Step;
import java.time.Instant;
import java.util.Objects;

/** Hair, makeup or nails done on a model, which counts for every look she wears. */
public record ModelStep(String showId, String model, Step step, Instant doneAt, long doneBy) {

    public ModelStep {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(doneAt, "doneAt");
        if (!step.onModel()) {
            throw new IllegalArgumentException(step.label() + " is done on a look, not on a model");
        }
    }
}
