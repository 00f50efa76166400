package dev.showcall.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A migrated in-memory database of its own for every test. Register it on an instance field
 * with {@code @RegisterExtension}.
 */
public final class FreshDatabase implements BeforeEachCallback, AfterEachCallback {

    private String url;
    private Database database;

    @Override
    public void beforeEach(ExtensionContext context) {
        // DB_CLOSE_DELAY=-1 keeps the database while the pool has no connection open.
        url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        database = Database.open(url);
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        database.close();
        // The database outlives its pool, so drop it explicitly to free its memory.
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("SHUTDOWN");
        }
    }

    public Database database() {
        return database;
    }

    public String url() {
        return url;
    }

    public <T> T inTransaction(TransactionWork<T> work) {
        return database.inTransaction(work);
    }
}
