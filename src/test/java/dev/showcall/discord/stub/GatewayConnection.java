package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.java_websocket.WebSocket;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/** One client socket on the gateway, with the compression the client asked for in its URL. */
final class GatewayConnection {

    private final WebSocket socket;
    private final String query;
    private final ZlibStream zlib;

    GatewayConnection(WebSocket socket, String query) {
        this.socket = socket;
        this.query = query == null ? "" : query;
        this.zlib = this.query.contains("compress=zlib-stream") ? new ZlibStream() : null;
    }

    WebSocket socket() {
        return socket;
    }

    String query() {
        return query;
    }

    boolean compressed() {
        return zlib != null;
    }

    /** Sends one payload; synchronized so that the zlib stream and the socket see payloads in the same order. */
    synchronized void send(JsonNode payload) {
        if (!socket.isOpen()) {
            return;
        }
        String text = Json.write(payload);
        try {
            if (zlib == null) {
                socket.send(text);
            } else {
                socket.send(zlib.compress(text.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (WebsocketNotConnectedException e) {
            // the client went away meanwhile; what it missed is replayed when it resumes
        }
    }

    synchronized void closed() {
        if (zlib != null) {
            zlib.close();
        }
    }
}
