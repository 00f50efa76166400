package dev.showcall.roster;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Someone on a show's server who says a line of its roster is theirs ({@code /iam}), waiting for a producer
 * to approve or refuse it.
 *
 * @param personKey   the line claimed ({@link Person#key()})
 * @param personLabel the line as the claimant chose it ({@link Person#label()})
 * @param userId      who claims it
 * @param decidedBy   the producer who approved or refused it, once one has
 * @param messageId   the producers' message with the buttons, once Discord holds it
 */
public record LinkClaim(
        long id,
        String showId,
        String personKey,
        String personLabel,
        long userId,
        Instant claimedAt,
        Status status,
        OptionalLong decidedBy,
        Optional<Instant> decidedAt,
        OptionalLong messageId) {

    public enum Status { PENDING, APPROVED, REFUSED }

    public LinkClaim {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(personKey, "personKey");
        Objects.requireNonNull(personLabel, "personLabel");
        Objects.requireNonNull(claimedAt, "claimedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(messageId, "messageId");
        if ((status == Status.PENDING) != decidedBy.isEmpty() || decidedBy.isPresent() != decidedAt.isPresent()) {
            throw new IllegalArgumentException("A claim is decided, by someone at some time, once it is no longer"
                    + " pending; claim " + id + " is " + status + " with decidedBy " + decidedBy + ", decidedAt "
                    + decidedAt);
        }
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }
}
