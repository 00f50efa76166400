package dev.showcall.backstage;

import dev.showcall.show.Look;
import dev.showcall.show.Step;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where one look stands on the day.
 *
 * @param model       who wears it now: the planned model, or whoever replaced her
 * @param done        the steps done: hers (hair, makeup, nails) and the look's own
 * @param missing     the steps the show requires that are not done, in step order
 * @param readyMarked a producer declared it ready, whatever is missing
 */
public record LookState(Look look, String model, Set<Step> done, List<Step> missing, boolean readyMarked,
                        boolean modelArrived, boolean modelNoShow, Optional<Walk> walk) {

    public LookState {
        done = Set.copyOf(done);
        missing = List.copyOf(missing);
    }

    public int number() {
        return look.number();
    }

    public boolean ready() {
        return readyMarked || missing.isEmpty();
    }

    public boolean walked() {
        return walk.isPresent();
    }

    /**
     * Nobody can wear it: its model is a no-show and nobody replaces her. Until someone does, it
     * cannot walk, and the running order passes it over.
     */
    public boolean withoutModel() {
        return modelNoShow;
    }

    public boolean replaced() {
        return !model.equals(look.model());
    }

    /** "7 · Anya Petrova · Black wool coat". */
    public String label() {
        return look.number() + " · " + model + " · " + look.description();
    }
}
