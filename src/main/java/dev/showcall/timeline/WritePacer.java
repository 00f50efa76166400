package dev.showcall.timeline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Keeps one channel's message writes (log posts and board edits) inside Discord's limit of
 * {@code limit} writes per {@code window}, so that Discord never has to answer 429.
 *
 * <p>The hard rule: a write starts only once the {@code limit}-th most recent write has
 * <em>finished</em> at least a window (and a margin) ago. Counting from when a write finished,
 * not started, covers the time the request spent on its way, so no {@code limit + 1} writes
 * can reach Discord within one window, whichever request Discord's window starts at. Under
 * load the writes are also spread out, at most two back to back and then one per
 * {@code window / limit}, so that the log and the board take turns instead of spending the
 * whole window at once and then waiting for it. Times are milliseconds of a monotonic clock.
 * Not thread-safe: one feed thread owns it.
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
        long at = Long.MIN_VALUE;
        long spacing = windowMillis / limit;
        int k = 1;
        for (Iterator<Long> it = finished.iterator(); it.hasNext(); k++) {
            long end = it.next();
            at = Math.max(at, end + (k - 1) * spacing);
            if (k == limit) {
                at = Math.max(at, end + windowMillis + marginMillis);
            }
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
