package dev.showcall.calls;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.ConfirmationState;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.show.Escalation;
import dev.showcall.text.UserText;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** The rules of the escalation ladders that more than one place needs. Pure. */
public final class Ladders {

    private Ladders() {
    }

    /**
     * {@code ping} as someone's answer moves it: "running N min late" moves their not-arrived ladder by N minutes.
     * Any other ping, or answer, leaves it as it is.
     */
    public static PlannedPing runningLate(PlannedPing ping, Optional<Confirmation> answer) {
        Duration late = lateBy(answer);
        boolean absent = CallPing.rungOf(ping.ping()).filter(r -> r.condition() == Escalation.Condition.NOT_ARRIVED)
                .isPresent();
        return absent && !late.isZero() ? ping.dueLater(late) : ping;
    }

    /** How late they said they would be, or zero. */
    public static Duration lateBy(Optional<Confirmation> answer) {
        return answer.filter(a -> a.state() == ConfirmationState.RUNNING_LATE)
                .flatMap(a -> a.lateMinutes().isPresent() ? Optional.of(Duration.ofMinutes(a.lateMinutes().getAsInt()))
                        : Optional.empty())
                .orElse(Duration.ZERO);
    }

    /**
     * The line in the log for a step taken: "⏫ Siobhan Kelly (Hair) has not confirmed their call at 14:00: step 2 of
     * 3, lead told". The producers' step mentions their role; the timeline decides whom it may ping.
     */
    static TimelineEvent event(PlannedShow show, Call call, Escalated step, PingOutcome outcome, Optional<String> late,
                               Instant at) {
        String how = switch (outcome) {
            case CHANNEL -> step.action() == Escalation.Action.CALLS_CHANNEL ? "" : " (no DM could reach them: in the calls channel instead)";
            case BY_NAME -> " (not linked on Discord: by name in the calls channel)";
            case ROLE -> " (no producer could be found to DM)";
            case EMAIL -> " (by email: no Discord reaches them)";
            default -> "";
        };
        String producers = step.action() == Escalation.Action.PRODUCERS
                ? "<@&" + show.show().discord().producerRoleId() + "> " : "";
        String text = producers + "⏫ " + UserText.inline(call.who()) + " (" + UserText.inline(call.departmentName()) + ") "
                + (step.condition() == Escalation.Condition.NOT_CONFIRMED
                        ? "has not confirmed their call at " : "has not arrived, called for ")
                + "<t:" + step.callAt().getEpochSecond() + ":t>: " + step.describe() + how
                + late.map(l -> " (" + l + ")").orElse("");
        return TimelineEvent.of(show.id(), at, EventKind.ESCALATION, OptionalLong.empty(), Optional.of(call.key()), text);
    }
}
