package dev.showcall.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.store.FreshDatabase;
import dev.showcall.store.OnEachDatabase;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.impl.jdbcjobstore.StdJDBCDelegate;

@OnEachDatabase
@DisplayName("Quartz on showcall's database")
class QuartzSchedulersTest {

    @Parameter
    @RegisterExtension
    FreshDatabase db;

    private Scheduler scheduler;

    @AfterEach
    void shutDown() throws SchedulerException {
        if (scheduler != null) {
            scheduler.shutdown(true);
        }
    }

    @Test
    @DisplayName("speaks to each engine through Quartz's delegate for it")
    void delegatePerEngine() throws SchedulerException {
        String delegate = QuartzSchedulers.delegate(db.database().dataSource());

        assertThat(delegate).isEqualTo(switch (db.dialect()) {
            case H2 -> StdJDBCDelegate.class.getName();
            case POSTGRESQL -> PostgreSQLDelegate.class.getName();
        });
    }

    @Test
    @DisplayName("keeps a job with its data in the database and fires it")
    void firesStoredJob() throws Exception {
        // given showcall's scheduler, whose jobs carry their data to the job factory
        CountDownLatch fired = new CountDownLatch(1);
        String[] callKey = new String[1];
        scheduler = QuartzSchedulers.create(db.database().dataSource(), (bundle, s) -> {
            callKey[0] = bundle.getJobDetail().getJobDataMap().getString("callKey");
            return (Job) context -> fired.countDown();
        });
        JobDetail job = JobBuilder.newJob(Job.class)
                .withIdentity("call:crew:hair:1", "maison-verre-aw27")
                .usingJobData("callKey", "crew:hair:1")
                .build();

        // when a job is scheduled for now and the scheduler runs
        scheduler.scheduleJob(job, TriggerBuilder.newTrigger().forJob(job).startAt(new Date()).build());
        scheduler.start();

        // then it fires, with the data it was stored with
        assertThat(fired.await(30, TimeUnit.SECONDS)).as("the job fired").isTrue();
        assertThat(callKey[0]).isEqualTo("crew:hair:1");
    }
}
