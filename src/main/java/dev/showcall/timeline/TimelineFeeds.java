package dev.showcall.timeline;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The running feeds, one per show, each on a thread of its own so that a slow answer from Discord
 * for one show never holds up another. Anyone who commits an event calls {@link #wake(String)}.
 */
public final class TimelineFeeds implements AutoCloseable {

    /** Discord's limit on writing a channel's messages (posts, edits and deletes together). */
    public static final int CHANNEL_WRITES = 5;
    public static final java.time.Duration CHANNEL_WINDOW = java.time.Duration.ofSeconds(5);
    /** Covers the difference between our clock and Discord's in counting the window. */
    public static final java.time.Duration MARGIN = java.time.Duration.ofMillis(50);

    private final Map<String, TimelineFeed> feeds = new ConcurrentHashMap<>();
    private final Map<String, ScheduledExecutorService> threads = new ConcurrentHashMap<>();

    /** A pacer for one channel at Discord's limit. */
    public static WritePacer discordPacer() {
        return new WritePacer(CHANNEL_WRITES, CHANNEL_WINDOW.toMillis(), MARGIN.toMillis());
    }

    /** A thread for a show's feed: a daemon, named after the show. */
    public ScheduledExecutorService threadFor(String showId) {
        return threads.computeIfAbsent(showId, id -> senderThread("showcall-timeline-" + id));
    }

    /**
     * One daemon thread that sends to one channel in turn. A stopped sender does not wait for its
     * next poll, and a cancelled wait leaves the queue at once.
     */
    public static ScheduledThreadPoolExecutor senderThread(String name) {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        thread.setRemoveOnCancelPolicy(true);
        return thread;
    }

    /** Stops {@code threads}; a write under way finishes first, for a few seconds at most. */
    public static void stopAll(Collection<? extends ScheduledExecutorService> threads) {
        threads.forEach(ScheduledExecutorService::shutdown);
        for (ScheduledExecutorService thread : threads) {
            try {
                if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                    thread.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                thread.shutdownNow();
            }
        }
    }

    /** Starts publishing: the feed's first step looks at what is waiting, from before a restart too. */
    public void start(TimelineFeed feed) {
        feeds.put(feed.showId(), feed);
        feed.wake();
    }

    /** Something was committed for this show. */
    public void wake(String showId) {
        TimelineFeed feed = feeds.get(showId);
        if (feed != null) {
            feed.wake();
        }
    }

    /** A listener of commits, for the outbox: events of shows without a feed are picked up when one starts. */
    public Consumer<String> waker() {
        return this::wake;
    }

    /** The running feed of this show, if it has one. */
    public java.util.Optional<TimelineFeed> feed(String showId) {
        return java.util.Optional.ofNullable(feeds.get(showId));
    }

    public Collection<TimelineFeed> all() {
        return feeds.values();
    }

    /** Stops every feed; a write under way finishes first, for a few seconds at most. */
    @Override
    public void close() {
        feeds.values().forEach(TimelineFeed::stop);
        stopAll(threads.values());
    }
}
