package dev.showcall.callsheet;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one call-sheet DM told its person, kept from before it was sent, and whether they pressed Got it on it.
 *
 * @param ping the ping that carries it: {@code callsheet}, or {@code callsheet:<version>} for an update
 */
public record SentLine(String showId, String callKey, String ping, SheetLine line, Instant writtenAt,
                       OptionalLong acknowledgedBy, Optional<Instant> acknowledgedAt) {

    public SentLine {
        Objects.requireNonNull(line, "line");
        if (acknowledgedBy.isPresent() != acknowledgedAt.isPresent()) {
            throw new IllegalArgumentException("Who pressed Got it and when are known together; " + ping + " of "
                    + callKey + " has " + acknowledgedBy + " and " + acknowledgedAt);
        }
    }

    /** Not pressed Got it yet. */
    public static SentLine unacknowledged(String showId, String callKey, String ping, SheetLine line, Instant at) {
        return new SentLine(showId, callKey, ping, line, at, OptionalLong.empty(), Optional.empty());
    }
}
