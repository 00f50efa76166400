package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.EscalationStop;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.show.Escalation.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("The ladders a lead stopped, and the steps taken")
class EscalationStopRepositoryTest {

    private static final Instant AT = Instant.parse("2027-02-21T14:20:00Z");
    private static final String KEY = "crew:hair:1190000000000000201";
    private static final long LEAD = 1190000000000000121L;
    private static final long OTHER = 1190000000000000122L;

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final EscalationStopRepository stops = new EscalationStopRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, AT.minusSeconds(86_400));
    }

    @Test
    @DisplayName("keep the first press only: a second, by anyone, changes nothing")
    void firstPressKept() {
        // given the lead stopped someone's not-confirmed ladder
        boolean first = db.database().inTransaction(c ->
                stops.stop(c, new EscalationStop(SHOW_ID, KEY, Condition.NOT_CONFIRMED, LEAD, AT)));

        // when it is stopped again, later, by someone else
        boolean second = db.database().inTransaction(c ->
                stops.stop(c, new EscalationStop(SHOW_ID, KEY, Condition.NOT_CONFIRMED, OTHER, AT.plusSeconds(5))));

        // then the first stands
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        Optional<EscalationStop> kept = db.database().inTransaction(c -> stops.find(c, SHOW_ID, KEY, Condition.NOT_CONFIRMED));
        assertThat(kept).contains(new EscalationStop(SHOW_ID, KEY, Condition.NOT_CONFIRMED, LEAD, AT));
    }

    @Test
    @DisplayName("stop one ladder, not the other")
    void oneLadderOnly() {
        db.database().runInTransaction(c ->
                stops.stop(c, new EscalationStop(SHOW_ID, KEY, Condition.NOT_ARRIVED, LEAD, AT)));

        Optional<EscalationStop> other = db.database().inTransaction(c -> stops.find(c, SHOW_ID, KEY, Condition.NOT_CONFIRMED));
        java.util.List<EscalationStop> all = db.database().inTransaction(c -> stops.forShow(c, SHOW_ID));
        assertThat(other).isEmpty();
        assertThat(all).extracting(EscalationStop::condition).containsExactly(Condition.NOT_ARRIVED);
    }

    @Test
    @DisplayName("a step of a ladder is claimed once and completed in the ping table, even as not taken")
    void stepsGoThroughThePingTable() {
        CallPingRepository pings = new CallPingRepository();
        String step = CallPing.escalation(Condition.NOT_ARRIVED, 3);

        boolean claimed = db.database().inTransaction(c -> pings.claim(c, SHOW_ID, KEY, step, AT, AT));
        boolean again = db.database().inTransaction(c -> pings.claim(c, SHOW_ID, KEY, step, AT, AT));
        db.database().runInTransaction(c -> pings.complete(c, SHOW_ID, KEY, step, AT, Duration.ZERO,
                PingOutcome.DROPPED, Optional.of("they arrived")));

        assertThat(claimed).isTrue();
        assertThat(again).isFalse();
        Optional<CallPing> recorded = db.database().inTransaction(c -> pings.find(c, SHOW_ID, KEY, step));
        assertThat(recorded).hasValueSatisfying(p -> assertThat(p.outcome()).contains(PingOutcome.DROPPED));
    }
}
