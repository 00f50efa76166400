package dev.showcall.backstage;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone on the call sheet is backstage.
 *
 * @param subjectKey the key of their call, such as {@code model:Anya Petrova}
 * @param arrivedAt  when they arrived, which can be earlier than PR got round to marking it
 * @param markedBy   the Discord user who marked them arrived
 * @param recordedAt when the arrival was marked
 */
public record Arrival(String showId, String subjectKey, Instant arrivedAt, long markedBy, Instant recordedAt) {

    public Arrival {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
