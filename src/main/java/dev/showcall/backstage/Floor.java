package dev.showcall.backstage;

import java.util.List;
import java.util.Set;

/**
 * What has happened on the day to a show's models and looks, as the store holds it: who is
 * backstage, who is not coming, the steps done, the looks that walked and the replacements.
 *
 * @param arrived the names of the models marked arrived
 * @param noShows the names of the models marked no-shows
 */
public record Floor(Set<String> arrived, Set<String> noShows, List<ModelStep> modelSteps,
                    List<LookStep> lookSteps, List<Walk> walks, List<Replacement> replacements) {

    public static final Floor EMPTY = new Floor(Set.of(), Set.of(), List.of(), List.of(), List.of(), List.of());

    public Floor {
        arrived = Set.copyOf(arrived);
        noShows = Set.copyOf(noShows);
        modelSteps = List.copyOf(modelSteps);
        lookSteps = List.copyOf(lookSteps);
        walks = List.copyOf(walks);
        replacements = List.copyOf(replacements);
    }
}
