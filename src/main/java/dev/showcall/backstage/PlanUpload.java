package dev.showcall.backstage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A new version of a show file, kept from the moment its changes are shown to a producer until one
 * applies or cancels it.
 *
 * @param baseSha256 the SHA-256 of the stored show file its changes were worked out against
 * @param fileName   the name it was uploaded under, or the show's own file when it was re-read from disk
 * @param text       the file as uploaded
 * @param decidedBy  who applied or cancelled it, once someone has
 */
public record PlanUpload(
        long id,
        String showId,
        String baseSha256,
        String fileName,
        String text,
        long uploadedBy,
        Instant uploadedAt,
        Status status,
        OptionalLong decidedBy,
        Optional<Instant> decidedAt) {

    public enum Status { PENDING, APPLIED, CANCELLED }

    public PlanUpload {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(baseSha256, "baseSha256");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if ((status == Status.PENDING) != decidedBy.isEmpty() || decidedBy.isPresent() != decidedAt.isPresent()) {
            throw new IllegalArgumentException("An upload is decided, by someone at some time, once it is no longer"
                    + " pending; upload " + id + " is " + status + " with decidedBy " + decidedBy + ", decidedAt "
                    + decidedAt);
        }
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }
}
