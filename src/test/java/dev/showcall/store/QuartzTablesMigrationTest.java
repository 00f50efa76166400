package dev.showcall.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Date;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

@OnEachDatabase
@DisplayName("Quartz's tables, created from the DDL in the Quartz jar")
class QuartzTablesMigrationTest {

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private Scheduler scheduler;

    @AfterEach
    void shutDownScheduler() throws SchedulerException {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }

    @Test
    @DisplayName("a Quartz JDBC job store keeps a job and its trigger in them")
    void quartzStoresJobsInTheTables() throws SchedulerException {
        // given a Quartz scheduler whose job store uses showcall's database
        scheduler = schedulerOn(db.database(), db.dialect());
        JobDetail job = JobBuilder.newJob(NoOp.class)
                .withIdentity("call:crew:hair:1", "maison-verre-aw27")
                .usingJobData("callKey", "crew:hair:1")
                .build();
        Trigger trigger = TriggerBuilder.newTrigger().forJob(job).startAt(new Date(4_000_000_000_000L)).build();

        // when a job is scheduled
        scheduler.scheduleJob(job, trigger);

        // then it reads back with its job data, which Quartz keeps in a BLOB column
        JobDetail stored = scheduler.getJobDetail(JobKey.jobKey("call:crew:hair:1", "maison-verre-aw27"));
        assertThat(stored.getJobDataMap().getString("callKey")).isEqualTo("crew:hair:1");
        assertThat(scheduler.getTriggersOfJob(job.getKey())).hasSize(1);
    }

    private static Scheduler schedulerOn(Database database, Dialect dialect) throws SchedulerException {
        String name = "showcall-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(name, new ConnectionProvider() {
            @Override
            public Connection getConnection() throws SQLException {
                return database.dataSource().getConnection();
            }

            @Override
            public void shutdown() {
            }

            @Override
            public void initialize() {
            }
        });
        Properties properties = new Properties();
        properties.setProperty("org.quartz.scheduler.instanceName", name);
        properties.setProperty("org.quartz.threadPool.threadCount", "1");
        properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        // Quartz's delegate for the engine: PostgreSQL's reads the BYTEA job data that its script creates
        properties.setProperty("org.quartz.jobStore.driverDelegateClass", switch (dialect) {
            case H2 -> StdJDBCDelegate.class.getName();
            case POSTGRESQL -> PostgreSQLDelegate.class.getName();
        });
        properties.setProperty("org.quartz.jobStore.dataSource", name);
        return new StdSchedulerFactory(properties).getScheduler();
    }

    public static class NoOp implements Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }
}
