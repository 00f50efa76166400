package dev.showcall.timeline;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one show's timeline from the outbox: the board (one message, edited in place) and the
 * log below it. It runs on a thread of its own, one step at a time, and does at most one write per
 * step, when its {@link WritePacer} allows it.
 *
 * <ul>
 *   <li>Log: the oldest unpublished events are claimed for one message, posted, then marked
 *       published with the message's id. If the feed stops between Discord taking the message and
 *       the marking (a crash, or the answer lost in a timeout), the claimed events are "in doubt":
 *       before posting them again the feed looks for a message of the bot's with exactly their
 *       text among the channel's recent messages, and marks them published in it when it is there.
 *       Every post of a batch carries the same {@link PostKey}, derived from its events, so that
 *       Discord takes a retry within a few minutes (in this process or the next) as the message it
 *       already has, even one it had not stored yet when the feed looked. So nothing is lost and
 *       nothing is posted twice, unless more than a page of messages was posted in the channel in
 *       between and minutes passed.</li>
 *   <li>Board: edits are coalesced. There is never more than one in flight, and each renders the
 *       state as it is when it goes out, so ten changes in a second cost one edit. An edit that
 *       would change nothing is not sent. A board Discord no longer has (deleted) is posted again
 *       and pinned. A board's key is its show's and the board it replaces, so a retry of one
 *       whose answer was lost does not make two.</li>
 *   <li>Other messages for the channel (the after-show report) are handed over with
 *       {@link #postInTurn}: each is one write, in its turn. It is tried once; whoever handed it
 *       over hears how it went and decides whether to hand it over again.</li>
 *   <li>When more than one waits, the one that has waited longest goes first, so they take turns
 *       under load. A failed log or board write is retried with back-off; the pacer counts every
 *       write all the same.</li>
 * </ul>
 * The feed wakes when an event is committed ({@link #wake()}) and polls as a safety net.
 */
public final class TimelineFeed {

    /** The first log message holds at most this many events' lines anyway; reading more is waste. */
    static final int READ_AHEAD = 100;
    static final Duration POLL = Duration.ofSeconds(1);
    /** How often an idle feed checks that its board is still there, since nobody tells it when it is deleted. */
    static final Duration BOARD_CHECK = Duration.ofSeconds(30);
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(TimelineFeed.class);
    private static final long NOT_WAITING = Long.MAX_VALUE;

    private final String showId;
    private final FeedStore store;
    private final TimelineChannel channel;
    private final WritePacer pacer;
    private final ScheduledExecutorService thread;
    private final Clock clock;
    private final LongSupplier millis;
    private final FeedListener listener;

    private final AtomicBoolean queued = new AtomicBoolean();
    private final Queue<Handed> handed = new ConcurrentLinkedQueue<>();
    private volatile boolean stopped;
    private ScheduledFuture<?> timer;

    /** A message handed over with {@link #postInTurn}, waiting since {@code since} (the pacing clock). */
    private record Handed(ChannelPost post, long since, CompletableFuture<Long> posted) {
    }

    // owned by the feed's thread
    private Optional<FeedStore.BoardMessage> board = Optional.empty();
    /** The board message a new board replaces (deleted, or in another channel), 0 before the first. */
    private long replacedBoardId;
    private boolean boardLoaded;
    private Board shownBoard;
    private long shownEventId = -1;
    private boolean claimInDoubt = true;
    private long logWaitingSince = NOT_WAITING;
    private long boardWaitingSince = NOT_WAITING;
    private long boardCheckedAt;
    private int failures;

    /**
     * @param millis a monotonic clock in milliseconds, for pacing; the show's {@code clock} dates what is published
     */
    public TimelineFeed(String showId, FeedStore store, TimelineChannel channel, WritePacer pacer,
                        ScheduledExecutorService thread, Clock clock, LongSupplier millis, FeedListener listener) {
        this.showId = showId;
        this.store = store;
        this.channel = channel;
        this.pacer = pacer;
        this.thread = thread;
        this.clock = clock;
        this.millis = millis;
        this.listener = listener;
        this.boardCheckedAt = millis.getAsLong();
    }

    public String showId() {
        return showId;
    }

    /**
     * Posts {@code post} in the channel in its turn, within the write limit: the log, the board and
     * the messages handed over go in the order they started waiting. The future completes on the
     * feed's thread (do nothing slow in what depends on it) with the message's id, or with the
     * failure; the message is not tried again here. A feed that is stopped fails it.
     */
    public CompletableFuture<Long> postInTurn(ChannelPost post) {
        Handed message = new Handed(post, millis.getAsLong(), new CompletableFuture<>());
        handed.add(message);
        if (stopped) {
            failHanded();
        } else {
            wake();
        }
        return message.posted();
    }

    /** Something was committed: look at once. Wakes that come while a step is queued are one. */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                queued.set(false); // stopping
            }
        }
    }

    private void run() {
        queued.set(false);
        long next;
        try {
            next = step();
            failures = 0;
        } catch (RuntimeException e) {
            failures++;
            next = backOff().toMillis();
            log.warn("Show {}: the timeline could not be published (attempt {}); retrying in {} ms", showId, failures,
                    next, e);
        }
        scheduleIn(next);
    }

    private Duration backOff() {
        long factor = 1L << Math.min(failures - 1, 16);
        Duration wait = FIRST_RETRY.multipliedBy(factor);
        return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
    }

    private synchronized void scheduleIn(long delayMillis) {
        if (timer != null) {
            timer.cancel(false);
        }
        if (delayMillis <= 0) {
            wake();
            return;
        }
        try {
            timer = thread.schedule(this::wake, delayMillis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            log.debug("Show {}: timeline feed stopped", showId);
        }
    }

    /** One step: at most one write. Gives how long to wait before the next, 0 for at once. */
    long step() {
        long now = millis.getAsLong();
        if (!boardLoaded) {
            Optional<FeedStore.BoardMessage> stored = store.boardMessage(showId);
            replacedBoardId = stored.map(FeedStore.BoardMessage::messageId).orElse(0L);
            board = stored.filter(b -> b.channelId() == channel.channelId());
            boardLoaded = true;
        }
        List<TimelineEvent> claimed = store.claimed(showId);
        List<TimelineEvent> unclaimed = claimed.isEmpty() ? store.unclaimed(showId, READ_AHEAD) : List.of();
        boolean logWaiting = !claimed.isEmpty() || !unclaimed.isEmpty();
        boolean boardWaiting = board.isEmpty() || store.newestEventId(showId) > shownEventId;
        logWaitingSince = logWaiting ? Math.min(logWaitingSince, now) : NOT_WAITING;
        boardWaitingSince = boardWaiting ? Math.min(boardWaitingSince, now) : NOT_WAITING;
        Handed next = handed.peek();
        if (!logWaiting && !boardWaiting && next == null) {
            return checkBoardIfDue(now);
        }
        if (!pacer.mayWriteAt(now)) {
            return pacer.nextWriteAt() - now;
        }
        if (board.isEmpty()) {
            postBoard();
        } else if (next != null && next.since() <= Math.min(logWaitingSince, boardWaitingSince)) {
            postHanded(next);
        } else if (logWaiting && logWaitingSince <= boardWaitingSince) {
            publishLog(claimed, unclaimed);
        } else {
            editBoard();
        }
        return 0;
    }

    /** One try of a message handed over; its future says how it went, the feed goes on either way. */
    private void postHanded(Handed message) {
        handed.remove(message);
        long messageId;
        try {
            messageId = message.post().post();
        } catch (RuntimeException e) {
            message.posted().completeExceptionally(e);
            return;
        } finally {
            pacer.finished(millis.getAsLong());
        }
        message.posted().complete(messageId);
    }

    private void failHanded() {
        for (Handed message = handed.poll(); message != null; message = handed.poll()) {
            message.posted().completeExceptionally(new IllegalStateException("the timeline feed of show " + showId
                    + " has stopped"));
        }
    }

    private long checkBoardIfDue(long now) {
        if (board.isPresent() && now - boardCheckedAt >= BOARD_CHECK.toMillis()) {
            boardCheckedAt = now;
            if (!channel.exists(board.get().messageId())) {
                log.info("Show {}: the board message {} was deleted; posting it again", showId,
                        board.get().messageId());
                forgetBoard();
                return 0;
            }
        }
        return POLL.toMillis();
    }

    private void publishLog(List<TimelineEvent> claimed, List<TimelineEvent> unclaimed) {
        LogBatch batch;
        if (!claimed.isEmpty()) {
            batch = LogBatcher.first(claimed);
            if (claimInDoubt && !batch.quiet() && alreadyPosted(batch)) {
                return;
            }
        } else {
            batch = LogBatcher.first(unclaimed);
            store.claim(showId, batch);
        }
        if (batch.quiet()) {
            store.publishedQuietly(batch, clock.instant());
            claimInDoubt = false;
            listener.logShown(showId, batch.eventIds());
            return;
        }
        claimInDoubt = true;
        long messageId;
        try {
            messageId = channel.post(batch, PostKey.forLog(showId, channel.channelId(), batch));
        } finally {
            pacer.finished(millis.getAsLong());
        }
        markPublished(batch, messageId);
    }

    /** A message Discord took before the feed could mark it: found in the channel, marked, not posted again. */
    private boolean alreadyPosted(LogBatch batch) {
        Optional<Long> found = channel.findRecent(batch.content());
        if (found.isPresent()) {
            log.info("Show {}: log message {} for events {} was posted before; marking it", showId, found.get(),
                    batch.eventIds());
            markPublished(batch, found.get());
            return true;
        }
        return false;
    }

    private void markPublished(LogBatch batch, long messageId) {
        store.published(batch, clock.instant(), messageId);
        claimInDoubt = false;
        // what came in meanwhile waits from now, so the board gets its turn
        logWaitingSince = NOT_WAITING;
        listener.logShown(showId, batch.eventIds());
    }

    private void editBoard() {
        FeedStore.Snapshot snapshot = store.snapshot(showId);
        Board rendered = BoardRenderer.render(snapshot.state());
        if (!rendered.equals(shownBoard)) {
            try {
                channel.editBoard(board.orElseThrow().messageId(), rendered);
            } catch (TimelineChannel.MessageGone e) {
                log.info("Show {}: the board message {} was deleted; posting it again", showId,
                        board.orElseThrow().messageId());
                forgetBoard();
                return;
            } finally {
                pacer.finished(millis.getAsLong());
            }
            shownBoard = rendered;
        }
        shown(snapshot.newestEventId());
    }

    private void postBoard() {
        FeedStore.Snapshot snapshot = store.snapshot(showId);
        Board rendered = BoardRenderer.render(snapshot.state());
        Optional<Long> pinned = shownEventId < 0 ? channel.findPinnedBoard(rendered.title()) : Optional.empty();
        long messageId;
        if (pinned.isPresent()) {
            // posted before the feed could save its id: adopt it rather than post a second board
            messageId = pinned.get();
        } else {
            try {
                messageId = channel.postBoard(rendered, PostKey.forBoard(showId, channel.channelId(), replacedBoardId));
            } finally {
                pacer.finished(millis.getAsLong());
            }
        }
        FeedStore.BoardMessage posted = new FeedStore.BoardMessage(channel.channelId(), messageId);
        store.saveBoardMessage(showId, posted);
        board = Optional.of(posted);
        boardCheckedAt = millis.getAsLong();
        if (pinned.isEmpty()) {
            pin(messageId);
            shownBoard = rendered;
            shown(snapshot.newestEventId());
        }
        log.info("Show {}: the board is message {} in channel {}", showId, messageId, channel.channelId());
    }

    /** A board that cannot be pinned still works; the log says what is wrong. */
    private void pin(long messageId) {
        try {
            channel.pin(messageId);
        } catch (RuntimeException e) {
            log.warn("Show {}: could not pin the board message {}; pin it by hand", showId, messageId, e);
        }
    }

    private void shown(long newestEventId) {
        shownEventId = newestEventId;
        boardWaitingSince = NOT_WAITING;
        listener.boardShown(showId, newestEventId);
    }

    private void forgetBoard() {
        board.ifPresent(gone -> replacedBoardId = gone.messageId());
        board = Optional.empty();
        shownBoard = null;
    }

    /** Stops after the step under way; messages handed over and not yet posted fail. */
    public synchronized void stop() {
        stopped = true;
        if (timer != null) {
            timer.cancel(false);
        }
        failHanded();
    }
}
