package dev.showcall.backstage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.show.Escalation;
import dev.showcall.show.Escalation.Action;
import dev.showcall.show.Escalation.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("How far someone is up a ladder")
class ClimbTest {

    private static final Instant CALL = Instant.parse("2027-02-21T14:00:00Z");
    private static final String KEY = "crew:hair:1190000000000000201";
    private static final Escalation LADDERS = new Escalation(Map.of(
            Condition.NOT_CONFIRMED, List.of(new Escalation.Step(Duration.ofMinutes(10), Action.DM_AGAIN),
                    new Escalation.Step(Duration.ofMinutes(20), Action.DM_LEAD),
                    new Escalation.Step(Duration.ofMinutes(30), Action.PRODUCERS)),
            Condition.NOT_ARRIVED, List.of(new Escalation.Step(Duration.ofMinutes(15), Action.CALLS_CHANNEL))));

    private static CallPing taken(Condition condition, int step, PingOutcome outcome, int minutesAfterCall) {
        Instant at = CALL.plus(Duration.ofMinutes(minutesAfterCall));
        return new CallPing("show", KEY, CallPing.escalation(condition, step), at, at, Optional.of(at),
                Optional.of(Duration.ZERO), Optional.of(outcome), Optional.empty());
    }

    @Test
    @DisplayName("is the last step taken, with the size of its ladder and what it did")
    void lastStepTaken() {
        // given two steps of the not-confirmed ladder taken
        List<CallPing> pings = List.of(taken(Condition.NOT_CONFIRMED, 1, PingOutcome.DM, 10),
                taken(Condition.NOT_CONFIRMED, 2, PingOutcome.DM, 20));

        // then they are on step 2 of 3: their lead was told
        assertThat(Climb.of(LADDERS, pings, Set.of())).contains(new Climb(Condition.NOT_CONFIRMED, 2, 3,
                Action.DM_LEAD, CALL.plus(Duration.ofMinutes(20))));
    }

    @Test
    @DisplayName("leaves out a step not taken because its condition no longer held")
    void droppedStepsAreNotClimbed() {
        List<CallPing> pings = List.of(taken(Condition.NOT_CONFIRMED, 1, PingOutcome.DM, 10),
                taken(Condition.NOT_CONFIRMED, 2, PingOutcome.DROPPED, 20));

        assertThat(Climb.of(LADDERS, pings, Set.of())).map(Climb::step).contains(1);
    }

    @Test
    @DisplayName("is nothing once the ladder is closed: they answered, arrived, or their lead reached them")
    void closedLadders() {
        // given a step of each ladder taken
        List<CallPing> pings = List.of(taken(Condition.NOT_CONFIRMED, 1, PingOutcome.DM, 10),
                taken(Condition.NOT_ARRIVED, 1, PingOutcome.CHANNEL, 15));

        // then an answer leaves the not-arrived ladder climbing, an arrival closes both
        assertThat(Climb.of(LADDERS, pings, Climb.closed(true, false, List.of()))).map(Climb::condition)
                .contains(Condition.NOT_ARRIVED);
        assertThat(Climb.of(LADDERS, pings, Climb.closed(false, true, List.of()))).isEmpty();
        assertThat(Climb.of(LADDERS, pings, Climb.closed(false, false, EnumSet.allOf(Condition.class)))).isEmpty();
    }
}
