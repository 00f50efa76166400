package dev.showcall.discord;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} requests in any window of {@code window}, wherever Discord starts its
 * window: a request holds its permit from when it starts until {@code window + margin} after its
 * answer came. Discord counts a request somewhere between the two, so two requests whose permits
 * never overlap can never fall in one window; holding the permit past the answer covers the time
 * the request spent on its way, however long that was. Bursts are allowed: a quiet budget lets
 * {@code limit} requests start at once.
 *
 * <p>Times are nanoseconds of a monotonic clock. Thread-safe; {@link #acquire()} blocks its caller,
 * which must never be one of Quartz's threads or JDA's event thread.
 */
public final class RequestBudget {

    private final int limit;
    private final long holdNanos;
    private final LongSupplier nanos;
    private int inFlight;
    /** When the requests whose permits are still held after their answer finished, oldest first. */
    private final Deque<Long> finished = new ArrayDeque<>();

    public RequestBudget(int limit, Duration window, Duration margin, LongSupplier nanos) {
        if (limit < 1 || window.isNegative() || window.isZero() || margin.isNegative()) {
            throw new IllegalArgumentException("A request budget needs at least 1 request per positive window");
        }
        this.limit = limit;
        this.holdNanos = window.plus(margin).toNanos();
        this.nanos = nanos;
    }

    public RequestBudget(int limit, Duration window, Duration margin) {
        this(limit, window, margin, System::nanoTime);
    }

    public int limit() {
        return limit;
    }

    /**
     * How long from {@code now} until a request may start: 0 for at once, {@link Long#MAX_VALUE}
     * when every permit is held by a request still on its way (an answer frees one).
     */
    public synchronized long waitNanos(long now) {
        while (!finished.isEmpty() && now - finished.peekFirst() >= holdNanos) {
            finished.removeFirst();
        }
        if (inFlight + finished.size() < limit) {
            return 0;
        }
        return finished.isEmpty() ? Long.MAX_VALUE : finished.peekFirst() + holdNanos - now;
    }

    /** Takes a permit if one is free at {@code now}. */
    public synchronized boolean tryAcquire(long now) {
        if (waitNanos(now) > 0) {
            return false;
        }
        inFlight++;
        return true;
    }

    /** Waits for a permit, then takes it. */
    public synchronized void acquire() throws InterruptedException {
        while (true) {
            long now = nanos.getAsLong();
            long wait = waitNanos(now);
            if (wait <= 0) {
                inFlight++;
                return;
            }
            long millis = wait == Long.MAX_VALUE ? 1_000 : Math.max(1, (wait + 999_999) / 1_000_000);
            wait(millis);
        }
    }

    /** A permit taken for a request that was not made after all: it is free again at once. */
    public synchronized void unused() {
        if (inFlight == 0) {
            throw new IllegalStateException("unused() without a permit taken");
        }
        inFlight--;
        notifyAll();
    }

    /** The request that held a permit has its answer (or failed): its permit frees a window later. */
    public synchronized void finished(long at) {
        if (inFlight == 0) {
            throw new IllegalStateException("finished() without a permit taken");
        }
        inFlight--;
        finished.addLast(at);
        notifyAll();
    }

    /**
     * A request made before this budget existed (by showcall before a restart) whose answer came
     * {@code ago}: it holds a permit until its window has passed.
     */
    public synchronized void finishedBefore(Duration ago) {
        long at = nanos.getAsLong() - ago.toNanos();
        if (at + holdNanos > nanos.getAsLong()) {
            finished.addLast(at);
            java.util.List<Long> sorted = new java.util.ArrayList<>(finished);
            java.util.Collections.sort(sorted);
            finished.clear();
            finished.addAll(sorted);
        }
    }

    public void finished() {
        finished(nanos.getAsLong());
    }
}
