package dev.showcall.store.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Quartz's job store tables from the DDL that ships in the Quartz jar, so the schema
 * always matches the Quartz version on the classpath instead of a copy that could drift.
 * H2 2.4 takes the script as it is: its {@code IMAGE} columns are an alias of BLOB.
 */
public class V6__Create_quartz_tables extends BaseJavaMigration {

    static final String QUARTZ_H2_DDL = "org/quartz/impl/jdbcjobstore/tables_h2.sql";

    private static final Logger log = LoggerFactory.getLogger(V6__Create_quartz_tables.class);

    private final String resource;

    public V6__Create_quartz_tables() {
        this(QUARTZ_H2_DDL);
    }

    /** Another resource than Quartz's, so that a missing script can be tested. */
    V6__Create_quartz_tables(String resource) {
        this.resource = resource;
    }

    @Override
    public void migrate(Context context) throws Exception {
        List<String> statements = statements(readScript());
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements) {
                execute(statement, sql);
            }
        }
        log.info("Created Quartz's tables from {} ({} statements)", resource, statements.size());
    }

    String readScript() throws IOException {
        // Quartz's class loader is the one that surely sees the Quartz jar.
        try (InputStream in = StdJDBCDelegate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Quartz's H2 schema " + resource
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
     * Flyway owns the transaction this migration runs in.
     */
    static List<String> statements(String script) {
        String withoutComments = script.lines()
                .map(V6__Create_quartz_tables::stripComment)
                .collect(Collectors.joining("\n"));
        return Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(sql -> !sql.isEmpty())
                .filter(sql -> !sql.toUpperCase(Locale.ROOT).equals("COMMIT"))
                .toList();
    }

    private static String stripComment(String line) {
        int comment = line.indexOf("--");
        return comment < 0 ? line : line.substring(0, comment);
    }
}
