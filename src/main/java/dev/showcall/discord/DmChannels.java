package dev.showcall.discord;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.channel.concrete.PrivateChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.internal.entities.channel.concrete.PrivateChannelImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everyone's DM channel with the bot, opened once, well before their first ping, and kept (in the
 * database too, so that a restart opens none again). Discord allows few DM-channel opens (assume 10
 * per 10 s), so they are opened one after another within that limit, on a thread of their own, the
 * people due first first; a ping whose channel is not open yet asks for it and goes to the front.
 * Sending to a known channel needs no request before the message itself.
 */
public final class DmChannels implements AutoCloseable {

    /** Where the channels are kept. */
    public interface Store {
        Map<Long, Long> load();

        void save(long userId, long channelId);

        void forget(long userId);

        /** When the channels opened at or after {@code since} were opened. */
        java.util.List<Instant> openedSince(Instant since);
    }

    public static final int OPENS = 10;
    public static final Duration WINDOW = Duration.ofSeconds(10);
    static final Duration MARGIN = Duration.ofMillis(100);
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(DmChannels.class);
    /** A person who cannot be given a DM channel: asked for again, the answer is the same. */
    private static final OptionalLong UNREACHABLE = OptionalLong.empty();

    private record Wanted(long userId, boolean urgent, Instant firstPing, long order) {
    }

    private final Supplier<JDA> jda;
    private final Store store;
    private final RequestBudget budget;
    private final Map<Long, Long> known = new ConcurrentHashMap<>();
    private final Set<Long> unreachable = ConcurrentHashMap.newKeySet();
    private final Map<Long, CompletableFuture<OptionalLong>> opening = new ConcurrentHashMap<>();
    private final PriorityBlockingQueue<Wanted> queue = new PriorityBlockingQueue<>(64, Comparator
            .comparing(Wanted::urgent).reversed()
            .thenComparing(Wanted::firstPing)
            .thenComparingLong(Wanted::order));
    private final AtomicLong order = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    public DmChannels(Supplier<JDA> jda, Store store, RequestBudget budget) {
        this.jda = jda;
        this.store = store;
        this.budget = budget;
        this.thread = new Thread(this::openInTurn, "showcall-dm-channels");
        this.thread.setDaemon(true);
    }

    public static RequestBudget discordBudget() {
        return new RequestBudget(OPENS, WINDOW, MARGIN);
    }

    /**
     * Reads the channels kept from before and starts opening what is asked for. Channels opened
     * within the last window, before a restart, still count against Discord's limit; so does one
     * that may have been on its way when showcall stopped.
     */
    public void start(Instant now) {
        known.putAll(store.load());
        java.util.List<Instant> recent = store.openedSince(now.minus(WINDOW).minus(MARGIN));
        recent.forEach(at -> budget.finishedBefore(Duration.between(at, now)));
        if (!recent.isEmpty()) {
            budget.finishedBefore(Duration.ZERO);
        }
        thread.start();
    }

    /** Opens the channels of these people that are not open yet, whoever's first ping is earliest first. */
    public void openAhead(Map<Long, Instant> firstPingByUser) {
        int asked = 0;
        for (Map.Entry<Long, Instant> e : firstPingByUser.entrySet()) {
            long user = e.getKey();
            if (known.containsKey(user) || unreachable.contains(user)) {
                continue;
            }
            if (opening.putIfAbsent(user, new CompletableFuture<>()) == null) {
                queue.add(new Wanted(user, false, e.getValue(), order.incrementAndGet()));
                asked++;
            }
        }
        if (asked > 0) {
            log.info("Opening {} DM channels ahead of their first pings, {} every {} s", asked, OPENS,
                    WINDOW.toSeconds());
        }
    }

    /** The person's channel id, at once when it is open; empty when Discord will not give one. */
    public CompletableFuture<OptionalLong> channelOf(long userId) {
        Long channel = known.get(userId);
        if (channel != null) {
            return CompletableFuture.completedFuture(OptionalLong.of(channel));
        }
        if (unreachable.contains(userId)) {
            return CompletableFuture.completedFuture(UNREACHABLE);
        }
        CompletableFuture<OptionalLong> wanted = new CompletableFuture<>();
        CompletableFuture<OptionalLong> already = opening.putIfAbsent(userId, wanted);
        // the front of the queue, even when an opening ahead is queued for later
        queue.add(new Wanted(userId, true, Instant.MIN, order.incrementAndGet()));
        return already != null ? already : wanted;
    }

    /** The channel to send to, without a request. */
    public PrivateChannel channel(long channelId) {
        JDA client = jda.get();
        PrivateChannel cached = client.getPrivateChannelById(channelId);
        // JDA's public API offers a DM channel only once opened in this process; the channel is the
        // same forever, so one made from its kept id sends exactly as an opened one does
        return cached != null ? cached : new PrivateChannelImpl(client, channelId, null);
    }

    /** Discord no longer knows the channel: it is opened again when next needed. */
    public void forget(long userId) {
        if (known.remove(userId) != null) {
            store.forget(userId);
        }
    }

    public boolean isOpen(long userId) {
        return known.containsKey(userId);
    }

    private void openInTurn() {
        while (!stopped) {
            try {
                Wanted first = queue.take();
                queue.add(first);
                budget.acquire();
                Wanted next = nextStillWanted();
                if (next == null) {
                    budget.unused();
                    continue;
                }
                open(next.userId());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Opening DM channels failed; going on", e);
            }
        }
    }

    private Wanted nextStillWanted() {
        Wanted next;
        while ((next = queue.poll()) != null) {
            if (opening.containsKey(next.userId())) {
                return next;
            }
        }
        return null;
    }

    private void open(long userId) throws InterruptedException {
        CompletableFuture<OptionalLong> waiting = opening.get(userId);
        try {
            PrivateChannel channel = jda.get().openPrivateChannelById(userId).submit()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long channelId = channel.getIdLong();
            known.put(userId, channelId);
            store.save(userId, channelId);
            opening.remove(userId);
            waiting.complete(OptionalLong.of(channelId));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ErrorResponseException refused && refused.getErrorResponse() != null
                    && refused.getErrorCode() > 0) {
                log.info("User {} cannot be given a DM channel ({}); they are mentioned in the calls channel instead",
                        userId, refused.getErrorResponse());
                unreachable.add(userId);
                opening.remove(userId);
                waiting.complete(UNREACHABLE);
            } else {
                failed(userId, waiting, e.getCause());
            }
        } catch (TimeoutException e) {
            failed(userId, waiting, e);
        } finally {
            budget.finished();
        }
    }

    /** Discord down or slow: whoever waits for it fails (and retries); an opening ahead is tried again in turn. */
    private void failed(long userId, CompletableFuture<OptionalLong> waiting, Throwable cause) {
        opening.remove(userId);
        waiting.completeExceptionally(cause);
        log.warn("Could not open the DM channel of user {}; it is asked for again when needed", userId, cause);
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
