package dev.showcall.backstage;

import java.time.Instant;
import java.util.Objects;

/** A model marked as not coming, by whom and when. */
public record NoShow(String showId, String subjectKey, long markedBy, Instant markedAt) {

    public NoShow {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(markedAt, "markedAt");
    }
}
