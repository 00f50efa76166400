package dev.showcall.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.Delay;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import dev.showcall.show.Call;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowFiles;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.DelayRepository;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.ShowRepository;
import dev.showcall.store.TimelineEventRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

@DisplayName("Reconciling the scheduled calls with the database")
class ReconciliationTest {

    private static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");
    private static final Instant MORNING = Instant.parse("2027-02-21T08:00:00Z");

    @RegisterExtension
    final FreshDatabase db = new FreshDatabase();

    private final CallPingRepository pings = new CallPingRepository();
    private final DelayRepository delays = new DelayRepository();
    private final Clock clock = Clock.fixed(MORNING, ZoneOffset.UTC);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private Scheduler quartz;
    private CallSync sync;
    private PlannedShow show;

    @BeforeEach
    void standbySchedulerAndShow() throws Exception {
        Show example = ShowFiles.load(EXAMPLE).show();
        show = new PlannedShow(example, CallPlanner.plan(example));
        db.inTransaction(c -> new ShowRepository().save(c, example, show.sheet(), EXAMPLE.toString(), "",
                MORNING.minus(Duration.ofDays(1))));
        // not started: nothing fires, the job store is what is checked
        quartz = QuartzSchedulers.create(db.database().dataSource(), new PingJobFactory());
        sync = new CallSync(db.database(), pings, delays, new CallScheduler(quartz, clock));
    }

    @AfterEach
    void shutdown() throws Exception {
        executor.shutdownNow();
        quartz.shutdown();
    }

    private Delay storeDelay(int minutes) {
        return db.inTransaction(c -> {
            Delay delay = Delay.of(show.id(), minutes, "the lighting rig is late", 1L, MORNING);
            long id = delays.add(c, delay);
            return new Delay(id, show.id(), minutes, delay.reason(), 1L, MORNING);
        });
    }

    private Instant dueOf(PlannedPing ping) throws Exception {
        Trigger trigger = quartz.getTrigger(TriggerKey.triggerKey(ping.jobName(), show.id()));
        return trigger.getStartTime().toInstant();
    }

    private Set<JobKey> jobs() throws Exception {
        return quartz.getJobKeys(GroupMatcher.jobGroupEquals(show.id()));
    }

    private List<Call> peopleWithDiscord() {
        return show.sheet().calls().stream().filter(c -> c.userId().isPresent()).toList();
    }

    @Test
    @DisplayName("moves every job by a delay that was stored while the scheduler failed")
    void jobsFollowAStoredDelay() throws Exception {
        sync.sync(show);
        PlannedPing first = PingPlan.of(show).get(0);
        Delay delay = storeDelay(30);

        sync.reconcile(show);

        assertThat(dueOf(first)).isEqualTo(first.due().plus(Duration.ofMinutes(30)));
        assertThat(jobs()).contains(JobKey.jobKey(peopleWithDiscord().get(0).key() + "|" + CallPing.moved(delay.id()),
                show.id()));
    }

    @Test
    @DisplayName("schedules the notice of a stored delay for everyone with Discord whose call has not gone out, once")
    void owedDelayNotices() throws Exception {
        Delay delay = storeDelay(15);
        Call called = peopleWithDiscord().get(0);
        Call told = peopleWithDiscord().get(1);
        db.inTransaction(c -> {
            pings.claim(c, show.id(), called.key(), CallPing.CALL, called.at(), MORNING);
            pings.complete(c, show.id(), called.key(), CallPing.CALL, MORNING, Duration.ZERO, PingOutcome.DM,
                    Optional.empty());
            pings.claim(c, show.id(), told.key(), CallPing.moved(delay.id()), MORNING, MORNING);
            return null;
        });

        sync.reconcile(show);
        sync.reconcile(show);

        long notices = jobs().stream().filter(k -> k.getName().endsWith("|" + CallPing.moved(delay.id()))).count();
        assertThat(notices).isEqualTo(peopleWithDiscord().size() - 2);
        assertThat(jobs()).doesNotContain(JobKey.jobKey(called.key() + "|" + CallPing.moved(delay.id()), show.id()),
                JobKey.jobKey(told.key() + "|" + CallPing.moved(delay.id()), show.id()));
    }

    @Test
    @DisplayName("keeps the one-off notices that have not fired yet when the plan is synced again")
    void keepsNotices() throws Exception {
        Call someone = peopleWithDiscord().get(0);
        sync.scheduler().sendNow(show.id(), someone.key(), CallPing.moved(7));
        sync.scheduler().sendNow(show.id(), "user:42", CallPing.replaced(3));

        sync.reconcile(show);

        assertThat(jobs()).contains(JobKey.jobKey(someone.key() + "|moved:7", show.id()),
                JobKey.jobKey("user:42|replaced:3", show.id()));
    }

    @Test
    @DisplayName("keeps the job of a ping claimed but not completed: it is being sent or waits for its retry")
    void keepsClaimedPing() throws Exception {
        sync.sync(show);
        PlannedPing ping = PingPlan.of(show).stream().filter(p -> p.ping().equals(CallPing.CALL)
                && show.call(p.subjectKey()).map(c -> c.userId().isPresent()).orElse(false)).findFirst().orElseThrow();
        db.inTransaction(c -> pings.claim(c, show.id(), ping.subjectKey(), ping.ping(), ping.due(), MORNING));

        sync.reconcile(show);

        assertThat(jobs()).contains(JobKey.jobKey(ping.jobName(), show.id()));
    }

    @Test
    @DisplayName("a delay is stored and answered even when the scheduler fails; the reconciliation moves the jobs")
    void delayStoredWhenSchedulerFails() throws Exception {
        sync.sync(show);
        PlannedPing first = PingPlan.of(show).get(0);
        Scheduler broken = mock(Scheduler.class);
        when(broken.getJobKeys(any())).thenThrow(new SchedulerException("the job store is locked"));
        CallSync failing = new CallSync(db.database(), pings, delays, new CallScheduler(broken, clock));
        AtomicInteger reconciled = new AtomicInteger();
        CountDownLatch retried = new CountDownLatch(1);
        Reconciliation reconciliation = new Reconciliation(() -> new ShowDirectory(List.of(show)), List.of(s -> {
            sync.reconcile(s);
            reconciled.incrementAndGet();
            retried.countDown();
        }), executor);
        Delays delaysService = new Delays(db.database(), delays, pings, new TimelineEventRepository(), failing,
                reconciliation, clock);

        Delays.Outcome outcome = delaysService.declare(show, 20, "the venue opens late", 1L);

        assertThat(outcome).isInstanceOf(Delays.Outcome.Declared.class);
        assertThat(delaysService.total(show.id())).isEqualTo(Duration.ofMinutes(20));
        assertThat(retried.await(30, TimeUnit.SECONDS)).as("reconciled after the failure").isTrue();
        assertThat(dueOf(first)).isEqualTo(first.due().plus(Duration.ofMinutes(20)));
        assertThat(reconciled).hasValue(1);
    }

    @Test
    @DisplayName("a step that fails for one show does not stop the others, and says it failed")
    void failingStep() {
        PlannedShow other = show;
        AtomicInteger runs = new AtomicInteger();
        Reconciliation reconciliation = new Reconciliation(() -> new ShowDirectory(List.of(show, other)), List.of(
                s -> {
                    if (runs.incrementAndGet() == 1) {
                        throw new IllegalStateException("the job store is locked");
                    }
                }), executor);

        boolean done = reconciliation.runNow();

        assertThat(done).isFalse();
        assertThat(runs).hasValue(2);
    }
}
