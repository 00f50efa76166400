package dev.showcall.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.showcall.store.migration.V6__Create_quartz_tables;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * What every H2 URL is given, in place of any write delay of its own. H2 keeps a committed
     * transaction in memory until its background writer stores it, up to WRITE_DELAY (500 ms by
     * default) later, so a process killed meanwhile loses a change it has already answered for. At
     * 0 each commit writes its changes to the file before it returns: they survive the process
     * being killed (the operating system keeps what was written), though not the machine losing
     * power before the operating system flushes them to the disk.
     */
    static final String H2_WRITE_AT_COMMIT = "WRITE_DELAY=0";

    /**
     * The H2 file system every local database file is opened with. Writing at commit means the
     * committing thread writes the file itself, and a thread interrupted during a write to a plain
     * {@code FileChannel} closes the channel, and with it the whole database (Quartz interrupts its
     * threads on shutdown). {@code async:} does its reads and writes on threads of its own and
     * waits for them without being interrupted, as H2's developers advise when interrupts cannot
     * be ruled out; the file is the same.
     */
    static final String H2_UNINTERRUPTIBLE_FILES = "async:";
    /** Schemes H2 takes for a plain file on the local disk. */
    private static final Pattern LOCAL_FILE = Pattern.compile("(?i)(file|nio):(.*)");
    /** A scheme of two letters or more: {@code mem:}, {@code tcp:}, {@code async:}... (one letter is a drive). */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9]+:.*");

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

    /**
     * Opens the database at {@code jdbcUrl} and migrates it; fails if either cannot be done. An H2
     * database writes every commit to its file before the commit returns, whatever the URL says.
     */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, Optional.empty(), Optional.empty());
    }

    /**
     * {@link #open(String)} as {@code user} with {@code password}. Without them: H2's {@code sa}
     * with no password, which showcall's H2 databases were created with; on PostgreSQL, what the
     * URL says, or else the driver's default (the system user's name).
     */
    public static Database open(String jdbcUrl, Optional<String> user, Optional<String> password) {
        HikariDataSource pool = createPool(durable(jdbcUrl), user, password);
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

    /**
     * An H2 URL that writes each commit to the file before the commit returns: with
     * {@link #H2_WRITE_AT_COMMIT} in place of any write delay it set (in the URL because H2 applies
     * a URL's settings on every connection it opens, so a delay left there would come back with
     * each new connection of the pool), and a local file opened through
     * {@link #H2_UNINTERRUPTIBLE_FILES}. Other URLs are left as they are.
     */
    static String durable(String jdbcUrl) {
        String h2 = "jdbc:h2:";
        if (!jdbcUrl.regionMatches(true, 0, h2, 0, h2.length())) {
            return jdbcUrl;
        }
        String[] parts = jdbcUrl.substring(h2.length()).split(";", -1);
        StringBuilder url = new StringBuilder(h2).append(uninterruptible(parts[0]));
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isBlank() && !isWriteDelay(parts[i])) {
                url.append(';').append(parts[i]);
            }
        }
        return url.append(';').append(H2_WRITE_AT_COMMIT).toString();
    }

    /** A local database file through {@link #H2_UNINTERRUPTIBLE_FILES}; memory, servers and other file systems as they are. */
    private static String uninterruptible(String database) {
        Matcher file = LOCAL_FILE.matcher(database);
        if (file.matches()) {
            return H2_UNINTERRUPTIBLE_FILES + file.group(2);
        }
        return SCHEME.matcher(database).matches() ? database : H2_UNINTERRUPTIBLE_FILES + database;
    }

    private static boolean isWriteDelay(String setting) {
        int equals = setting.indexOf('=');
        return equals > 0 && setting.substring(0, equals).strip().equalsIgnoreCase("WRITE_DELAY");
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
