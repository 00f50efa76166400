package dev.showcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The schema on H2 and on PostgreSQL")
class PortableSchemaTest {

    /**
     * What Flyway recorded on an H2 database before showcall ran on PostgreSQL too, when V1 was still
     * in db/migration: moving it to db/vendor/h2 must leave every existing H2 database valid.
     */
    private static final List<String> H2_HISTORY = List.of(
            "1|Create show|SQL|V1__Create_show.sql|1876194088",
            "2|Create planned call|SQL|V2__Create_planned_call.sql|564932674",
            "3|Create arrival|SQL|V3__Create_arrival.sql|-233114282",
            "4|Create look step|SQL|V4__Create_look_step.sql|-922906370",
            "5|Create timeline event|SQL|V5__Create_timeline_event.sql|403093546",
            "6|Create quartz tables|JDBC|dev.showcall.store.migration.V6__Create_quartz_tables|null",
            "7|Create call ping|SQL|V7__Create_call_ping.sql|-1657936245",
            "8|Create confirmation|SQL|V8__Create_confirmation.sql|-1270978543",
            "9|Create show delay|SQL|V9__Create_show_delay.sql|4865118",
            "10|Create alert|SQL|V10__Create_alert.sql|-860863521",
            "11|Create no show|SQL|V11__Create_no_show.sql|-879691578",
            "12|Create model step|SQL|V12__Create_model_step.sql|694909392",
            "13|Create look walk|SQL|V13__Create_look_walk.sql|1819311451",
            "14|Create replacement|SQL|V14__Create_replacement.sql|1817691864",
            "15|Allow replacement notices|SQL|V15__Allow_replacement_notices.sql|475164300",
            "16|Create timeline board|SQL|V16__Create_timeline_board.sql|-1222300630",
            "17|Add timeline event batch|SQL|V17__Add_timeline_event_batch.sql|-2034743133");

    @RegisterExtension
    final FreshDatabase h2 = new FreshDatabase(Dialect.H2);

    @RegisterExtension
    final FreshDatabase postgres = new FreshDatabase(Dialect.POSTGRESQL);

    @Test
    @DisplayName("H2's migration history is the one it always was: same scripts, descriptions and checksums up to V17")
    void h2HistoryUnchanged() {
        // given a fresh H2 database, migrated as showcall migrates it

        // when we read what Flyway recorded
        List<String> history = strings(h2, """
                SELECT "version" || '|' || "description" || '|' || "type" || '|' || "script" || '|'
                       || COALESCE(CAST("checksum" AS VARCHAR), 'null')
                  FROM "flyway_schema_history" WHERE "version" IS NOT NULL ORDER BY "installed_rank"
                """);

        // then it starts with what the H2 databases already in use have, so Flyway accepts them as they are
        assertThat(history.subList(0, H2_HISTORY.size())).containsExactlyElementsOf(H2_HISTORY);
    }

    @Test
    @DisplayName("PostgreSQL gets the same tables and columns as H2, with the same nullability")
    void sameColumnsOnBoth() {
        // given a fresh database on each engine

        // when we list every column of showcall's and Quartz's tables
        String columns = """
                SELECT LOWER(table_name) || '.' || LOWER(column_name) || ' ' || UPPER(is_nullable)
                  FROM information_schema.columns
                 WHERE LOWER(table_schema) = 'public' AND LOWER(table_name) <> 'flyway_schema_history'
                 ORDER BY 1""";
        List<String> onH2 = strings(h2, columns);
        List<String> onPostgres = strings(postgres, columns);

        // then they are the same on both
        assertThat(onH2).contains("show.source_text NO", "qrtz_job_details.job_data YES");
        assertThat(onPostgres).containsExactlyElementsOf(onH2);
    }

    @Test
    @DisplayName("an empty PostgreSQL database is migrated through every version H2 is, Quartz's tables from Quartz's PostgreSQL script")
    void emptyPostgresIsMigrated() throws SQLException {
        // given an empty database on the tests' PostgreSQL server
        PostgresServer server = PostgresServer.get();
        String name = server.emptyDatabase();
        try {
            // when showcall opens it
            try (Database database = Database.open(server.url(name), Optional.of(PostgresServer.USER),
                    Optional.empty());
                 Connection c = database.dataSource().getConnection()) {

                // then every migration ran, each once, as on H2, and Quartz's job data is PostgreSQL's BYTEA
                String versions = """
                        SELECT "version" FROM "flyway_schema_history"
                         WHERE "success" AND "version" IS NOT NULL ORDER BY "installed_rank"
                        """;
                assertThat(strings(c, versions)).startsWith("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11",
                        "12", "13", "14", "15", "16", "17").isEqualTo(strings(h2, versions));
                assertThat(strings(c, """
                        SELECT data_type FROM information_schema.columns
                         WHERE table_name = 'qrtz_job_details' AND column_name = 'job_data'
                        """)).containsExactly("bytea");
                assertThat(strings(c, """
                        SELECT data_type FROM information_schema.columns
                         WHERE table_name = 'show' AND column_name = 'source_text'
                        """)).containsExactly("text");
            }
        } finally {
            server.drop(name);
        }
    }

    private static List<String> strings(FreshDatabase db, String sql) {
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
