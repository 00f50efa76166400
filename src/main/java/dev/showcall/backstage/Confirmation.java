package dev.showcall.backstage;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What someone last answered with the buttons on their call.
 *
 * @param callKey     the key of the call they answered
 * @param lateMinutes how late they said they would be; only when {@link ConfirmationState#RUNNING_LATE}
 * @param userId      the Discord user who clicked; empty for an answer given on the personal page, without Discord
 */
public record Confirmation(
        String showId,
        String callKey,
        ConfirmationState state,
        OptionalInt lateMinutes,
        OptionalLong userId,
        Instant updatedAt) {

    public Confirmation {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(callKey, "callKey");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lateMinutes, "lateMinutes");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
        if (lateMinutes.isPresent() && state != ConfirmationState.RUNNING_LATE) {
            throw new IllegalArgumentException("Only someone running late says by how much; " + callKey
                    + " answered " + state + " with " + lateMinutes.getAsInt() + " minutes");
        }
        if (lateMinutes.isPresent() && lateMinutes.getAsInt() < 1) {
            throw new IllegalArgumentException("Running late is by at least one minute, not "
                    + lateMinutes.getAsInt() + " (" + callKey + ")");
        }
    }

    /** An answer given with the buttons on Discord. */
    public Confirmation(String showId, String callKey, ConfirmationState state, OptionalInt lateMinutes, long userId,
                        Instant updatedAt) {
        this(showId, callKey, state, lateMinutes, OptionalLong.of(userId), updatedAt);
    }

    /** The same answer: the same state and minutes, whoever clicked and whenever. */
    public boolean sameAnswerAs(Confirmation other) {
        return state == other.state && lateMinutes.equals(other.lateMinutes);
    }
}
