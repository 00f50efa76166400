package dev.showcall.calls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.show.CallPlanner;
import dev.showcall.show.Show;
import dev.showcall.show.ShowFiles;
import dev.showcall.show.ShowReader;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.OnEachDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

@OnEachDatabase
@DisplayName("Scheduling a show's pings in Quartz")
class CallSchedulerTest {

    private static final Path EXAMPLE = Path.of("config/shows/maison-verre-aw27.yaml");
    private static final Instant MORNING = Instant.parse("2027-02-21T08:00:00Z");

    @Parameter
    @RegisterExtension
    FreshDatabase fresh;

    private Scheduler quartz;
    private CallScheduler scheduler;
    private PlannedShow show;

    @BeforeEach
    void standbyScheduler() throws Exception {
        // not started: nothing fires, the job store is what is checked
        quartz = QuartzSchedulers.create(fresh.database().dataSource(), new PingJobFactory());
        scheduler = new CallScheduler(quartz, Clock.fixed(MORNING, ZoneOffset.UTC));
        show = planned(Files.readString(EXAMPLE));
    }

    @AfterEach
    void shutdown() {
        scheduler.shutdown();
    }

    private static PlannedShow planned(String yaml) {
        Show s = ShowReader.read("show.yaml", yaml).show().orElseThrow();
        return new PlannedShow(s, CallPlanner.plan(s));
    }

    private Set<JobKey> jobs() throws Exception {
        return quartz.getJobKeys(GroupMatcher.jobGroupEquals(show.id()));
    }

    @Test
    @DisplayName("schedules one job per ping the show owes, each at its time")
    void schedulesEveryPing() throws Exception {
        CallScheduler.SyncResult result = scheduler.sync(show, Duration.ZERO, p -> false);

        int expected = PingPlan.of(show).size();
        assertThat(result.scheduled()).hasSize(expected);
        assertThat(jobs()).hasSize(expected);
        PlannedPing first = PingPlan.of(show).get(0);
        assertThat(quartz.getTrigger(TriggerKey.triggerKey(first.jobName(), show.id())).getStartTime().toInstant())
                .isEqualTo(first.due());
    }

    @Test
    @DisplayName("moves only the not-arrived steps of someone who said they are running late, by their minutes")
    void runningLateMovesTheirNotArrivedSteps() throws Exception {
        // given the show scheduled, and a crew member running 15 min late
        scheduler.sync(show, Duration.ZERO, p -> false);
        dev.showcall.show.Call crew = show.sheet().calls().stream()
                .filter(c -> c.kind() == dev.showcall.show.Call.Kind.CREW && c.userId().isPresent()).findFirst()
                .orElseThrow();
        java.util.Optional<dev.showcall.backstage.Confirmation> late = java.util.Optional.of(
                new dev.showcall.backstage.Confirmation(show.id(), crew.key(),
                        dev.showcall.backstage.ConfirmationState.RUNNING_LATE, java.util.OptionalInt.of(15),
                        crew.userId().getAsLong(), MORNING));

        // when the show is synced with that answer
        CallScheduler.SyncResult result = scheduler.sync(show, Duration.ZERO,
                p -> p.subjectKey().equals(crew.key()) ? Ladders.runningLate(p, late) : p, p -> false);

        // then exactly their not-arrived steps moved, each 15 min later
        List<PlannedPing> absent = PingPlan.of(show).stream()
                .filter(p -> p.subjectKey().equals(crew.key()) && p.ping().startsWith("escalate:absent:")).toList();
        assertThat(absent).isNotEmpty();
        assertThat(result.moved()).containsExactlyInAnyOrderElementsOf(absent.stream().map(PlannedPing::jobName).toList());
        for (PlannedPing step : absent) {
            assertThat(quartz.getTrigger(TriggerKey.triggerKey(step.jobName(), show.id())).getStartTime().toInstant())
                    .isEqualTo(step.due().plus(Duration.ofMinutes(15)));
        }
    }

    @Test
    @DisplayName("changes nothing when synced again with the same plan")
    void idempotent() throws Exception {
        scheduler.sync(show, Duration.ZERO, p -> false);

        CallScheduler.SyncResult again = scheduler.sync(show, Duration.ZERO, p -> false);

        assertThat(again.scheduled()).isEmpty();
        assertThat(again.moved()).isEmpty();
        assertThat(again.removed()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(PingPlan.of(show).size());
    }

    @Test
    @DisplayName("moves exactly the pings of a call that changed in the file")
    void reloadMovesChangedCalls() throws Exception {
        scheduler.sync(show, Duration.ZERO, p -> false);
        PlannedShow changed = planned(Files.readString(EXAMPLE).replaceFirst("call: 7h ", "call: 7h30m "));

        CallScheduler.SyncResult result = scheduler.sync(changed, Duration.ZERO, p -> false);

        assertThat(result.moved()).isNotEmpty().allSatisfy(name -> assertThat(name)
                .matches("(crew:set-up:\\d+|department:set-up)\\|.*"));
        assertThat(result.scheduled()).isEmpty();
        assertThat(result.removed()).isEmpty();
    }

    @Test
    @DisplayName("moves every pending ping by a delay")
    void delayMovesEverything() throws Exception {
        scheduler.sync(show, Duration.ZERO, p -> false);

        CallScheduler.SyncResult result = scheduler.sync(show, Duration.ofMinutes(30), p -> false);

        assertThat(result.moved()).hasSize(PingPlan.of(show).size());
        PlannedPing first = PingPlan.of(show).get(0);
        assertThat(quartz.getTrigger(TriggerKey.triggerKey(first.jobName(), show.id())).getStartTime().toInstant())
                .isEqualTo(first.due().plus(Duration.ofMinutes(30)));
    }

    @Test
    @DisplayName("never schedules a ping that was sent already, and removes pings the plan dropped")
    void handledAndRemoved() throws Exception {
        scheduler.sync(show, Duration.ZERO, p -> false);
        PlannedPing sent = PingPlan.of(show).get(0);

        CallScheduler.SyncResult result = scheduler.sync(show, Duration.ZERO, p -> p.jobName().equals(sent.jobName()));

        assertThat(jobs()).doesNotContain(JobKey.jobKey(sent.jobName(), show.id()));
        assertThat(result.scheduled()).isEmpty();
    }

    @Test
    @DisplayName("schedules no call for a show that has started, only its milestones")
    void startedShow() throws Exception {
        CallScheduler late = new CallScheduler(quartz, Clock.fixed(show.show().startInstant(), ZoneOffset.UTC));

        List<String> scheduled = late.sync(show, Duration.ZERO, p -> false).scheduled();

        assertThat(scheduled).isNotEmpty().allSatisfy(name -> assertThat(name).startsWith(Announcements.MILESTONE));
        assertThat(jobs()).hasSameSizeAs(scheduled);
    }

    @Test
    @DisplayName("schedules each milestone of the show once, at its time")
    void milestonesAreScheduled() throws Exception {
        scheduler.sync(show, Duration.ZERO, p -> false);

        List<String> milestones = jobs().stream().map(JobKey::getName)
                .filter(name -> name.startsWith(Announcements.MILESTONE)).toList();

        assertThat(milestones).hasSize(show.sheet().milestones().size()).doesNotHaveDuplicates();
    }
}
