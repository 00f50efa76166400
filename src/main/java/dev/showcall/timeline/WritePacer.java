package dev.showcall.timeline;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps one channel's message writes (log posts and board edits) inside Discord's limit of
 * {@code limit} writes per {@code window}, so that Discord never has to answer 429.
 *
 * <p>A write starts once the previous one has <em>finished</em> at least
 * {@code (window + margin) / limit} ago. Counting from when a write finished, not started,
 * covers the time the request spent on its way, so no {@code limit + 1} writes can reach
 * Discord within one window, whichever request Discord's window starts at; the rule that the
 * {@code limit}-th most recent write finished a window and the margin ago is kept as well, to
 * say so outright. Even spacing, rather than {@code limit} writes at once and then a wait for
 * the window, is what keeps the delays short under load: the log and the board take turns,
 * each getting a write every two spacings. A quiet channel writes at once. Times are
 * milliseconds of a monotonic clock. Not thread-safe: one feed thread owns it.
 */
public final class WritePacer {

    private final int limit;
    private final long windowMillis;
    private final long marginMillis;
    /** When the most recent writes finished, newest first; at most {@code limit}. */
    private final Deque<Long> finished = new ArrayDeque<>();

    public WritePacer(int limit, long windowMillis, long marginMillis) {
        if (limit < 1 || windowMillis < 1 || marginMillis < 0) {
            throw new IllegalArgumentException("A write limit needs at least 1 write per positive window");
        }
        this.limit = limit;
        this.windowMillis = windowMillis;
        this.marginMillis = marginMillis;
    }

    /** The earliest moment the next write may start; {@code now} or earlier means at once. */
    public long nextWriteAt() {
        if (finished.isEmpty()) {
            return Long.MIN_VALUE;
        }
        long spacing = (windowMillis + marginMillis + limit - 1) / limit;
        long at = finished.peekFirst() + spacing;
        if (finished.size() == limit) {
            at = Math.max(at, finished.peekLast() + windowMillis + marginMillis);
        }
        return at;
    }

    public boolean mayWriteAt(long now) {
        return nextWriteAt() <= now;
    }

    /** A write finished (accepted, refused or failed: Discord may have counted it all the same). */
    public void finished(long at) {
        finished.addFirst(at);
        while (finished.size() > limit) {
            finished.removeLast();
        }
    }
}
