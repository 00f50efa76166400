package dev.showcall.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.showcall.store.migration.V6__Create_quartz_tables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * showcall's database: a connection pool over a schema that Flyway has brought up to date.
 * Quartz's job store shares the pool, so the scheduler and the show live in one database.
 */
public final class Database implements AutoCloseable {

    /**
     * The app's database file under {@code ./data}. We close the pool ourselves on shutdown, so
     * H2 must not close the database from its own shutdown hook while jobs may still be writing;
     * AUTO_SERVER stays off because only this process may touch the show's state.
     */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/showcall;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE";

    static final String SQL_MIGRATIONS = "classpath:db/migration";
    static final String JAVA_MIGRATIONS = "classpath:" + V6__Create_quartz_tables.class.getPackageName().replace('.', '/');

    /** Enough for Quartz's 16 worker threads, the ping senders, the timeline feeds and a few interactions at once. */
    private static final int MAX_POOL_SIZE = 24;
    private static final int MIN_IDLE = 2;

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** What to do once the transaction under way on this thread commits, innermost transaction first. */
    private static final ThreadLocal<java.util.Deque<java.util.List<Runnable>>> AFTER_COMMIT =
            ThreadLocal.withInitial(java.util.ArrayDeque::new);

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens the database at {@code jdbcUrl} and migrates it; fails if either cannot be done. */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, Optional.empty(), Optional.empty());
    }

    /**
     * {@link #open(String)} as {@code user} with {@code password}. Without them: H2's {@code sa}
     * with no password, which showcall's H2 databases were created with; on PostgreSQL, what the
     * URL says, or else the driver's default (the system user's name).
     */
    public static Database open(String jdbcUrl, Optional<String> user, Optional<String> password) {
        HikariDataSource pool = createPool(jdbcUrl, user, password);
        try {
            int applied = migrate(pool);
            log.info("Database {} is ready ({} migrations applied)", describe(jdbcUrl), applied);
            return new Database(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource createPool(String jdbcUrl, Optional<String> user, Optional<String> password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("showcall");
        config.setJdbcUrl(jdbcUrl);
        boolean h2 = jdbcUrl.startsWith("jdbc:h2:");
        config.setUsername(user.orElse(h2 ? "sa" : null));
        config.setPassword(password.orElse(h2 ? "" : null));
        config.setMaximumPoolSize(MAX_POOL_SIZE);
        config.setMinimumIdle(MIN_IDLE);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("Could not open the database " + describe(jdbcUrl), e);
        }
    }

    /** Applies pending migrations and tells how many ran: none on an up-to-date database. */
    static int migrate(DataSource dataSource) {
        try {
            return Flyway.configure()
                    .dataSource(dataSource)
                    .locations(SQL_MIGRATIONS, supported(dataSource).migrationLocation(), JAVA_MIGRATIONS)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("Could not migrate the database to the current schema", e);
        }
    }

    private static Dialect supported(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(c);
            dialect.requireSupported(c.getMetaData());
            return dialect;
        } catch (SQLException e) {
            throw new StoreException("Could not tell which database engine to migrate", e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     * A {@link RuntimeException} or {@link Error} from the work is rethrown as it is; an
     * {@link SQLException} comes back wrapped in a {@link StoreException}.
     */
    public <T> T inTransaction(TransactionWork<T> work) {
        java.util.List<Runnable> afterCommit = new java.util.ArrayList<>();
        AFTER_COMMIT.get().push(afterCommit);
        T result;
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollBack(c, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("A transaction failed and was rolled back: " + e.getMessage(), e);
        } finally {
            AFTER_COMMIT.get().pop();
        }
        afterCommit.forEach(Database::runQuietly);
        return result;
    }

    /**
     * Runs {@code action} once the transaction under way on this thread has committed, and not at
     * all if it rolls back; at once outside a transaction of ours.
     */
    static void afterCommit(Runnable action) {
        java.util.List<Runnable> actions = AFTER_COMMIT.get().peek();
        if (actions == null) {
            runQuietly(action);
        } else {
            actions.add(action);
        }
    }

    /** The commit stands whatever a listener of it does. */
    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("An after-commit action failed", e);
        }
    }

    /** {@link #inTransaction(TransactionWork)} for work without a result. */
    public void runInTransaction(TransactionAction action) {
        inTransaction(c -> {
            action.run(c);
            return null;
        });
    }

    private static void rollBack(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            // The first failure is the one worth reporting; this one only explains any leftovers.
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** The URL without its settings (after {@code ;} in H2's, {@code ?} in PostgreSQL's), which may hold credentials. */
    private static String describe(String jdbcUrl) {
        int settings = jdbcUrl.replace('?', ';').indexOf(';');
        return settings < 0 ? jdbcUrl : jdbcUrl.substring(0, settings);
    }
}
