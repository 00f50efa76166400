package dev.showcall.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A migrated database of its own for every test: an in-memory H2 by default, or a database of
 * its own on the tests' PostgreSQL server ({@link PostgresServer}). Register it on an instance
 * field with {@code @RegisterExtension}, or take one per engine with {@link OnEachDatabase}.
 */
public final class FreshDatabase implements BeforeEachCallback, AfterEachCallback {

    private final Dialect dialect;

    private String url;
    private Optional<String> postgresDatabase = Optional.empty();
    private Database database;

    /** On H2. */
    public FreshDatabase() {
        this(Dialect.H2);
    }

    public FreshDatabase(Dialect dialect) {
        this.dialect = dialect;
    }

    /** One for each engine showcall runs on: what {@link OnEachDatabase} runs a test class with. */
    public static Stream<FreshDatabase> onEachEngine() {
        return Stream.of(Dialect.values()).map(FreshDatabase::new);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        switch (dialect) {
            // DB_CLOSE_DELAY=-1 keeps the database while the pool has no connection open.
            case H2 -> url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            case POSTGRESQL -> {
                PostgresServer server = PostgresServer.get();
                postgresDatabase = Optional.of(server.migratedDatabase());
                url = server.url(postgresDatabase.get());
            }
        }
        database = openAgain();
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        database.close();
        switch (dialect) {
            // The database outlives its pool, so drop it explicitly to free its memory.
            case H2 -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.createStatement().execute("SHUTDOWN");
                }
            }
            case POSTGRESQL -> PostgresServer.get().drop(postgresDatabase.orElseThrow());
        }
        postgresDatabase = Optional.empty();
    }

    public Database database() {
        return database;
    }

    /** Its JDBC URL; {@link #user()} opens it. */
    public String url() {
        return url;
    }

    /** Who opens it: on H2 nobody in particular (showcall's default), on PostgreSQL the server's superuser. */
    public Optional<String> user() {
        return dialect == Dialect.POSTGRESQL ? Optional.of(PostgresServer.USER) : Optional.empty();
    }

    /** Opens it once more, as the next start of showcall does. */
    public Database openAgain() {
        return Database.open(url, user(), Optional.empty());
    }

    public Dialect dialect() {
        return dialect;
    }

    public <T> T inTransaction(TransactionWork<T> work) {
        return database.inTransaction(work);
    }

    /** How parameterised test names call it. */
    @Override
    public String toString() {
        return switch (dialect) {
            case H2 -> "H2";
            case POSTGRESQL -> "PostgreSQL";
        };
    }
}
