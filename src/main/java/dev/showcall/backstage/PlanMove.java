package dev.showcall.backstage;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone's call that an applied plan update moved: they are told once, by the {@link CallPing#replanned}
 * notice of the upload.
 *
 * @param from the call as the plan had it before, without any delay
 * @param to   the call as the updated plan has it, without any delay
 */
public record PlanMove(long uploadId, String showId, String callKey, Instant from, Instant to) {

    public PlanMove {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(callKey, "callKey");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
