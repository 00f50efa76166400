package dev.showcall.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.ConfirmationState;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Escalation.Condition;
import dev.showcall.show.Show;
import dev.showcall.show.ShowReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Planning the steps of the escalation ladders")
class LaddersTest {

    private static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");
    private static final String LADDERS = """

            escalation:
              not-confirmed:
                - { after: 10m, do: dm-again }
                - { after: 20m, do: dm-lead }
              not-arrived:
                - { after: 15m, do: dm-again }
                - { after: 30m, do: producers }
            """;
    private static final Instant NOW = Instant.parse("2027-02-21T12:00:00Z");

    private PlannedShow show;

    @BeforeEach
    void readTheExampleWithLadders() throws IOException {
        // the example's own ladders out, the show's ladders below in: every department and the models follow them
        String yaml = Files.readString(EXAMPLE).replaceAll("(?m)^( *)escalation:\n(?:\\1 .*\n|\n)*", "") + LADDERS;
        Show s = ShowReader.read("show.yaml", yaml).show().orElseThrow();
        show = new PlannedShow(s, CallPlanner.plan(s));
    }

    private List<PlannedPing> steps(Call call) {
        return PingPlan.of(show).stream().filter(p -> p.subjectKey().equals(call.key()) && p.isEscalation()).toList();
    }

    private Call firstCall(java.util.function.Predicate<Call> which) {
        return show.sheet().calls().stream().filter(which).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("plans each step of both ladders for a crew member, each after its wait from the call")
    void crewMemberClimbsBoth() {
        // given a crew member called by DM
        Call crew = firstCall(c -> c.kind() == Call.Kind.CREW && c.userId().isPresent());

        // when the show's pings are planned
        List<PlannedPing> steps = steps(crew);

        // then two steps of each ladder, at the call plus their waits
        assertThat(steps).extracting(PlannedPing::ping).containsExactlyInAnyOrder(
                CallPing.escalation(Condition.NOT_CONFIRMED, 1), CallPing.escalation(Condition.NOT_CONFIRMED, 2),
                CallPing.escalation(Condition.NOT_ARRIVED, 1), CallPing.escalation(Condition.NOT_ARRIVED, 2));
        assertThat(steps).filteredOn(p -> p.ping().equals(CallPing.escalation(Condition.NOT_ARRIVED, 2)))
                .singleElement().satisfies(p -> {
                    assertThat(p.due()).isEqualTo(crew.at().plus(Duration.ofMinutes(30)));
                    assertThat(p.callAt()).isEqualTo(crew.at());
                });
    }

    @Test
    @DisplayName("plans no step for a department called through its role, nor a confirmation ladder for a model PR marks in")
    void roleAndModelsWithoutDiscord() {
        // given the runners, called through their role, and a model without Discord
        Call role = firstCall(c -> c.roleId().isPresent());
        Call noDiscord = firstCall(c -> c.kind() == Call.Kind.MODEL && c.userId().isEmpty() && !c.notLinked());

        // then the role climbs nothing, and the model only the not-arrived ladder
        assertThat(steps(role)).isEmpty();
        assertThat(steps(noDiscord)).extracting(PlannedPing::ping).containsExactly(
                CallPing.escalation(Condition.NOT_ARRIVED, 1), CallPing.escalation(Condition.NOT_ARRIVED, 2));
    }

    @Test
    @DisplayName("moves a not-arrived step by the minutes someone said they would be late, and nothing else")
    void runningLateMovesNotArrived() {
        // given a crew member running 15 min late
        Call crew = firstCall(c -> c.kind() == Call.Kind.CREW && c.userId().isPresent());
        Optional<Confirmation> late = Optional.of(new Confirmation(show.id(), crew.key(), ConfirmationState.RUNNING_LATE,
                OptionalInt.of(15), crew.userId().getAsLong(), NOW));
        PlannedPing absent = step(crew, CallPing.escalation(Condition.NOT_ARRIVED, 1));
        PlannedPing unconfirmed = step(crew, CallPing.escalation(Condition.NOT_CONFIRMED, 1));

        // then the not-arrived step is 15 min later, about the same call; the other stays
        assertThat(Ladders.runningLate(absent, late).due()).isEqualTo(absent.due().plus(Duration.ofMinutes(15)));
        assertThat(Ladders.runningLate(absent, late).callAt()).isEqualTo(absent.callAt());
        assertThat(Ladders.runningLate(unconfirmed, late)).isEqualTo(unconfirmed);
    }

    @Test
    @DisplayName("leaves the steps where they are for someone on their way")
    void onMyWayMovesNothing() {
        Call crew = firstCall(c -> c.kind() == Call.Kind.CREW && c.userId().isPresent());
        Optional<Confirmation> onTheWay = Optional.of(new Confirmation(show.id(), crew.key(), ConfirmationState.ON_MY_WAY,
                OptionalInt.empty(), crew.userId().getAsLong(), NOW));
        PlannedPing absent = step(crew, CallPing.escalation(Condition.NOT_ARRIVED, 1));

        assertThat(Ladders.runningLate(absent, onTheWay)).isEqualTo(absent);
    }

    private PlannedPing step(Call call, String ping) {
        return steps(call).stream().filter(p -> p.ping().equals(ping)).findFirst().orElseThrow();
    }
}
