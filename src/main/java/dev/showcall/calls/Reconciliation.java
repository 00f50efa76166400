package dev.showcall.calls;

import dev.showcall.backstage.PlannedShow;
import dev.showcall.backstage.ShowDirectory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the scheduled work follow the database: at start, every minute, and soon after anything failed half-way
 * (a delay stored whose jobs could not be moved, a notice stored that could not be scheduled). Each step is
 * idempotent, so running it again when nothing is wrong changes nothing.
 */
public final class Reconciliation implements AutoCloseable {

    /** One kind of scheduled work brought in line with the database for a show. */
    @FunctionalInterface
    public interface Step {
        void reconcile(PlannedShow show) throws Exception;
    }

    public static final Duration EVERY = Duration.ofMinutes(1);
    /** Soon after a failure, but not in a tight loop while the scheduler stays broken. */
    public static final Duration AFTER_FAILURE = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final Supplier<ShowDirectory> shows;
    private final List<Step> steps;
    private final ScheduledExecutorService executor;
    private final AtomicBoolean retryPending = new AtomicBoolean();

    /** @param executor a thread of its own: reconciling talks to the database, never to Discord */
    public Reconciliation(Supplier<ShowDirectory> shows, List<Step> steps, ScheduledExecutorService executor) {
        this.shows = shows;
        this.steps = List.copyOf(steps);
        this.executor = executor;
    }

    /** Runs every step for every show now, on the caller's thread; whether all of them succeeded. */
    public boolean runNow() {
        boolean allDone = true;
        for (PlannedShow show : shows.get().all()) {
            for (Step step : steps) {
                try {
                    step.reconcile(show);
                } catch (Exception e) {
                    allDone = false;
                    log.error("Show {}: reconciling the scheduled work with the database failed; trying again in {} s",
                            show.id(), AFTER_FAILURE.toSeconds(), e);
                }
            }
        }
        return allDone;
    }

    /** From now on, every {@link #EVERY}. */
    public void start() {
        executor.scheduleWithFixedDelay(this::runAndRetryOnFailure, EVERY.toMillis(), EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Something failed half-way: reconcile soon rather than at the next minute. */
    public void afterFailure() {
        if (!retryPending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.schedule(() -> {
                retryPending.set(false);
                runAndRetryOnFailure();
            }, AFTER_FAILURE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.info("Not reconciling again: showcall is shutting down; the next start reconciles");
        }
    }

    private void runAndRetryOnFailure() {
        boolean done;
        try {
            done = runNow();
        } catch (RuntimeException e) {
            // a periodic task that throws is never run again: this one must keep running
            log.error("Reconciling the scheduled work with the database failed", e);
            done = false;
        }
        if (!done) {
            afterFailure();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
