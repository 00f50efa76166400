package dev.showcall.calls;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PlannedShow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Quartz's jobs equal to what a show still owes: one job per ping, keyed by show and
 * ping. Syncing after a load, a reload or a delay touches only the pings whose time changed.
 */
public final class CallScheduler {

    private static final Logger log = LoggerFactory.getLogger(CallScheduler.class);

    private final Scheduler quartz;
    private final Clock clock;

    public CallScheduler(Scheduler quartz, Clock clock) {
        this.quartz = quartz;
        this.clock = clock;
    }

    public void start() throws SchedulerException {
        quartz.start();
    }

    /** Stops firing; a ping being sent finishes first. */
    public void shutdown() {
        try {
            quartz.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("The scheduler did not shut down cleanly", e);
        }
    }

    /** What a sync changed, by job name. */
    public record SyncResult(List<String> scheduled, List<String> moved, List<String> removed, int unchanged) {
    }

    /**
     * Schedules every ping of {@code show} not yet sent, at its planned time plus {@code delay};
     * moves those whose time changed; removes those the plan no longer has.
     *
     * @param alreadyHandled pings recorded as sent or dropped, which are never scheduled again
     */
    public SyncResult sync(PlannedShow show, Duration delay, Predicate<PlannedPing> alreadyHandled)
            throws SchedulerException {
        return sync(show, delay, UnaryOperator.identity(), alreadyHandled);
    }

    /**
     * {@link #sync(PlannedShow, Duration, Predicate)}, with each ping moved further by what the people it is about
     * said: a not-arrived step waits for the minutes they said they would be late.
     */
    public SyncResult sync(PlannedShow show, Duration delay, UnaryOperator<PlannedPing> answered,
                           Predicate<PlannedPing> alreadyHandled) throws SchedulerException {
        List<PlannedPing> wanted = PingPlan.of(show).stream().map(p -> answered.apply(p.shiftedBy(delay))).toList();
        Set<JobKey> existing = new HashSet<>(quartz.getJobKeys(GroupMatcher.jobGroupEquals(show.id())));
        List<String> scheduled = new java.util.ArrayList<>();
        java.util.Map<JobDetail, Set<? extends Trigger>> fresh = new java.util.LinkedHashMap<>();
        List<String> moved = new java.util.ArrayList<>();
        int unchanged = 0;
        boolean showStarted = !clock.instant().isBefore(show.show().startInstant().plus(delay));
        for (PlannedPing ping : wanted) {
            JobKey key = JobKey.jobKey(ping.jobName(), show.id());
            boolean had = existing.remove(key);
            // milestones go on after the start: the finale and the debrief are still to come
            if (alreadyHandled.test(ping) || showStarted && !ping.isMilestone()) {
                if (had) {
                    deleteQuietly(key);
                }
                continue;
            }
            if (!had) {
                fresh.put(job(show.id(), ping, key), Set.of(trigger(key, ping.due())));
                scheduled.add(ping.jobName());
            } else if (moveIfChanged(key, ping.due())) {
                moved.add(ping.jobName());
            } else {
                unchanged++;
            }
        }
        if (!fresh.isEmpty()) {
            // one transaction for them all: a show of hundreds of people loads in a moment
            quartz.scheduleJobs(fresh, false);
        }
        // one-off notices (a delay, a replacement) are not in the plan: they stay until they have fired
        existing.removeIf(CallScheduler::isNotice);
        List<String> removed = existing.stream().map(JobKey::getName).sorted().toList();
        existing.forEach(this::deleteQuietly);
        boolean changed = !scheduled.isEmpty() || !moved.isEmpty() || !removed.isEmpty();
        // a sync runs every minute to keep the jobs on the database: it is news only when it changed something
        (changed ? log.atInfo() : log.atDebug()).log("Show {}: {} pings scheduled, {} moved, {} removed, {} unchanged",
                show.id(), scheduled.size(), moved.size(), removed.size(), unchanged);
        return new SyncResult(scheduled, moved, removed, unchanged);
    }

    /** A job that has just fired may be finishing on another thread; it goes away by itself then. */
    private void deleteQuietly(JobKey key) {
        try {
            quartz.deleteJob(key);
        } catch (SchedulerException e) {
            log.debug("Job {} was finishing while it was removed", key, e);
        }
    }

    private static boolean isNotice(JobKey key) {
        return CallPing.isNotice(key.getName().substring(key.getName().lastIndexOf('|') + 1));
    }

    private boolean moveIfChanged(JobKey key, Instant due) throws SchedulerException {
        TriggerKey triggerKey = TriggerKey.triggerKey(key.getName(), key.getGroup());
        Trigger current = quartz.getTrigger(triggerKey);
        if (current == null) {
            // its trigger has fired: the job is sending now, or waits for a retry of its own
            return false;
        }
        if (current.getStartTime().toInstant().equals(due)) {
            return false;
        }
        quartz.rescheduleJob(triggerKey, trigger(key, due));
        return true;
    }

    private static JobDetail job(String showId, PlannedPing ping, JobKey key) {
        return JobBuilder.newJob(PingJob.class)
                .withIdentity(key)
                .usingJobData(PingJob.SHOW, showId)
                .usingJobData(PingJob.SUBJECT, ping.subjectKey())
                .usingJobData(PingJob.PING, ping.ping())
                // a crash while sending runs the job again on restart; the ping table keeps it single
                .requestRecovery(true)
                .build();
    }

    static Trigger trigger(JobKey key, Instant due) {
        return TriggerBuilder.newTrigger()
                .withIdentity(key.getName(), key.getGroup())
                .forJob(key)
                .startAt(Date.from(due))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    /**
     * A one-off ping outside the plan, such as the notice that a delay moved someone's call: sent at once.
     *
     * @return false when its job was waiting to fire already
     */
    public boolean sendNow(String showId, String subjectKey, String ping) throws SchedulerException {
        JobKey key = JobKey.jobKey(subjectKey + "|" + ping, showId);
        if (quartz.checkExists(key)) {
            return false;
        }
        JobDetail job = JobBuilder.newJob(PingJob.class)
                .withIdentity(key)
                .usingJobData(PingJob.SHOW, showId)
                .usingJobData(PingJob.SUBJECT, subjectKey)
                .usingJobData(PingJob.PING, ping)
                .requestRecovery(true)
                .build();
        // Quartz fires by its own clock, so "at once" is its now, whatever the show's clock says.
        Trigger now = TriggerBuilder.newTrigger()
                .withIdentity(key.getName(), key.getGroup())
                .forJob(key)
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        quartz.scheduleJob(job, now);
        return true;
    }

    /**
     * Makes someone's call now rather than at its planned time, as when she replaces someone: the
     * planned job fires at once, and again at its time finds the call made and sends nothing.
     */
    public void callNow(String showId, String callKey) throws SchedulerException {
        JobKey key = JobKey.jobKey(callKey + "|" + PlannedPing.CALL, showId);
        if (quartz.checkExists(key)) {
            quartz.triggerJob(key);
        } else {
            sendNow(showId, callKey, PlannedPing.CALL);
        }
    }

    /** A retry of a ping Discord did not take, {@code after} from now. */
    void retry(JobKey key, Duration after, int attempt) throws SchedulerException {
        Trigger retry = TriggerBuilder.newTrigger()
                .withIdentity(key.getName() + "|retry" + attempt, key.getGroup())
                .forJob(key)
                .usingJobData(PingJob.ATTEMPT, String.valueOf(attempt))
                .startAt(Date.from(clock.instant().plus(after)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        quartz.scheduleJob(retry);
    }
}
