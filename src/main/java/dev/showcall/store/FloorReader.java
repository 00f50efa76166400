package dev.showcall.store;

import dev.showcall.backstage.Floor;
import dev.showcall.show.CallPlanner;
import java.sql.Connection;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads everything that happened to a show's models and looks, in the caller's transaction. */
public final class FloorReader {

    private static final String MODEL_KEY_PREFIX = CallPlanner.modelKey("");

    private final ArrivalRepository arrivals = new ArrivalRepository();
    private final NoShowRepository noShows = new NoShowRepository();
    private final ModelStepRepository modelSteps = new ModelStepRepository();
    private final LookStepRepository lookSteps = new LookStepRepository();
    private final WalkRepository walks = new WalkRepository();
    private final ReplacementRepository replacements = new ReplacementRepository();

    public Floor read(Connection c, String showId) {
        Set<String> arrived = modelNames(arrivals.forShow(c, showId).stream().map(a -> a.subjectKey()).collect(Collectors.toSet()));
        Set<String> gone = modelNames(noShows.forShow(c, showId).stream().map(n -> n.subjectKey()).collect(Collectors.toSet()));
        return new Floor(arrived, gone, modelSteps.forShow(c, showId), lookSteps.forShow(c, showId),
                walks.forShow(c, showId), replacements.forShow(c, showId));
    }

    private static Set<String> modelNames(Set<String> keys) {
        return keys.stream().filter(k -> k.startsWith(MODEL_KEY_PREFIX))
                .map(k -> k.substring(MODEL_KEY_PREFIX.length())).collect(Collectors.toSet());
    }
}
