package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway: answers IDENTIFY with HELLO, READY and one GUILD_CREATE per guild, RESUME with HELLO, the missed
 * dispatches and RESUMED, heartbeats with HEARTBEAT_ACK; and dispatches events (interactions) to the bot. It can
 * invalidate the bot's session (INVALID_SESSION, not resumable), as Discord does now and then: the bot identifies
 * again, and its guilds may come a while after READY.
 */
final class Gateway extends WebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final int HEARTBEAT_INTERVAL_MILLIS = 41_250;
    private static final int REPLAY_BUFFER = 1_000;
    private static final int DISPATCH = 0;
    private static final int HEARTBEAT = 1;
    private static final int IDENTIFY = 2;
    private static final int RESUME = 6;
    private static final int INVALID_SESSION = 9;
    private static final int HELLO = 10;
    private static final int HEARTBEAT_ACK = 11;

    /** A gateway session: its id, its sequence and the dispatches a resuming client may have missed. */
    private static final class Session {
        final String id = UUID.randomUUID().toString().replace("-", "");
        final Deque<ObjectNode> sent = new ArrayDeque<>();
        long sequence;
    }

    private final Directory directory;
    private final GuildJson guildJson;
    private final CountDownLatch started = new CountDownLatch(1);
    private final List<String> connectQueries = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Session session;
    private GatewayConnection current;
    private int identifies;
    private int resumes;
    private int guildsSent;
    private int sessionsStarted;
    private int sessionsAtDisconnect;
    /** How long after READY the next IDENTIFY's guilds are sent. */
    private Duration guildsAfterReady = Duration.ZERO;
    private final List<Instant> guildCreates = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "discord-stub-gateway-later");
        t.setDaemon(true);
        return t;
    });
    private volatile URI url;

    Gateway(Directory directory) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.directory = directory;
        this.guildJson = new GuildJson(directory);
        setReuseAddr(true);
        setConnectionLostTimeout(0);
        setDaemon(true);
    }

    URI startAndAwait() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gateway did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        url = URI.create("ws://127.0.0.1:" + getPort() + "/");
        return url;
    }

    URI url() {
        return url;
    }

    List<String> connectQueries() {
        return List.copyOf(connectQueries);
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
        String descriptor = handshake.getResourceDescriptor();
        int question = descriptor.indexOf('?');
        String query = question < 0 ? "" : descriptor.substring(question + 1);
        connectQueries.add(query);
        socket.setAttachment(new GatewayConnection(socket, query));
        if (query.contains("encoding=etf")) {
            socket.close(4002, "The stub speaks JSON only.");
        }
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        GatewayConnection connection = socket.getAttachment();
        JsonNode message = Json.parse(text.getBytes(StandardCharsets.UTF_8));
        JsonNode data = message.path("d");
        switch (message.path("op").asInt(-1)) {
            case HEARTBEAT -> heartbeat(connection);
            case IDENTIFY -> identify(connection, data);
            case RESUME -> resume(connection, data);
            default -> LOG.debug("Ignoring gateway op {}", message.path("op"));
        }
    }

    @Override
    public void onMessage(WebSocket socket, ByteBuffer bytes) {
        LOG.debug("Ignoring a binary frame from the client");
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
        GatewayConnection connection = socket.getAttachment();
        synchronized (lock) {
            if (current != null && current.socket() == socket) {
                current = null;
            }
            lock.notifyAll();
        }
        if (connection != null) {
            connection.closed();
        }
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
        LOG.debug("Gateway socket error", error);
    }

    private void heartbeat(GatewayConnection connection) {
        connection.send(op(HEARTBEAT_ACK));
    }

    private void identify(GatewayConnection connection, JsonNode data) {
        if (!directory.bot().token().equals(data.path("token").asText())) {
            connection.socket().close(4004, "Authentication failed.");
            return;
        }
        connection.send(hello());
        synchronized (lock) {
            session = new Session();
            current = connection;
            identifies++;
            sessionsStarted++;
            dispatchLocked("READY", guildJson.ready(session.id, url.toString()));
            if (guildsAfterReady.isZero()) {
                sendGuildsLocked();
            } else {
                Session identified = session;
                later.schedule(() -> {
                    synchronized (lock) {
                        if (session == identified) {
                            sendGuildsLocked();
                        }
                    }
                }, guildsAfterReady.toMillis(), TimeUnit.MILLISECONDS);
                guildsAfterReady = Duration.ZERO;
            }
            lock.notifyAll();
        }
    }

    private void sendGuildsLocked() {
        for (StubGuild guild : directory.guilds()) {
            dispatchLocked("GUILD_CREATE", guildJson.guildCreate(guild));
        }
        guildsSent++;
        guildCreates.add(Instant.now());
        lock.notifyAll();
    }

    private void resume(GatewayConnection connection, JsonNode data) {
        if (!directory.bot().token().equals(data.path("token").asText())) {
            connection.socket().close(4004, "Authentication failed.");
            return;
        }
        connection.send(hello());
        synchronized (lock) {
            if (session == null || !session.id.equals(data.path("session_id").asText())) {
                connection.send(op(INVALID_SESSION).put("d", false));
                return;
            }
            current = connection;
            long seen = data.path("seq").asLong();
            for (ObjectNode missed : session.sent) {
                if (missed.path("s").asLong() > seen) {
                    connection.send(missed);
                }
            }
            resumes++;
            sessionsStarted++;
            dispatchLocked("RESUMED", Json.object());
            lock.notifyAll();
        }
    }

    /** Sends a dispatch to the bot (or keeps it for the bot's RESUME while it is disconnected); returns its sequence. */
    long dispatch(String type, ObjectNode data) {
        synchronized (lock) {
            if (session == null) {
                throw new IllegalStateException("The bot has not identified on the gateway yet");
            }
            return dispatchLocked(type, data);
        }
    }

    private long dispatchLocked(String type, ObjectNode data) {
        long sequence = ++session.sequence;
        ObjectNode payload = op(DISPATCH).put("t", type).put("s", sequence);
        payload.set("d", data);
        session.sent.addLast(payload);
        while (session.sent.size() > REPLAY_BUFFER) {
            session.sent.removeFirst();
        }
        if (current != null) {
            current.send(payload);
        }
        return sequence;
    }

    /** Drops the bot's connection as Discord's load balancers do (close code 1001); the bot is expected to resume. */
    void disconnectClient() {
        GatewayConnection connection;
        synchronized (lock) {
            connection = current;
            if (connection == null) {
                throw new IllegalStateException("No bot is connected to the gateway");
            }
            sessionsAtDisconnect = sessionsStarted;
            current = null;
        }
        connection.socket().close(1001, "Discord stub: going away");
    }

    /**
     * Ends the bot's session as Discord does when it cannot be resumed (INVALID_SESSION, {@code d: false}): JDA
     * forgets its guilds, waits a moment and identifies again; the guilds come {@code guildsAfterReady} after READY.
     */
    void invalidateSession(Duration guildsAfterReady) {
        synchronized (lock) {
            if (current == null) {
                throw new IllegalStateException("No bot is connected to the gateway");
            }
            sessionsAtDisconnect = sessionsStarted;
            this.guildsAfterReady = guildsAfterReady;
            current.send(op(INVALID_SESSION).put("d", false));
            session = null;
        }
    }

    /** When each round of GUILD_CREATE was sent. */
    List<Instant> guildCreates() {
        return List.copyOf(guildCreates);
    }

    int identifies() {
        synchronized (lock) {
            return identifies;
        }
    }

    int resumes() {
        synchronized (lock) {
            return resumes;
        }
    }

    boolean awaitIdentified(Duration timeout) {
        return await(timeout, () -> identifies > 0);
    }

    boolean awaitGuildsSent(Duration timeout) {
        return await(timeout, () -> guildsSent > 0);
    }

    boolean awaitReconnected(Duration timeout) {
        return await(timeout, () -> sessionsStarted > sessionsAtDisconnect && current != null);
    }

    private boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    void shutdown() {
        later.shutdownNow();
        try {
            stop(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ObjectNode op(int op) {
        return Json.object().put("op", op).putNull("s").putNull("t");
    }

    private static ObjectNode hello() {
        ObjectNode hello = op(HELLO);
        hello.putObject("d").put("heartbeat_interval", HEARTBEAT_INTERVAL_MILLIS).putArray("_trace").add("discord-stub");
        return hello;
    }
}
