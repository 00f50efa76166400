package dev.showcall.backstage;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** One step of getting a look ready, done by someone at some moment. */
public record LookStep(String showId, int lookNumber, Step step, Instant doneAt, long doneBy) {

    /** The steps in the order a look usually goes through them. */
    public enum Step {
        HAIR, MAKEUP, NAILS, DRESSED, ACCESSORIES, READY;

        /** The name people type and the database stores: {@code hair}, {@code makeup}... */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Step> fromLabel(String label) {
            return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
        }
    }

    public LookStep {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(doneAt, "doneAt");
    }
}
