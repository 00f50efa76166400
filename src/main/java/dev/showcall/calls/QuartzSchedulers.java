package dev.showcall.calls;

import dev.showcall.store.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.spi.JobFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Builds Quartz on showcall's own database: its JDBC job store keeps every scheduled ping in the
 * QRTZ_ tables, so a restart finds them all again. Quartz speaks to H2 through its standard
 * delegate and to PostgreSQL through its PostgreSQL one, which reads job data from BYTEA.
 */
public final class QuartzSchedulers {

    /** The name under which the QRTZ_ rows are kept: stable, or a restart would not find its jobs. */
    public static final String SCHEDULER_NAME = "showcall";

    /**
     * A trigger later than this is a misfire, which Quartz hands back to us at once (fire now), so
     * that the ping goes out marked late instead of never.
     */
    static final long MISFIRE_THRESHOLD_MS = 5_000;

    /**
     * Pings of one wave fall due together. A job only decides, claims and hands its message over,
     * so a thread is busy for a few milliseconds; enough threads take a whole wave in one or two
     * batches, so that what is due together reaches the senders together.
     */
    static final int THREADS = 16;

    private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

    private QuartzSchedulers() {
    }

    /**
     * How often a clustered scheduler tells the others it is alive. Quartz counts an instance as
     * failed 7.5 s after a missed check-in, and then fires what it had taken on a live one.
     */
    static final long CLUSTER_CHECKIN_MS = 1_000;

    public static Scheduler create(DataSource dataSource, JobFactory jobs) throws SchedulerException {
        return create(dataSource, jobs, SCHEDULER_NAME);
    }

    /**
     * @param instanceId this process among the instances sharing the database (host and process
     *                   id); on PostgreSQL Quartz runs clustered, so the jobs a dead instance had
     *                   taken fire on the one that took over
     */
    public static Scheduler create(DataSource dataSource, JobFactory jobs, String instanceId)
            throws SchedulerException {
        // Quartz looks data sources up by name in a JVM-wide registry; a fresh name per database
        // keeps a closed pool from ever being handed out again.
        String name = "showcall-db-" + DATA_SOURCES.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(name, new PoolConnections(dataSource));
        Scheduler scheduler = new StdSchedulerFactory(properties(name, delegate(dataSource), instanceId,
                clustered(dataSource))).getScheduler();
        scheduler.setJobFactory(jobs);
        return scheduler;
    }

    /** Quartz's driver delegate for the engine behind {@code dataSource}. */
    static String delegate(DataSource dataSource) throws SchedulerException {
        try {
            return switch (Dialect.of(dataSource)) {
                case H2 -> StdJDBCDelegate.class.getName();
                case POSTGRESQL -> PostgreSQLDelegate.class.getName();
            };
        } catch (SQLException e) {
            throw new SchedulerException("Could not tell which database Quartz's jobs are kept in", e);
        }
    }

    /** On PostgreSQL, where several instances may share the database; H2's file is one process's. */
    static boolean clustered(DataSource dataSource) throws SchedulerException {
        try {
            return Dialect.of(dataSource) == Dialect.POSTGRESQL;
        } catch (SQLException e) {
            throw new SchedulerException("Could not tell which database Quartz's jobs are kept in", e);
        }
    }

    static Properties properties(String dataSourceName, String delegate, String instanceId, boolean clustered) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", SCHEDULER_NAME);
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.jobStore.isClustered", String.valueOf(clustered));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(CLUSTER_CHECKIN_MS));
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(THREADS));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", "showcall-calls");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", delegate);
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // job data holds ids only, as strings
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(MISFIRE_THRESHOLD_MS));
        // a wave's pings fall due together: hand them to the threads in one go, not one per round trip
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", String.valueOf(THREADS));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return p;
    }

    /** Quartz takes its connections from showcall's pool. */
    private static final class PoolConnections implements ConnectionProvider {
        private final DataSource dataSource;

        PoolConnections(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the pool belongs to the Database, which closes it
        }

        @Override
        public void initialize() {
            // nothing: the pool is open already
        }
    }
}
