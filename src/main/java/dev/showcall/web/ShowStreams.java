package dev.showcall.web;

import dev.showcall.screen.Grant;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open pages, by show, each fed by Server-Sent Events: the page's whole state whenever a change of its show
 * is committed (several changes close together are sent once), with the id of the newest timeline event it
 * reflects, so a page that reconnects with {@code Last-Event-ID} is sent the state it missed at once. A tick every
 * few seconds tells a page its connection still lives; every few more, a state that changed without an event
 * (a confirmation, the clock) is sent too. Nothing here waits on Discord.
 */
final class ShowStreams implements AutoCloseable {

    static final long TICK_SECONDS = 5;
    static final String STATE = "state";
    static final String TICK = "tick";
    static final String STANDBY = "standby";

    private static final Logger log = LoggerFactory.getLogger(ShowStreams.class);

    /** Writers: a page whose network is slow holds one of them, never the pages of the others. */
    static final int WRITERS = 8;

    /** A page's state as sent: rendered and written out once for every page of its kind. */
    private record Frame(String json, String withoutNow, long version) {

        static Frame of(Pages.Rendered rendered) {
            String json = rendered.view().toString();
            return new Frame(json, stripNow(json), rendered.version());
        }
    }

    /** One event to send a page. */
    private record Outgoing(String event, String data, String id) {
    }

    /**
     * An open page, and what it is still to be sent. A state waiting for a slow page is replaced by the next
     * one (each is the whole state), so a page that falls behind gets the newest, never a queue of old ones.
     */
    private record Open(Grant grant, SseClient client, AtomicReference<Outgoing> pending, AtomicBoolean writing) {

        Open(Grant grant, SseClient client) {
            this(grant, client, new AtomicReference<>(), new AtomicBoolean());
        }
    }

    private final Map<String, List<Open>> open = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    /** What each page was sent last, so that the periodic check sends only what changed. */
    private final Map<SseClient, String> sent = new ConcurrentHashMap<>();
    private final Supplier<Optional<Pages>> pages;
    private final ScheduledExecutorService pusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "showcall-web-push");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, new java.util.concurrent.ThreadFactory() {
        private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "showcall-web-write-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    });

    ShowStreams(Supplier<Optional<Pages>> pages) {
        this.pages = pages;
        pusher.scheduleWithFixedDelay(this::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    }

    /** A page opened its stream: it gets the state now, and every change from now on. */
    void open(Grant grant, SseClient client) {
        client.keepAlive();
        Open page = new Open(grant, client);
        open.computeIfAbsent(grant.showId(), id -> new CopyOnWriteArrayList<>()).add(page);
        client.onClose(() -> {
            open.getOrDefault(grant.showId(), List.of()).remove(page);
            sent.remove(client);
        });
        pusher.execute(() -> send(page, true));
    }

    /** A change of the show was committed. */
    void changed(String showId) {
        if (open.containsKey(showId) && dirty.add(showId)) {
            pusher.execute(() -> {
                dirty.remove(showId);
                push(showId, true);
            });
        }
    }

    /** Closes the show's pages whose link is older than {@code epoch}; reconnecting, they find a 404. */
    void revokedBefore(String showId, int epoch) {
        for (Open page : open.getOrDefault(showId, List.of())) {
            if (page.grant().epoch() < epoch) {
                page.client().close();
            }
        }
    }

    int openPages() {
        return open.values().stream().mapToInt(List::size).sum();
    }

    private void tick() {
        try {
            open.keySet().forEach(show -> push(show, false));
        } catch (RuntimeException e) {
            log.warn("The pages could not be brought up to date; trying again in {} s", TICK_SECONDS, e);
        }
    }

    /** Renders each kind of page of the show once (a door once per holder), however many are open. */
    private void push(String showId, boolean always) {
        Map<Grant, Optional<Frame>> rendered = new java.util.HashMap<>();
        for (Open page : open.getOrDefault(showId, List.of())) {
            send(page, always, rendered);
        }
    }

    private void send(Open page, boolean always) {
        send(page, always, new java.util.HashMap<>());
    }

    private void send(Open page, boolean always, Map<Grant, Optional<Frame>> renderedOnce) {
        if (page.client().terminated()) {
            return;
        }
        Optional<Pages> running = pages.get();
        try {
            if (running.isEmpty()) {
                deliver(page, new Outgoing(STANDBY, "{}", null));
                return;
            }
            Optional<Frame> frame = renderedOnce.computeIfAbsent(page.grant(),
                    grant -> running.get().render(grant).map(Frame::of));
            if (frame.isEmpty()) {
                page.client().close();
                return;
            }
            String before = sent.put(page.client(), frame.get().withoutNow());
            if (always || !frame.get().withoutNow().equals(before)) {
                deliver(page, new Outgoing(STATE, frame.get().json(), Long.toString(frame.get().version())));
            } else {
                deliver(page, new Outgoing(TICK, Long.toString(System.currentTimeMillis()), null));
            }
        } catch (RuntimeException e) {
            log.warn("Show {}: a page could not be sent its state", page.grant().showId(), e);
        }
    }

    /** Hands the event to a writer; returns at once, whatever the page's network. */
    private void deliver(Open page, Outgoing event) {
        if (event.event().equals(TICK)) {
            // a page with something on its way hears that instead: a tick never replaces a state
            page.pending().compareAndSet(null, event);
        } else {
            page.pending().set(event);
        }
        if (page.writing().compareAndSet(false, true)) {
            try {
                writers.execute(() -> write(page));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                page.writing().set(false);
            }
        }
    }

    /** Sends the page what it is owed until nothing is: one writer per page at a time. */
    private void write(Open page) {
        while (true) {
            Outgoing event = page.pending().getAndSet(null);
            if (event == null) {
                page.writing().set(false);
                // something came between the last look and letting go: this writer takes it
                if (page.pending().get() == null || !page.writing().compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                if (event.id() == null) {
                    page.client().sendEvent(event.event(), event.data());
                } else {
                    page.client().sendEvent(event.event(), event.data(), event.id());
                }
            } catch (RuntimeException e) {
                // the page went away, or its network gave up (Jetty fails a write stuck past its idle timeout)
                log.debug("Show {}: a page's stream failed; closing it", page.grant().showId(), e);
                page.client().close();
            }
        }
    }

    /** The state without the time it was rendered at, to tell whether anything else changed. */
    private static String stripNow(String json) {
        return json.replaceFirst("\"now\":\\d+", "");
    }

    @Override
    public void close() {
        pusher.shutdownNow();
        writers.shutdownNow();
        open.values().forEach(pages -> pages.forEach(p -> p.client().close()));
        open.clear();
    }
}
