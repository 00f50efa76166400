package dev.showcall.calls;

import java.time.Duration;
import java.time.Instant;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires one ping when its trigger does. Its data holds ids only; {@link PingJobFactory} gives it
 * the service. It only decides, claims and hands the message over, so a Quartz thread never waits
 * for Discord; a ping Discord did not take is retried by the {@link PingSender}. When the job itself
 * fails (the database did not answer), it is retried with the same back-off, then given up on loudly.
 */
public final class PingJob implements Job {

    static final String SHOW = "show";
    static final String SUBJECT = "subject";
    static final String PING = "ping";
    static final String ATTEMPT = "attempt";

    /** About ten minutes of retries: long enough for a Discord hiccup, short enough to still matter. */
    static final int MAX_ATTEMPTS = 12;

    private static final Logger log = LoggerFactory.getLogger(PingJob.class);

    private final PingSender sender;
    private final CallScheduler scheduler;

    PingJob(PingSender sender, CallScheduler scheduler) {
        this.sender = sender;
        this.scheduler = scheduler;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        String show = data.getString(SHOW);
        String subject = data.getString(SUBJECT);
        String ping = data.getString(PING);
        int attempt = data.containsKey(ATTEMPT) ? Integer.parseInt(data.getString(ATTEMPT)) : 1;
        Instant scheduledFor = context.getScheduledFireTime().toInstant();
        try {
            sender.send(show, subject, ping, context.isRecovering());
        } catch (RuntimeException e) {
            handleFailure(context.getJobDetail().getKey(), show, subject, ping, attempt, scheduledFor, e);
        }
    }

    /** How long to wait after the {@code attempt}-th try failed: 5 s more each time, at most a minute. */
    static Duration backOff(int attempt) {
        return Duration.ofSeconds(Math.min(60, 5L * attempt));
    }

    private void handleFailure(JobKey key, String show, String subject, String ping, int attempt, Instant scheduledFor,
                               RuntimeException cause) throws JobExecutionException {
        if (attempt >= MAX_ATTEMPTS) {
            log.error("Show {}: giving up on {} {} after {} attempts", show, subject, ping, attempt, cause);
            sender.giveUp(show, subject, ping);
            JobExecutionException giveUp = new JobExecutionException("gave up on " + key, cause, false);
            giveUp.setUnscheduleFiringTrigger(true);
            throw giveUp;
        }
        Duration backOff = backOff(attempt);
        log.warn("Show {}: {} {} (due {}) not delivered, attempt {}; retrying in {}s", show, subject, ping,
                scheduledFor, attempt, backOff.toSeconds(), cause);
        try {
            scheduler.retry(key, backOff, attempt + 1);
        } catch (SchedulerException e) {
            cause.addSuppressed(e);
            log.error("Show {}: could not schedule a retry of {} {}", show, subject, ping, e);
        }
        throw new JobExecutionException("retrying " + key + " later", cause, false);
    }
}
