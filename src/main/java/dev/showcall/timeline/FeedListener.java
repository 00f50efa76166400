package dev.showcall.timeline;

import java.util.List;

/** Told what the feed has shown, as it happens: for measuring it. Called on the feed's thread; must be quick. */
public interface FeedListener {

    FeedListener NONE = new FeedListener() {
    };

    /** Discord took a log message with these events. */
    default void logShown(String showId, List<Long> eventIds) {
    }

    /** The board shows every event up to {@code newestEventId}. */
    default void boardShown(String showId, long newestEventId) {
    }
}
