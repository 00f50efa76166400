package dev.showcall.backstage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A delay a producer declared with {@code /delay}.
 *
 * @param id         assigned when the delay is stored; {@link #UNSTORED} before
 * @param minutes    how much later the show runs; negative when it runs early, never zero
 * @param declaredBy the Discord user who declared it
 */
public record Delay(long id, String showId, int minutes, String reason, long declaredBy, Instant declaredAt) {

    public static final long UNSTORED = 0;

    public static final int MAX_REASON_LENGTH = 500;

    public Delay {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(declaredAt, "declaredAt");
        if (minutes == 0) {
            throw new IllegalArgumentException("A delay of zero minutes changes nothing");
        }
        if (reason.length() > MAX_REASON_LENGTH) {
            throw new IllegalArgumentException("A delay's reason is " + reason.length()
                    + " characters long; at most " + MAX_REASON_LENGTH + " are kept");
        }
    }

    /** A new delay, not stored yet. */
    public static Delay of(String showId, int minutes, String reason, long declaredBy, Instant declaredAt) {
        return new Delay(UNSTORED, showId, minutes, reason, declaredBy, declaredAt);
    }

    public Duration duration() {
        return Duration.ofMinutes(minutes);
    }
}
