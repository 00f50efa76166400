package dev.showcall.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.backstage.Arrival;
import dev.showcall.timeline.EventKind;
import dev.showcall.timeline.TimelineEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;

@OnEachDatabase
@DisplayName("The database")
class DatabaseTest {

    private static final Instant NOW = Instant.parse("2027-02-21T14:00:00Z");

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private final ArrivalRepository arrivals = new ArrivalRepository();
    private final TimelineEventRepository timeline = new TimelineEventRepository();

    @Test
    @DisplayName("a fresh database is migrated through every version")
    void freshDatabaseIsMigrated() {
        // given a database just opened by the extension

        // when we read Flyway's history
        List<String> versions = appliedVersions();

        // then every migration has been applied once
        assertThat(versions).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14",
                "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35");
    }

    @Test
    @DisplayName("a fresh database has showcall's tables")
    void showcallTablesExist() {
        List<String> tables = query("""
                SELECT LOWER(table_name) FROM information_schema.tables
                 WHERE LOWER(table_schema) = 'public' AND UPPER(table_name) NOT LIKE 'QRTZ%'
                   AND table_name <> 'flyway_schema_history'
                 ORDER BY 1""");

        assertThat(tables).containsExactly("after_show_report", "alert", "arrival", "call_ping", "call_sheet_line", "confirmation", "dm_channel", "escalation_stop", "link_claim",
                "look_step", "look_walk", "model_step", "no_show", "person_link", "personal_link", "plan_move", "plan_upload", "planned_call", "replacement", "screen_link", "show",
                "show_delay", "showcall_lease",
                "timeline_board", "timeline_event");
    }

    @Test
    @DisplayName("a fresh database has Quartz's eleven job store tables")
    void quartzTablesExist() {
        List<String> tables = query("""
                SELECT UPPER(table_name) FROM information_schema.tables
                 WHERE LOWER(table_schema) = 'public' AND UPPER(table_name) LIKE 'QRTZ\\_%' ORDER BY 1""");

        assertThat(tables).containsExactly(
                "QRTZ_BLOB_TRIGGERS", "QRTZ_CALENDARS", "QRTZ_CRON_TRIGGERS", "QRTZ_FIRED_TRIGGERS",
                "QRTZ_JOB_DETAILS", "QRTZ_LOCKS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_SCHEDULER_STATE",
                "QRTZ_SIMPLE_TRIGGERS", "QRTZ_SIMPROP_TRIGGERS", "QRTZ_TRIGGERS");
    }

    @Test
    @DisplayName("migrating an up-to-date database applies nothing and keeps its data")
    void migratingTwiceIsANoOp() {
        // given a migrated database holding a show
        ShowFixture.saveShow(db, "kept", NOW);

        // when it is opened again, as on the next start of the bot
        int applied;
        try (Database again = db.openAgain()) {
            applied = Database.migrate(again.dataSource());
        }

        // then no migration ran and the show is still there
        assertThat(applied).isZero();
        assertThat(appliedVersions()).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14",
                "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35");
        assertThat(query("SELECT id FROM show")).containsExactly("kept");
    }

    @Test
    @DisplayName("keeps an instant to the nanosecond on H2, and rounded to the microsecond on PostgreSQL")
    void instantPrecision() {
        // given a show and an arrival at an instant with nanoseconds
        ShowFixture.saveShow(db, ShowFixture.SHOW_ID, NOW);
        Instant at = Instant.parse("2027-02-21T14:03:07.123456789Z");
        db.database().runInTransaction(c -> arrivals.record(c,
                new Arrival(ShowFixture.SHOW_ID, "model:Anya Petrova", at, ShowFixture.PR_LEAD, at)));

        // when it is read back
        Instant stored = db.inTransaction(c -> arrivals.find(c, ShowFixture.SHOW_ID, "model:Anya Petrova"))
                .orElseThrow().arrivedAt();

        // then H2 keeps it exactly, and PostgreSQL, whose timestamps stop at microseconds, to the nearest one
        assertThat(stored).isEqualTo(switch (db.dialect()) {
            case H2 -> at;
            case POSTGRESQL -> Instant.parse("2027-02-21T14:03:07.123457Z");
        });
    }

    @Test
    @DisplayName("work that returns is committed")
    void returningWorkIsCommitted() {
        // given a show
        ShowFixture.saveShow(db, ShowFixture.SHOW_ID, NOW);

        // when an arrival is recorded in a transaction that completes
        boolean recorded = db.database().inTransaction(c -> arrivals.record(c, arrival()));

        // then another transaction sees it
        Optional<Arrival> stored = db.inTransaction(c -> arrivals.find(c, ShowFixture.SHOW_ID, "model:Anya Petrova"));
        assertThat(recorded).isTrue();
        assertThat(stored).isPresent();
    }

    @Test
    @DisplayName("work that throws rolls back both the state change and its timeline event")
    void throwingWorkRollsBackStateAndEvent() {
        // given a show
        ShowFixture.saveShow(db, ShowFixture.SHOW_ID, NOW);
        IllegalStateException failure = new IllegalStateException("Discord said no");

        // when a transaction records an arrival and its event, then fails
        assertThatThrownBy(() -> db.database().runInTransaction(c -> {
            arrivals.record(c, arrival());
            timeline.append(c, TimelineEvent.of(ShowFixture.SHOW_ID, NOW, EventKind.ARRIVAL,
                    OptionalLong.of(ShowFixture.PR_LEAD), Optional.of("model:Anya Petrova"), "Anya Petrova arrived"));
            throw failure;
        }))
                // then the work's own exception comes out unchanged
                .isSameAs(failure);

        // and neither the arrival nor the event was kept
        db.database().runInTransaction(c -> {
            assertThat(arrivals.forShow(c, ShowFixture.SHOW_ID)).isEmpty();
            assertThat(timeline.forShow(c, ShowFixture.SHOW_ID)).isEmpty();
        });
    }

    @Test
    @DisplayName("an SQL failure in the work comes out as a StoreException and rolls back")
    void sqlFailureBecomesStoreException() {
        ShowFixture.saveShow(db, ShowFixture.SHOW_ID, NOW);

        assertThatThrownBy(() -> db.database().runInTransaction(c -> {
            arrivals.record(c, arrival());
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO no_such_table VALUES (1)")) {
                ps.executeUpdate();
            }
        }))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("rolled back")
                .hasCauseInstanceOf(SQLException.class);

        List<Arrival> kept = db.inTransaction(c -> arrivals.forShow(c, ShowFixture.SHOW_ID));
        assertThat(kept).isEmpty();
    }

    @Test
    @DisplayName("a database that cannot be opened is reported as a StoreException, without the URL's settings")
    void unopenableDatabaseIsReported() {
        // given a URL that cannot be opened: a setting H2 does not know, or a PostgreSQL server that is not there
        String url = switch (db.dialect()) {
            case H2 -> "jdbc:h2:mem:x;NO_SUCH_SETTING=1";
            case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:1/x?password=NO_SUCH_SETTING";
        };

        // when it is opened, then the failure names the database but not its settings, which may hold a password
        assertThatThrownBy(() -> Database.open(url))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(url.substring(0, url.indexOf('x') + 1))
                .hasMessageNotContaining("NO_SUCH_SETTING");
    }

    private static Arrival arrival() {
        return new Arrival(ShowFixture.SHOW_ID, "model:Anya Petrova", NOW, ShowFixture.PR_LEAD, NOW);
    }

    /** Versioned migrations only: Flyway also records the creation of its history table. */
    private List<String> appliedVersions() {
        return query("""
                SELECT "version" FROM "flyway_schema_history"
                 WHERE "success" AND "version" IS NOT NULL
                 ORDER BY "installed_rank"
                """);
    }

    private List<String> query(String sql) {
        return db.inTransaction(c -> strings(c, sql));
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
