package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A gateway client built by hand (JSON, no compression), for what JDA never sends, or to read the stub's dispatches
 * exactly as they are.
 */
final class RawGatewayClient implements AutoCloseable {

    private final BlockingQueue<JsonNode> dispatches = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocketClient socket;
    private final String token;

    private RawGatewayClient(DiscordStub stub) {
        this.token = stub.botToken();
        this.socket = new WebSocketClient(stub.gatewayUrl().resolve("/?v=10&encoding=json")) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String message) {
                JsonNode payload = Json.parse(message.getBytes(StandardCharsets.UTF_8));
                if (payload.path("op").asInt() == 0) {
                    seen.add(payload);
                    dispatches.add(payload);
                }
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                closeCode.complete(code);
            }

            @Override
            public void onError(Exception error) {
            }
        };
    }

    static RawGatewayClient connect(DiscordStub stub) {
        RawGatewayClient client = new RawGatewayClient(stub);
        try {
            if (!client.socket.connectBlocking(5, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Cannot connect to " + stub.gatewayUrl());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return client;
    }

    /** Identifies with these intents and waits for READY. */
    RawGatewayClient identify(long intents) {
        ObjectNode data = Json.object().put("token", token).put("intents", intents).put("large_threshold", 250);
        data.putObject("properties").put("os", "linux").put("browser", "raw").put("device", "raw");
        send(2, data);
        awaitDispatch("READY");
        return this;
    }

    void send(int op, JsonNode data) {
        ObjectNode payload = Json.object().put("op", op);
        payload.set("d", data);
        socket.send(Json.write(payload));
    }

    /** The data of the next dispatch of this type; dispatches of other types before it are skipped. */
    JsonNode awaitDispatch(String type) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        try {
            while (true) {
                JsonNode next = dispatches.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("No " + type + " dispatch within 5 s; seen " + types());
                }
                if (type.equals(next.path("t").asText())) {
                    return next.path("d");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The data of every dispatch of this type received so far, oldest first. */
    List<JsonNode> received(String type) {
        return seen.stream().filter(d -> type.equals(d.path("t").asText())).map(d -> d.path("d")).toList();
    }

    List<String> types() {
        return seen.stream().map(d -> d.path("t").asText()).toList();
    }

    /** The code the server closed the connection with. */
    int awaitClosed() {
        try {
            return closeCode.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("The gateway did not close the connection", e);
        }
    }

    @Override
    public void close() {
        try {
            socket.closeBlocking();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
