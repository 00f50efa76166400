package dev.showcall.show;

import java.time.Instant;
import java.util.List;

/** The whole plan of a show's day, as computed by {@link CallPlanner}. */
public record CallSheet(
        Show show,
        List<Call> calls,
        List<Wave> waves,
        List<QuickChange> quickChanges,
        List<TimedMilestone> milestones) {

    public CallSheet {
        calls = List.copyOf(calls);
        waves = List.copyOf(waves);
        quickChanges = List.copyOf(quickChanges);
        milestones = List.copyOf(milestones);
    }

    public record TimedMilestone(String name, Instant at) {
    }

    public List<QuickChange> flaggedQuickChanges() {
        return quickChanges.stream().filter(QuickChange::underThreshold).toList();
    }
}
