package dev.showcall.store;

import static dev.showcall.store.ShowFixture.PRIYA;
import static dev.showcall.store.ShowFixture.PR_LEAD;
import static dev.showcall.store.ShowFixture.SHOW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.backstage.Arrival;
import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.Confirmation;
import dev.showcall.backstage.ConfirmationState;
import dev.showcall.backstage.Delay;
import dev.showcall.backstage.LookStep;
import dev.showcall.backstage.ModelStep;
import dev.showcall.backstage.NoShow;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.Replacement;
import dev.showcall.backstage.Walk;
import dev.showcall.show.Step;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.FeedStore;
import dev.showcall.timeline.TimelineEvent;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("Copying the day's state from one database to another")
class DatabaseCopyTest {

    private static final Instant AT = Instant.parse("2027-02-21T15:04:05.123456Z");
    private static final String PRIYA_KEY = "crew:hair:" + PRIYA;

    @RegisterExtension
    final FreshDatabase h2 = new FreshDatabase(Dialect.H2);

    @RegisterExtension
    final FreshDatabase postgres = new FreshDatabase(Dialect.POSTGRESQL);

    /** The tables {@link #fillEveryTable} puts rows in: every table of showcall's up to V17. */
    private static final List<String> FILLED = List.of("show", "planned_call", "arrival", "look_step", "timeline_event",
            "call_ping", "confirmation", "show_delay", "alert", "no_show", "model_step", "look_walk", "replacement",
            "timeline_board");

    private final TimelineEventRepository timeline = new TimelineEventRepository();

    @Test
    @DisplayName("copies every row of every table of showcall's from H2 to PostgreSQL, and the copy reads the same")
    void h2ToPostgres() {
        copiesTheDay(h2, postgres);
    }

    @Test
    @DisplayName("copies every row of every table of showcall's from PostgreSQL to H2, and the copy reads the same")
    void postgresToH2() {
        copiesTheDay(postgres, h2);
    }

    private void copiesTheDay(FreshDatabase from, FreshDatabase to) {
        // given a day's state in every table of showcall's
        fillEveryTable(from);

        // when it is copied into a new database
        Map<String, Integer> copied = DatabaseCopy.copy(from.database(), to.database());

        // then every table was copied, the show before what refers to it, and each has the same rows
        List<String> tables = from.inTransaction(DatabaseCopy::tablesInForeignKeyOrder);
        assertThat(copied.keySet()).containsExactlyElementsOf(tables);
        assertThat(FILLED.subList(1, FILLED.size()))
                .allSatisfy(table -> assertThat(tables.indexOf(table)).as(table).isGreaterThan(tables.indexOf("show")));
        assertThat(tables).containsAll(FILLED);
        for (String table : tables) {
            assertThat(copied.get(table)).as(table).isEqualTo(count(from, table)).isEqualTo(count(to, table));
        }
        assertThat(FILLED).allSatisfy(table -> assertThat(copied.get(table)).as(table).isPositive());
        // and the copy reads as the original does, instants and ids included
        for (TransactionWork<?> read : List.<TransactionWork<?>>of(
                c -> new ShowRepository().find(c, SHOW_ID),
                c -> new ShowRepository().plannedCalls(c, SHOW_ID),
                c -> new CallPingRepository().forShow(c, SHOW_ID),
                c -> new ConfirmationRepository().forShow(c, SHOW_ID),
                c -> new ArrivalRepository().forShow(c, SHOW_ID),
                c -> timeline.forShow(c, SHOW_ID),
                c -> new ReplacementRepository().forShow(c, SHOW_ID),
                c -> new DelayRepository().forShow(c, SHOW_ID))) {
            Object copy = to.inTransaction(read);
            Object original = from.inTransaction(read);
            assertThat(copy).isEqualTo(original);
        }
        // and the copy's ids go on after the copied ones
        long copiedMax = from.inTransaction(c -> timeline.forShow(c, SHOW_ID)).stream()
                .mapToLong(TimelineEvent::id).max().orElseThrow();
        long next = to.inTransaction(c -> timeline.append(c, event("after the move")));
        assertThat(next).isGreaterThan(copiedMax);
    }

    @Test
    @DisplayName("refuses a target that already holds a day, and changes nothing in it")
    void refusesNonEmptyTarget() {
        // given two databases that both hold a show
        fillEveryTable(h2);
        ShowFixture.saveShow(postgres, "other-show", AT);

        // when one is copied into the other, then it is refused, naming a table that is not empty
        assertThatThrownBy(() -> DatabaseCopy.copy(h2.database(), postgres.database()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("not empty");
        // and the target still holds only its own show
        assertThat(count(postgres, "show")).isEqualTo(1);
        assertThat(count(postgres, "arrival")).isZero();
    }

    @Test
    @DisplayName("refuses a source that holds no show, as a mistyped URL gives")
    void refusesEmptySource() {
        assertThatThrownBy(() -> DatabaseCopy.copy(h2.database(), postgres.database()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("no show");
    }

    private void fillEveryTable(FreshDatabase db) {
        ShowFixture.saveShow(db, SHOW_ID, AT);
        db.database().runInTransaction(c -> {
            new ArrivalRepository().record(c, new Arrival(SHOW_ID, "model:Anya Petrova", AT, PR_LEAD, AT));
            new NoShowRepository().mark(c, new NoShow(SHOW_ID, "model:Bea Lind", PR_LEAD, AT));
            new LookStepRepository().mark(c, new LookStep(SHOW_ID, 1, Step.DRESSED, AT, PRIYA));
            new ModelStepRepository().mark(c, new ModelStep(SHOW_ID, "Anya Petrova", Step.HAIR, AT, PRIYA));
            new WalkRepository().record(c, new Walk(SHOW_ID, 1, "Anya Petrova", AT, PR_LEAD));
            new ReplacementRepository().add(c,
                    new Replacement(Replacement.UNSTORED, SHOW_ID, "Bea Lind", "Gia Rossi", List.of(2), AT, PR_LEAD));
            new DelayRepository().add(c, new Delay(Delay.UNSTORED, SHOW_ID, 15, "The rig is late", PR_LEAD, AT));
            new AlertRepository().raiseOnce(c, SHOW_ID, "late:model:Bea Lind", AT);
            new CallPingRepository().claim(c, SHOW_ID, PRIYA_KEY, CallPing.CALL, AT, AT);
            new CallPingRepository().complete(c, SHOW_ID, PRIYA_KEY, CallPing.CALL, AT.plusSeconds(1),
                    Duration.ofSeconds(1), PingOutcome.DM, Optional.empty());
            new CallPingRepository().claim(c, SHOW_ID, PRIYA_KEY, CallPing.reminder(Duration.ofHours(1)), AT, AT);
            new ConfirmationRepository().upsert(c, new Confirmation(SHOW_ID, PRIYA_KEY, ConfirmationState.RUNNING_LATE,
                    OptionalInt.of(15), PRIYA, AT));
            long first = timeline.append(c, event("Anya Petrova arrived"));
            timeline.append(c, event("Bea Lind is a no-show"));
            timeline.markPublished(c, List.of(first), AT, 1190000000000009001L);
            new TimelineBoardRepository().save(c, SHOW_ID, new FeedStore.BoardMessage(1190000000000000002L,
                    1190000000000009000L), AT);
        });
    }

    private static TimelineEvent event(String text) {
        return TimelineEvent.of(SHOW_ID, AT, EventKind.ARRIVAL, OptionalLong.of(PR_LEAD), Optional.empty(), text);
    }

    private static int count(FreshDatabase db, String table) {
        return db.inTransaction(c -> count(c, table));
    }

    private static int count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
