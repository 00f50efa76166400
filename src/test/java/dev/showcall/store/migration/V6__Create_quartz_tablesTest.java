package dev.showcall.store.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.showcall.store.Dialect;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The migration that creates Quartz's tables")
class V6__Create_quartz_tablesTest {

    @Test
    @DisplayName("splits a script into statements without comments and without its COMMIT")
    void splitsScriptIntoStatements() {
        // given a script in the style of Quartz's
        String script = """
                -- a comment line
                CREATE TABLE A (X INT); -- a trailing comment
                ALTER TABLE A ADD
                  CONSTRAINT PK_A PRIMARY KEY (X);

                commit;
                """;

        // when it is split
        List<String> statements = V6__Create_quartz_tables.statements(script);

        // then only the two statements remain
        assertThat(statements).containsExactly(
                "CREATE TABLE A (X INT)",
                "ALTER TABLE A ADD\n  CONSTRAINT PK_A PRIMARY KEY (X)");
    }

    @Test
    @DisplayName("reads Quartz's own H2 script from the Quartz jar")
    void readsQuartzScript() throws Exception {
        String script = new V6__Create_quartz_tables().readScript(Dialect.H2);

        assertThat(V6__Create_quartz_tables.statements(script))
                .filteredOn(sql -> sql.startsWith("CREATE TABLE QRTZ_"))
                .hasSize(11);
    }

    @Test
    @DisplayName("reads Quartz's own PostgreSQL script on PostgreSQL, and leaves out the DROP TABLEs it starts with")
    void readsQuartzPostgresScript() throws Exception {
        // when the migration reads its script for PostgreSQL
        String script = new V6__Create_quartz_tables().readScript(Dialect.POSTGRESQL);
        List<String> statements = V6__Create_quartz_tables.statements(script);

        // then it is Quartz's PostgreSQL script, whose job data is BYTEA
        assertThat(statements)
                .filteredOn(sql -> sql.startsWith("CREATE TABLE QRTZ_"))
                .hasSize(11)
                .anySatisfy(sql -> assertThat(sql).contains("JOB_DATA          BYTEA"));
        // and nothing it runs drops a table
        assertThat(script).contains("DROP TABLE IF EXISTS QRTZ_JOB_DETAILS");
        assertThat(statements).noneMatch(sql -> sql.toUpperCase(Locale.ROOT).contains("DROP"));
    }

    @Test
    @DisplayName("names the resource when the script is missing")
    void reportsMissingScript() {
        // given a migration pointed at a script that does not exist
        V6__Create_quartz_tables migration =
                new V6__Create_quartz_tables("org/quartz/impl/jdbcjobstore/no_such_tables.sql");

        // when it reads it, then the failure says which resource and why
        assertThatThrownBy(() -> migration.readScript(Dialect.H2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org/quartz/impl/jdbcjobstore/no_such_tables.sql")
                .hasMessageContaining("not on the classpath");
    }
}
