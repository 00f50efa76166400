package dev.showcall.discord;

import dev.showcall.timeline.TimelineFeeds;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;

/** The calls channels' feeds, one per channel (shows may share one), each on a thread of its own. */
public final class CallsChannels implements AutoCloseable {

    private final Supplier<JDA> jda;
    private final ChannelRateLimits limits;
    private final Map<Long, CallsChannelFeed> feeds = new ConcurrentHashMap<>();
    private final Map<Long, ScheduledThreadPoolExecutor> threads = new ConcurrentHashMap<>();

    public CallsChannels(Supplier<JDA> jda, ChannelRateLimits limits) {
        this.jda = jda;
        this.limits = limits;
    }

    /** The feed of the channel {@code channelId} of the server {@code guildId}. */
    public CallsChannelFeed feed(long guildId, long channelId) {
        return feeds.computeIfAbsent(channelId, id -> new CallsChannelFeed(guildId, id, jda, thread(id), limits,
                TimelineFeeds.discordPacer(), System::nanoTime));
    }

    private ScheduledThreadPoolExecutor thread(long channelId) {
        return threads.computeIfAbsent(channelId, id -> TimelineFeeds.senderThread("showcall-calls-channel-" + id));
    }

    /** Stops every feed; a write under way finishes first, for a few seconds at most. */
    @Override
    public void close() {
        TimelineFeeds.stopAll(threads.values());
    }
}
