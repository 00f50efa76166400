package dev.showcall.discord.stub;

import java.time.Instant;

/**
 * A rule a request of the bot broke.
 *
 * @param method the HTTP method, or {@code GATEWAY} for what the bot sent on the gateway
 * @param path the path under {@code /api/v10/}, or the gateway payload, e.g. {@code op 8 REQUEST_GUILD_MEMBERS}
 * @param detail what exactly was wrong, e.g. {@code content is 2001 characters, at most 2000}
 */
public record Violation(Instant at, String method, String path, Rule rule, String detail) {

    @Override
    public String toString() {
        return rule + " on " + method + " " + path + ": " + detail;
    }
}
