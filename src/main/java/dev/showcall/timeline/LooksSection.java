package dev.showcall.timeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The looks part of the board: how many are ready, what is missing, and during the show the
 * look that is out and the next one.
 *
 * @param missingByStep for each step still missing somewhere, how many looks miss it, in the
 *                      order the steps are done
 * @param out           the look on the runway: the last one walked
 * @param next          the next look to walk: the first not walked yet that has a model
 * @param withoutModel  the numbers of the looks still to walk that have no model (she is a no-show
 *                      and nobody replaces her), in running order: they cannot walk
 */
public record LooksSection(int ready, int total, Map<String, Integer> missingByStep, Optional<LookLine> out,
                           Optional<LookLine> next, List<Integer> withoutModel) {

    public LooksSection {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(next, "next");
        missingByStep = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(missingByStep));
        withoutModel = List.copyOf(withoutModel);
    }

    /** A show whose every look still to walk has a model. */
    public LooksSection(int ready, int total, Map<String, Integer> missingByStep, Optional<LookLine> out,
                        Optional<LookLine> next) {
        this(ready, total, missingByStep, out, next, List.of());
    }

    public static LooksSection none() {
        return new LooksSection(0, 0, Map.of(), Optional.empty(), Optional.empty());
    }

    /** One look as the board names it, with the steps it still misses to be ready. */
    public record LookLine(int number, String model, String description, boolean ready, List<String> missing) {

        public LookLine {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(description, "description");
            missing = List.copyOf(missing);
        }
    }
}
