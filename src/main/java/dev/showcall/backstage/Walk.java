package dev.showcall.backstage;

import java.time.Instant;
import java.util.Objects;

/** A look going out on the runway, worn by {@code model}, recorded by someone backstage. */
public record Walk(String showId, int lookNumber, String model, Instant walkedAt, long walkedBy) {

    public Walk {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(walkedAt, "walkedAt");
    }
}
