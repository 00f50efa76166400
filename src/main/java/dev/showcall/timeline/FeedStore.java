package dev.showcall.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the feed needs from the database; the store implements it. */
public interface FeedStore {

    /** The board's state now and the newest event it reflects, read in one transaction. */
    Snapshot snapshot(String showId);

    /** The board's state now, with the newest {@code lines} events of its log, read in one transaction. */
    default Page page(String showId, int lines) {
        Snapshot snapshot = snapshot(showId);
        return new Page(snapshot, List.of());
    }

    /** The id of the show's newest event, or 0 before the first. */
    long newestEventId(String showId);

    /** The board message, once one was posted. */
    Optional<BoardMessage> boardMessage(String showId);

    void saveBoardMessage(String showId, BoardMessage board);

    /**
     * Events claimed for a log message that Discord may or may not have taken (the feed stopped,
     * or the request failed, before they were marked published), in order.
     */
    List<TimelineEvent> claimed(String showId);

    /** The oldest events not yet claimed for a message, at most {@code limit}, in order. */
    List<TimelineEvent> unclaimed(String showId, int limit);

    /** Claims the batch's events for one message, before it is sent. */
    void claim(String showId, LogBatch batch);

    /** Discord took the batch as message {@code messageId}: its events are published, in one transaction. */
    void published(LogBatch batch, Instant at, long messageId);

    /** The batch held only events the log does not show: they are published without a message. */
    void publishedQuietly(LogBatch batch, Instant at);

    record Snapshot(BoardState state, long newestEventId) {
    }

    /** What a page shows of the timeline: the board's state and the log's newest lines, oldest first. */
    record Page(Snapshot snapshot, List<TimelineEvent> log) {
    }

    record BoardMessage(long channelId, long messageId) {
    }
}
