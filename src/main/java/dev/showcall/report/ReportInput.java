package dev.showcall.report;

import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.Delay;
import dev.showcall.backstage.LookStep;
import dev.showcall.backstage.ModelStep;
import dev.showcall.backstage.NoShow;
import dev.showcall.backstage.Replacement;
import dev.showcall.backstage.Walk;
import dev.showcall.show.Call;
import dev.showcall.show.Show;
import java.util.List;

/** Everything the store holds about one show's day: what the report is computed from. */
public record ReportInput(
        Show show,
        List<Call> calls,
        List<Arrival> arrivals,
        List<NoShow> noShows,
        List<Confirmation> confirmations,
        List<CallPing> pings,
        List<Delay> delays,
        List<Walk> walks,
        List<Replacement> replacements,
        List<ModelStep> modelSteps,
        List<LookStep> lookSteps) {

    public ReportInput {
        calls = List.copyOf(calls);
        arrivals = List.copyOf(arrivals);
        noShows = List.copyOf(noShows);
        confirmations = List.copyOf(confirmations);
        pings = List.copyOf(pings);
        delays = List.copyOf(delays);
        walks = List.copyOf(walks);
        replacements = List.copyOf(replacements);
        modelSteps = List.copyOf(modelSteps);
        lookSteps = List.copyOf(lookSteps);
    }
}
