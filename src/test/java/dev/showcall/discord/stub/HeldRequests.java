package dev.showcall.discord.stub;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Requests the stub holds before handling them, as Discord sometimes takes its time: the bot waits for an answer and
 * may give up, retry, or be killed meanwhile. Every matching request is held from the moment the test asks until it
 * {@linkplain #stopHolding() stops}; once {@linkplain #release() released}, the stub handles each as if it had just
 * come in (a message is stored then) and answers whoever still listens. Thread-safe.
 */
public final class HeldRequests {

    private boolean holding = true;
    private boolean released;
    private int arrived;
    private int handled;

    HeldRequests() {
    }

    /** Requests that come in from now on are handled at once; those held stay held until {@link #release()}. */
    public synchronized void stopHolding() {
        holding = false;
    }

    /** Lets the stub handle every request held, now. */
    public synchronized void release() {
        holding = false;
        released = true;
        notifyAll();
    }

    /** How many requests were held. */
    public synchronized int held() {
        return arrived;
    }

    /**
     * Waits until a first request is held.
     *
     * @throws AssertionError when none came in time
     */
    public synchronized void awaitArrived(Duration timeout) {
        await(timeout, () -> arrived > 0, "No request to hold came");
    }

    /**
     * Waits until every request held was released, handled and recorded.
     *
     * @throws AssertionError when they did not finish in time
     */
    public synchronized void awaitHandled(Duration timeout) {
        await(timeout, () -> released && handled == arrived, "The held requests were not all handled");
    }

    /** Whether a request that comes in now is to be held. */
    synchronized boolean holding() {
        return holding;
    }

    /** Called on the stub's thread: holds it until released, or until the stub stops. */
    synchronized void hold() {
        arrived++;
        notifyAll();
        while (!released) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    synchronized void handled() {
        handled++;
        notifyAll();
    }

    private void await(Duration timeout, java.util.function.BooleanSupplier condition, String failure) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError(failure + " within " + timeout.toMillis() + " ms");
            }
            try {
                TimeUnit.MILLISECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(failure + ": interrupted", e);
            }
        }
    }
}
