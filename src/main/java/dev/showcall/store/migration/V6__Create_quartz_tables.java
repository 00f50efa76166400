package dev.showcall.store.migration;

import dev.showcall.store.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Quartz's job store tables from the DDL that ships in the Quartz jar for the database
 * engine at hand, so the schema always matches the Quartz version on the classpath instead of a
 * copy that could drift. H2 2.4 takes Quartz's H2 script as it is (its {@code IMAGE} columns are
 * an alias of BLOB); PostgreSQL takes Quartz's PostgreSQL script, whose job data is BYTEA.
 */
public class V6__Create_quartz_tables extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V6__Create_quartz_tables.class);

    /** Quartz's script for the engine being migrated; empty until then. */
    private final Optional<String> resource;

    public V6__Create_quartz_tables() {
        this.resource = Optional.empty();
    }

    /** Another resource than Quartz's, so that a missing script can be tested. */
    V6__Create_quartz_tables(String resource) {
        this.resource = Optional.of(resource);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Dialect dialect = Dialect.of(connection);
        List<String> statements = statements(readScript(dialect));
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                execute(statement, sql);
            }
        }
        log.info("Created Quartz's tables from {} ({} statements)", resourceFor(dialect), statements.size());
    }

    /** The script this migration was given, or Quartz's for {@code dialect}. */
    String readScript(Dialect dialect) throws IOException {
        return readScript(resourceFor(dialect));
    }

    private String resourceFor(Dialect dialect) {
        return resource.orElse(dialect.quartzDdl());
    }

    private static String readScript(String resource) throws IOException {
        // Quartz's class loader is the one that surely sees the Quartz jar.
        try (InputStream in = StdJDBCDelegate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Quartz's schema " + resource
                        + " is not on the classpath: is the quartz jar missing, or has the script moved?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void execute(Statement statement, String sql) throws SQLException {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new SQLException("Quartz's schema statement failed: " + sql, e.getSQLState(), e.getErrorCode(), e);
        }
    }

    /**
     * The script's statements without comments. Its closing {@code COMMIT} is left out because
     * Flyway owns the transaction this migration runs in, and so are the {@code DROP TABLE}s the
     * PostgreSQL script starts with: a migration creates its tables and never drops ones that
     * were there before it (creating them then fails, and says why).
     */
    static List<String> statements(String script) {
        String withoutComments = script.lines()
                .map(V6__Create_quartz_tables::stripComment)
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(sql -> !sql.isEmpty())
                .filter(sql -> !sql.toUpperCase(Locale.ROOT).equals("COMMIT"))
                .filter(sql -> !sql.toUpperCase(Locale.ROOT).startsWith("DROP TABLE"))
                .toList();
    }

    private static String stripComment(String line) {
        int comment = line.indexOf("--");
        return comment < 0 ? line : line.substring(0, comment);
    }
}
