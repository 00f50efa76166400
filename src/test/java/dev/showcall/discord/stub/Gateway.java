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
import java.util.function.Supplier;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway: answers IDENTIFY with HELLO, READY and one GUILD_CREATE per guild (or closes with 4014 when it asks for
 * a privileged intent the application may not use), RESUME with HELLO, the missed dispatches and RESUMED, heartbeats
 * with HEARTBEAT_ACK, REQUEST_GUILD_MEMBERS with GUILD_MEMBERS_CHUNK dispatches; and dispatches events (interactions,
 * member changes to a session with the GUILD_MEMBERS intent) to the bot. It can invalidate the bot's session
 * (INVALID_SESSION, not resumable), as Discord does now and then: the bot identifies again, and its guilds may come a
 * while after READY. A change of the member list and its events happen under the same lock as every chunk and
 * GUILD_CREATE, so the bot never gets a member both in a chunk and in a later GUILD_MEMBER_ADD.
 */
final class Gateway extends WebSocketServer {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final int HEARTBEAT_INTERVAL_MILLIS = 41_250;
    private static final int REPLAY_BUFFER = 1_000;
    private static final int DISPATCH = 0;
    private static final int HEARTBEAT = 1;
    private static final int IDENTIFY = 2;
    private static final int RESUME = 6;
    private static final int REQUEST_GUILD_MEMBERS = 8;
    private static final int INVALID_SESSION = 9;
    private static final int HELLO = 10;
    private static final int HEARTBEAT_ACK = 11;

    /** An event for the bot: its name and data. */
    record Dispatch(String type, ObjectNode data) {
    }

    /**
     * A gateway session: its id, what IDENTIFY asked for, its sequence and the dispatches a resuming client may have
     * missed.
     */
    private static final class Session {
        final String id = UUID.randomUUID().toString().replace("-", "");
        final Deque<ObjectNode> sent = new ArrayDeque<>();
        final long intents;
        final int largeThreshold;
        long sequence;

        Session(long intents, int largeThreshold) {
            this.intents = intents;
            this.largeThreshold = largeThreshold;
        }
    }

    private final Directory directory;
    private final Recordings recordings;
    private final long privilegedIntentsEnabled;
    private final GuildJson guildJson;
    private final MemberChunks memberChunks;
    private final List<String> dispatched = new CopyOnWriteArrayList<>();
    private final List<Integer> closeCodes = new CopyOnWriteArrayList<>();
    private final List<Long> identifyIntents = new CopyOnWriteArrayList<>();
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

    /** @param privilegedIntentsEnabled the privileged intents switched on for the application (see {@link Intents}) */
    Gateway(Directory directory, Recordings recordings, long privilegedIntentsEnabled) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.directory = directory;
        this.recordings = recordings;
        this.privilegedIntentsEnabled = privilegedIntentsEnabled;
        this.guildJson = new GuildJson(directory);
        this.memberChunks = new MemberChunks(directory);
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
            close(socket, 4002, "The stub speaks JSON only.");
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
            case REQUEST_GUILD_MEMBERS -> requestGuildMembers(connection, data);
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
            close(connection.socket(), 4004, "Authentication failed.");
            return;
        }
        connection.send(hello());
        if (!data.path("intents").canConvertToLong()) {
            close(connection.socket(), 4013, "Invalid intent(s).");
            return;
        }
        long intents = data.path("intents").asLong();
        identifyIntents.add(intents);
        if (Intents.disallowed(intents, privilegedIntentsEnabled) != 0) {
            close(connection.socket(), 4014, "Disallowed intent(s).");
            return;
        }
        int largeThreshold = Math.max(GuildJson.DEFAULT_LARGE_THRESHOLD, Math.min(GuildJson.MAX_LARGE_THRESHOLD,
                data.path("large_threshold").asInt(GuildJson.DEFAULT_LARGE_THRESHOLD)));
        synchronized (lock) {
            session = new Session(intents, largeThreshold);
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
        // recorded before the frames go out: the client may act on them before the loop ends
        guildsSent++;
        guildCreates.add(Instant.now());
        for (StubGuild guild : directory.guilds()) {
            dispatchLocked("GUILD_CREATE", guildJson.guildCreate(guild, session.intents, session.largeThreshold));
        }
        lock.notifyAll();
    }

    private void resume(GatewayConnection connection, JsonNode data) {
        if (!directory.bot().token().equals(data.path("token").asText())) {
            close(connection.socket(), 4004, "Authentication failed.");
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

    /** Answers with chunks, or nothing when Discord would not answer; a socket that has not identified is closed. */
    private void requestGuildMembers(GatewayConnection connection, JsonNode data) {
        synchronized (lock) {
            if (session == null || current != connection) {
                close(connection.socket(), 4003, "Not authenticated.");
                return;
            }
            MemberChunks.Answer answer = memberChunks.answer(data, session.intents);
            Instant at = Instant.now();
            answer.findings().forEach(f -> recordings.violation(
                    new Violation(at, "GATEWAY", "op 8 REQUEST_GUILD_MEMBERS", f.rule(), f.detail())));
            answer.chunks().forEach(chunk -> dispatchLocked("GUILD_MEMBERS_CHUNK", chunk));
        }
    }

    /**
     * Changes the member list with {@code change} and sends the events it returns to a session with the GUILD_MEMBERS
     * intent (or keeps them for its RESUME), in one step; returns whether they were sent.
     */
    boolean changeMembers(Supplier<List<Dispatch>> change) {
        synchronized (lock) {
            List<Dispatch> events = change.get();
            if (session == null || !Intents.has(session.intents, Intents.GUILD_MEMBERS)) {
                return false;
            }
            events.forEach(event -> dispatchLocked(event.type(), event.data()));
            return true;
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
        dispatched.add(type);
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
        close(connection.socket(), 1001, "Discord stub: going away");
    }

    private void close(WebSocket socket, int code, String reason) {
        closeCodes.add(code);
        socket.close(code, reason);
    }

    /** The name of every dispatch sent (or kept for a RESUME), oldest first; replays are not counted again. */
    List<String> dispatched() {
        return List.copyOf(dispatched);
    }

    /** The close code of every connection the gateway closed, oldest first. */
    List<Integer> closeCodes() {
        return List.copyOf(closeCodes);
    }

    /** The intents of every IDENTIFY that named them, oldest first, refused ones included. */
    List<Long> identifyIntents() {
        return List.copyOf(identifyIntents);
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
