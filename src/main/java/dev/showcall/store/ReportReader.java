package dev.showcall.store;

import dev.showcall.report.ReportInput;
import dev.showcall.show.Show;
import dev.showcall.show.ShowReader;
import java.sql.Connection;
import java.util.Optional;

/** Reads everything a show's report is computed from, in the caller's transaction. */
public final class ReportReader {

    private final ShowRepository shows = new ShowRepository();
    private final ArrivalRepository arrivals = new ArrivalRepository();
    private final NoShowRepository noShows = new NoShowRepository();
    private final ConfirmationRepository confirmations = new ConfirmationRepository();
    private final CallPingRepository pings = new CallPingRepository();
    private final DelayRepository delays = new DelayRepository();
    private final WalkRepository walks = new WalkRepository();
    private final ReplacementRepository replacements = new ReplacementRepository();
    private final ModelStepRepository modelSteps = new ModelStepRepository();
    private final LookStepRepository lookSteps = new LookStepRepository();

    /**
     * The show's day, or nothing when the database holds no such show. The show is read back from the
     * file's text as it was last loaded, so the report needs no show file.
     */
    public Optional<ReportInput> read(Connection c, String showId) {
        return shows.find(c, showId).map(stored -> {
            Show show = ShowReader.read(stored.sourceFile(), stored.sourceText()).show()
                    .orElseThrow(() -> new StoreException("The stored file of show " + showId
                            + " no longer validates", null));
            return new ReportInput(show, shows.plannedCalls(c, showId), arrivals.forShow(c, showId),
                    noShows.forShow(c, showId), confirmations.forShow(c, showId), pings.forShow(c, showId),
                    delays.forShow(c, showId), walks.forShow(c, showId), replacements.forShow(c, showId),
                    modelSteps.forShow(c, showId), lookSteps.forShow(c, showId));
        });
    }
}
