package dev.showcall.backstage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A model replaced on the day: {@code replacedBy} wears {@code looks}, the looks of hers that had
 * not walked when it was decided.
 *
 * @param id assigned when stored; {@link #UNSTORED} before
 */
public record Replacement(long id, String showId, String model, String replacedBy, List<Integer> looks,
                          Instant decidedAt, long decidedBy) {

    public static final long UNSTORED = 0;

    public Replacement {
        Objects.requireNonNull(showId, "showId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(replacedBy, "replacedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        looks = List.copyOf(looks);
        if (model.equals(replacedBy)) {
            throw new IllegalArgumentException(model + " cannot replace herself");
        }
    }
}
