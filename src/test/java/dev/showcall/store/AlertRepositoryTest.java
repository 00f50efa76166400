package dev.showcall.store;

import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("Alerts")
class AlertRepositoryTest {

    private static final Instant NOW = Instant.parse("2027-02-21T14:00:00Z");
    private static final String ANYA_UNCONFIRMED = "unconfirmed:model:Anya Petrova";
    private static final String ANYA_LATE = "late:model:Anya Petrova";

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final AlertRepository alerts = new AlertRepository();

    @BeforeEach
    void saveShow() {
        ShowFixture.saveShow(db, SHOW_ID, NOW.minusSeconds(86_400));
    }

    @Test
    @DisplayName("an alert is raised the first time and not the second")
    void raiseOnce() {
        boolean first = db.inTransaction(c -> alerts.raiseOnce(c, SHOW_ID, ANYA_UNCONFIRMED, NOW));
        boolean second = db.inTransaction(c -> alerts.raiseOnce(c, SHOW_ID, ANYA_UNCONFIRMED, NOW.plusSeconds(60)));

        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    @DisplayName("different alerts about the same person are raised separately")
    void differentKeys() {
        db.inTransaction(c -> alerts.raiseOnce(c, SHOW_ID, ANYA_UNCONFIRMED, NOW));

        boolean late = db.inTransaction(c -> alerts.raiseOnce(c, SHOW_ID, ANYA_LATE, NOW.plusSeconds(60)));

        assertThat(late).isTrue();
    }

    @Test
    @DisplayName("the same alert at another show is raised there too")
    void otherShow() {
        ShowFixture.saveShow(db, "other-show", NOW);
        db.inTransaction(c -> alerts.raiseOnce(c, SHOW_ID, ANYA_LATE, NOW));

        boolean elsewhere = db.inTransaction(c -> alerts.raiseOnce(c, "other-show", ANYA_LATE, NOW));

        assertThat(elsewhere).isTrue();
    }

    @Test
    @DisplayName("an alert was raised only once it has been")
    void wasRaised() {
        boolean before = db.inTransaction(c -> alerts.wasRaised(c, SHOW_ID, ANYA_LATE));
        db.inTransaction(c -> alerts.raiseOnce(c, SHOW_ID, ANYA_LATE, NOW));

        boolean after = db.inTransaction(c -> alerts.wasRaised(c, SHOW_ID, ANYA_LATE));

        assertThat(before).isFalse();
        assertThat(after).isTrue();
    }

    @Test
    @DisplayName("two checks racing in two transactions raise the alert once")
    void racingRaises() throws Exception {
        try (Connection first = db.database().dataSource().getConnection();
             Connection second = db.database().dataSource().getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            // given one transaction has raised the alert but not committed yet
            boolean firstRaised = alerts.raiseOnce(first, SHOW_ID, ANYA_LATE, NOW);

            // when a second transaction raises it too, and the first one then commits
            CompletableFuture<Boolean> secondRaised = CompletableFuture.supplyAsync(
                    () -> alerts.raiseOnce(second, SHOW_ID, ANYA_LATE, NOW.plusMillis(10)));
            // Gives the second insert time to wait on the first one's row, the case under test.
            Thread.sleep(200);
            first.commit();

            // then only the first one counts
            assertThat(firstRaised).isTrue();
            assertThat(secondRaised.get(10, TimeUnit.SECONDS)).isFalse();
            second.commit();
        }
    }
}
