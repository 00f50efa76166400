package dev.showcall.discord.stub;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request the stub holds before handling it, as Discord sometimes takes its time: the bot waits for the answer and
 * may give up on it. Once {@linkplain #release() released} the stub handles it as if it had just come in (a message is
 * stored then) and answers whoever still listens.
 */
public final class HeldRequest {

    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch handled = new CountDownLatch(1);

    HeldRequest() {
    }

    /**
     * Waits until the request came in and is being held.
     *
     * @throws AssertionError when it did not come in time
     */
    public void awaitArrived(Duration timeout) {
        await(arrived, timeout, "The request to hold did not come");
    }

    /** Lets the stub handle the request now. */
    public void release() {
        released.countDown();
    }

    /**
     * Waits until the stub handled the released request and recorded it.
     *
     * @throws AssertionError when it did not finish in time
     */
    public void awaitHandled(Duration timeout) {
        await(handled, timeout, "The held request was not handled");
    }

    /** Called on the stub's thread: holds it until released, or until the stub stops. */
    void hold() {
        arrived.countDown();
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void handled() {
        handled.countDown();
    }

    private static void await(CountDownLatch latch, Duration timeout, String failure) {
        try {
            if (!latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(failure + " within " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(failure + ": interrupted", e);
        }
    }
}
