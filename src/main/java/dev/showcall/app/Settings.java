package dev.showcall.app;

import dev.showcall.store.Database;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * showcall's settings, read from the environment once at start-up. Every setting has a default
 * that works on a fresh machine except the bot token, which only {@code run} needs.
 */
public record Settings(
        Optional<String> discordToken,
        Path shows,
        String databaseUrl,
        Optional<URI> discordApi,
        Optional<URI> discordGateway) {

    public static final String DISCORD_TOKEN = "DISCORD_TOKEN";
    public static final String SHOWS = "SHOWCALL_SHOWS";
    public static final String DB_URL = "SHOWCALL_DB_URL";
    public static final String DISCORD_API = "SHOWCALL_DISCORD_API";
    public static final String DISCORD_GATEWAY = "SHOWCALL_DISCORD_GATEWAY";

    public static final String DEFAULT_SHOWS = "config/shows";
    public static final String DEFAULT_DB_URL = Database.DEFAULT_URL;

    /** A setting that cannot be used; the message names the variable and what is wrong. */
    public static final class InvalidSettingException extends RuntimeException {
        public InvalidSettingException(String message) {
            super(message);
        }
    }

    public static Settings from(Map<String, String> env) {
        return new Settings(
                value(env, DISCORD_TOKEN),
                Path.of(value(env, SHOWS).orElse(DEFAULT_SHOWS)),
                databaseUrl(value(env, DB_URL).orElse(DEFAULT_DB_URL)),
                url(env, DISCORD_API, "http", "https"),
                url(env, DISCORD_GATEWAY, "ws", "wss"));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String databaseUrl(String url) {
        if (!url.startsWith("jdbc:")) {
            throw new InvalidSettingException(DB_URL + " must be a JDBC URL such as " + DEFAULT_DB_URL + ", not '" + url + "'");
        }
        return url;
    }

    private static Optional<URI> url(Map<String, String> env, String name, String... schemes) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.get());
            for (String scheme : schemes) {
                if (scheme.equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null) {
                    return Optional.of(uri);
                }
            }
        } catch (URISyntaxException e) {
            // reported below with the schemes we expect
        }
        throw new InvalidSettingException(name + " must be a " + String.join(" or ", schemes) + " URL, not '"
                + text.get() + "'");
    }

    /** Never shows the token, so that logging the settings cannot leak it. */
    @Override
    public String toString() {
        return "Settings[discordToken=" + (discordToken.isPresent() ? "(set)" : "(not set)")
                + ", shows=" + shows + ", databaseUrl=" + databaseUrl
                + ", discordApi=" + discordApi.map(URI::toString).orElse("(Discord)")
                + ", discordGateway=" + discordGateway.map(URI::toString).orElse("(Discord)") + "]";
    }
}
