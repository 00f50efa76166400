package dev.showcall.backstage;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Someone on the call sheet is backstage.
 *
 * @param subjectKey the key of their call, such as {@code model:Anya Petrova}
 * @param arrivedAt  when they arrived, which can be earlier than PR got round to marking it
 * @param markedBy   the Discord user who marked them arrived; empty when they said so themselves on their personal
 *                   page, with no Discord account
 * @param recordedAt when the arrival was marked
 */
public record Arrival(String showId, String subjectKey, Instant arrivedAt, OptionalLong markedBy, Instant recordedAt) {

    public Arrival {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(markedBy, "markedBy");
        Objects.requireNonNull(subjectKey, "subjectKey");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** Marked by someone on Discord. */
    public Arrival(String showId, String subjectKey, Instant arrivedAt, long markedBy, Instant recordedAt) {
        this(showId, subjectKey, arrivedAt, OptionalLong.of(markedBy), recordedAt);
    }
}
