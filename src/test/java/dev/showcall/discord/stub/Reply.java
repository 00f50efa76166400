package dev.showcall.discord.stub;

import com.fasterxml.jackson.databind.JsonNode;

/** What the REST stub answers: a status and a JSON body ({@code null} for 204). */
record Reply(int status, JsonNode body) {

    static Reply ok(JsonNode body) {
        return new Reply(200, body);
    }

    static Reply noContent() {
        return new Reply(204, null);
    }

    /** A Discord error body: {@code {"message": ..., "code": ...}}. */
    static Reply error(int status, int code, String message) {
        return new Reply(status, Json.object().put("message", message).put("code", code));
    }

    static Reply unknownChannel() {
        return error(404, 10003, "Unknown Channel");
    }

    static Reply unknownMessage() {
        return error(404, 10008, "Unknown Message");
    }

    static Reply unknownWebhook() {
        return error(404, 10015, "Unknown Webhook");
    }

    static Reply unknownInteraction() {
        return error(404, 10062, "Unknown interaction");
    }

    static Reply missingPermissions() {
        return error(403, 50013, "Missing Permissions");
    }
}
