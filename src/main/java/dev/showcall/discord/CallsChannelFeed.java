package dev.showcall.discord;

import dev.showcall.calls.Lateness;
import dev.showcall.timeline.WritePacer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One calls channel's messages (department announcements, and mentions of people a DM cannot
 * reach), sent on a thread of its own so that no Quartz thread ever waits for Discord or for the
 * channel's rate limit. One write at a time; what is due while a write is on its way or the
 * channel's limit holds is merged into the next message, in the order it was due. The channel's
 * limit is what Discord's headers say after each write; until it has said anything, Discord's 5
 * writes per 5 s, evenly spaced.
 *
 * <p>While the gateway connects again with a new session (Discord asks for it now and then), JDA
 * forgets the server for a few seconds: the posts wait for it, on the feed's own thread, and go out
 * as soon as the channel is back. A channel that is gone (deleted, the bot removed from the server,
 * a permission taken away) fails its posts at once, saying which.
 */
public final class CallsChannelFeed {

    /** Discord's limit on a message's content. */
    static final int MAX_CONTENT = 2000;
    /** Discord's limit on the users, and on the roles, that a message's allowed mentions may name. */
    static final int MAX_MENTIONS = 100;
    /** Announcements due at one instant reach the feed a few milliseconds apart: they wait this long to go as one. */
    static final Duration GATHER = Duration.ofMillis(60);
    /** How often to look whether the channel is back, while the gateway connects again. */
    static final Duration POLL = Duration.ofMillis(50);
    /** How long posts wait for the channel before they fail (and their pings retry later). */
    static final Duration MAX_WAIT = Duration.ofSeconds(30);

    /** What held a post in the channel's queue, as a late note says it. */
    static final String RATE_LIMIT = "the calls channel's rate limit held it";
    static final String RECONNECTING = "showcall was reconnecting to Discord";
    static final String SERVER_UNAVAILABLE = "the server was unavailable on Discord";
    static final String CHANNEL_UNAVAILABLE = "the calls channel was not available";

    private static final Logger log = LoggerFactory.getLogger(CallsChannelFeed.class);

    /**
     * A message's worth of text for the channel, and whom it may ping; a ping's post says, on a line
     * of its own, how late it is as the message is composed.
     */
    public record Post(Instant due, String key, long order, long handedAtNanos, String text, Optional<Lateness> late,
                       Set<Long> users, Set<Long> roles, CompletableFuture<Long> sent) {

        String content() {
            return text + late.flatMap(Lateness::note).map(n -> "\n" + CallMessages.lateNote(n)).orElse("");
        }
    }

    /** The calls channel cannot be written to: gone, or out of reach for longer than the posts wait. */
    static final class Unavailable extends RuntimeException {
        private final String held;

        Unavailable(String message, String held) {
            super(message);
            this.held = held;
        }

        /** What held the posts, as their late note will say it. */
        String held() {
            return held;
        }
    }

    /** One message made of several posts. */
    record Batch(List<Post> posts, String content, Set<Long> users, Set<Long> roles) {
    }

    static final Comparator<Post> ORDER = Comparator.comparing(Post::due).thenComparing(Post::key)
            .thenComparingLong(Post::order);

    private final long guildId;
    private final long channelId;
    private final Supplier<JDA> jda;
    private final ScheduledExecutorService thread;
    private final ChannelRateLimits limits;
    private final WritePacer fallback;
    private final LongSupplier nanos;
    private final List<Post> pending = new ArrayList<>();
    private long order;
    private boolean queued;
    /** Since when the posts wait for the channel to come back, and why; touched on the feed's thread only. */
    private long waitingSince;
    private String waitingFor;

    public CallsChannelFeed(long guildId, long channelId, Supplier<JDA> jda, ScheduledExecutorService thread,
                            ChannelRateLimits limits, WritePacer fallback, LongSupplier nanos) {
        this.guildId = guildId;
        this.channelId = channelId;
        this.jda = jda;
        this.thread = thread;
        this.limits = limits;
        this.fallback = fallback;
        this.nanos = nanos;
    }

    /**
     * Hands a post over; the future completes with the id of the message that carried it. Posts go
     * out by when they were due, then by {@code key} (as the plan orders pings due together).
     */
    public CompletableFuture<Long> post(Instant due, String key, String text, Optional<Lateness> late, Set<Long> users,
                                        Set<Long> roles) {
        CompletableFuture<Long> sent = new CompletableFuture<>();
        late.ifPresent(l -> l.heldBy(RATE_LIMIT));
        synchronized (this) {
            pending.add(new Post(due, key, order++, nanos.getAsLong(), text, late, Set.copyOf(users),
                    Set.copyOf(roles), sent));
        }
        wake(0);
        return sent;
    }

    private synchronized void wake(long delayNanos) {
        if (queued && delayNanos == 0) {
            return;
        }
        queued = true;
        try {
            if (delayNanos <= 0) {
                thread.execute(this::step);
            } else {
                thread.schedule(this::step, delayNanos, TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException e) {
            queued = false;
            failAll(new IllegalStateException("showcall is stopping"));
        }
    }

    private void step() {
        Batch batch;
        long now = nanos.getAsLong();
        synchronized (this) {
            queued = false;
            if (pending.isEmpty()) {
                return;
            }
            long handed = pending.stream().mapToLong(Post::handedAtNanos).min().orElse(now);
            long wait = Math.max(handed + GATHER.toNanos() - now, writeWait(now));
            if (wait > 0) {
                wake(wait);
                return;
            }
        }
        TextChannel channel;
        try {
            channel = channel(now);
        } catch (Unavailable e) {
            log.warn("Posts for the calls channel {} fail: {}", channelId, e.getMessage());
            failAll(e);
            return;
        }
        if (channel == null) {
            wake(POLL.toNanos());
            return;
        }
        synchronized (this) {
            pending.sort(ORDER);
            batch = batch(pending);
            pending.subList(0, batch.posts().size()).clear();
        }
        try {
            long messageId = send(channel, batch);
            batch.posts().forEach(p -> p.sent().complete(messageId));
        } catch (RuntimeException e) {
            log.warn("A message in the calls channel {} could not be sent ({} posts); each is retried", channelId,
                    batch.posts().size(), e);
            batch.posts().forEach(p -> p.sent().completeExceptionally(e));
        } finally {
            fallback.finished(nanos.getAsLong() / 1_000_000);
        }
        synchronized (this) {
            if (!pending.isEmpty()) {
                wake(0);
            }
        }
    }

    /**
     * The channel to write to; null while JDA has not got the server back (the gateway connecting
     * again with a new session, or Discord having the server unavailable), for at most {@link #MAX_WAIT}.
     *
     * @throws Unavailable when the channel is gone, or has been out of reach for too long
     */
    private TextChannel channel(long now) {
        JDA client = jda.get();
        TextChannel channel = client.getTextChannelById(channelId);
        if (channel != null) {
            if (waitingFor != null) {
                log.info("The calls channel {} is back after {} ms; sending what waited", channelId,
                        (now - waitingSince) / 1_000_000);
                waitingFor = null;
            }
            return channel;
        }
        String why;
        if (client.getStatus() != JDA.Status.CONNECTED) {
            why = RECONNECTING;
        } else if (client.isUnavailable(guildId)) {
            why = SERVER_UNAVAILABLE;
        } else if (client.getGuildById(guildId) == null) {
            throw new Unavailable("the bot is not in the server " + guildId + " of the calls channel " + channelId,
                    CHANNEL_UNAVAILABLE);
        } else {
            throw new Unavailable("the calls channel " + channelId + " is not a text channel of the server " + guildId
                    + " (deleted, or the show file names another)", CHANNEL_UNAVAILABLE);
        }
        if (!why.equals(waitingFor)) {
            if (waitingFor == null) {
                waitingSince = now;
            }
            waitingFor = why;
            log.info("The calls channel {} waits for Discord: {} ({})", channelId, why, client.getStatus());
        }
        synchronized (this) {
            // posts handed over meanwhile too
            pending.forEach(p -> p.late().ifPresent(l -> l.heldBy(why)));
        }
        if (now - waitingSince > MAX_WAIT.toNanos()) {
            waitingFor = null;
            throw new Unavailable("the calls channel " + channelId + " was out of reach for " + MAX_WAIT.toSeconds()
                    + " s: " + why, why);
        }
        return null;
    }

    private long writeWait(long now) {
        OptionalLong said = limits.waitNanos(channelId, now);
        if (said.isPresent()) {
            return said.getAsLong();
        }
        long nowMillis = now / 1_000_000;
        return Math.max(0, fallback.nextWriteAt() - nowMillis) * 1_000_000;
    }

    /** As many of the first posts as one message holds, at least one: their texts a line each, their mentions together. */
    static Batch batch(List<Post> sorted) {
        List<Post> taken = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        Set<Long> users = new LinkedHashSet<>();
        Set<Long> roles = new LinkedHashSet<>();
        for (Post p : sorted) {
            String text = p.content();
            int length = content.length() + (taken.isEmpty() ? 0 : 1) + text.length();
            Set<Long> moreUsers = new LinkedHashSet<>(users);
            moreUsers.addAll(p.users());
            Set<Long> moreRoles = new LinkedHashSet<>(roles);
            moreRoles.addAll(p.roles());
            if (!taken.isEmpty() && (length > MAX_CONTENT || moreUsers.size() > MAX_MENTIONS
                    || moreRoles.size() > MAX_MENTIONS)) {
                break;
            }
            content.append(taken.isEmpty() ? "" : "\n").append(text);
            users = moreUsers;
            roles = moreRoles;
            taken.add(p);
        }
        return new Batch(taken, content.toString(), users, roles);
    }

    private long send(TextChannel channel, Batch batch) {
        MessageCreateBuilder message = Replies.builder(batch.content())
                .mentionUsers(batch.users().stream().map(String::valueOf).toList())
                .mentionRoles(batch.roles().stream().map(String::valueOf).toList());
        // the same posts sent again (their answer lost) are the same message to Discord
        String nonce = DiscordCallNotifier.nonce(batch.posts().stream().map(Post::key)
                .collect(java.util.stream.Collectors.joining(",")));
        try {
            return DiscordTimelineChannel.await(channel.sendMessage(message.build()).setNonce(nonce)).getIdLong();
        } catch (InsufficientPermissionException e) {
            throw new Unavailable("the bot lacks " + e.getPermission().getName() + " in the calls channel #"
                    + channel.getName() + " (" + channelId + ")", CHANNEL_UNAVAILABLE);
        }
    }

    private synchronized void failAll(RuntimeException e) {
        pending.forEach(p -> p.sent().completeExceptionally(e));
        pending.clear();
    }
}
