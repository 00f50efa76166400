package dev.showcall.app;

import dev.showcall.mail.MailSettings;
import dev.showcall.store.Database;
import dev.showcall.store.Dialect;
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
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Optional<URI> discordApi,
        Optional<URI> discordGateway,
        Web web,
        Optional<MailSettings> mail) {

    public static final String DISCORD_TOKEN = "DISCORD_TOKEN";
    public static final String SHOWS = "SHOWCALL_SHOWS";
    public static final String DB_URL = "SHOWCALL_DB_URL";
    public static final String DB_USER = "SHOWCALL_DB_USER";
    public static final String DB_PASSWORD = "SHOWCALL_DB_PASSWORD";
    public static final String DISCORD_API = "SHOWCALL_DISCORD_API";
    public static final String DISCORD_GATEWAY = "SHOWCALL_DISCORD_GATEWAY";
    public static final String WEB_PORT = "SHOWCALL_WEB_PORT";
    public static final String WEB_BIND = "SHOWCALL_WEB_BIND";
    public static final String WEB_URL = "SHOWCALL_WEB_URL";
    public static final String WEB_SECRET = "SHOWCALL_WEB_SECRET";
    public static final int DEFAULT_WEB_PORT = 8080;
    public static final String SMTP_URL = "SHOWCALL_SMTP_URL";
    public static final String SMTP_USER = "SHOWCALL_SMTP_USER";
    public static final String SMTP_PASSWORD = "SHOWCALL_SMTP_PASSWORD";
    public static final String SMTP_FROM = "SHOWCALL_SMTP_FROM";

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
                value(env, DB_USER),
                // a password may have spaces at either end: only an empty one is unset
                Optional.ofNullable(env.get(DB_PASSWORD)).filter(v -> !v.isEmpty()),
                url(env, DISCORD_API, "http", "https"),
                url(env, DISCORD_GATEWAY, "ws", "wss"),
                web(env),
                mail(env));
    }

    /** Email, for the people not on Discord: off unless {@code SHOWCALL_SMTP_URL} is set. */
    private static Optional<MailSettings> mail(Map<String, String> env) {
        Optional<String> text = value(env, SMTP_URL);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String expected = " must be smtp://host:port, smtp+starttls://host:port or smtps://host:port";
        URI uri;
        try {
            uri = new URI(text.get());
        } catch (URISyntaxException e) {
            throw new InvalidSettingException(SMTP_URL + expected + ", not '" + withoutUserInfo(text.get()) + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidSettingException(SMTP_URL + " must not carry a user or a password: give them in "
                    + SMTP_USER + " and " + SMTP_PASSWORD);
        }
        Optional<MailSettings.Security> security = Optional.ofNullable(uri.getScheme()).flatMap(MailSettings.Security::ofScheme);
        boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
        if (security.isEmpty() || uri.getHost() == null || !bare || uri.getRawQuery() != null) {
            throw new InvalidSettingException(SMTP_URL + expected + ", not '" + text.get() + "'");
        }
        int port = uri.getPort() < 0 ? defaultPort(security.get()) : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new InvalidSettingException(SMTP_URL + ": " + port + " is not a port (1 to 65535)");
        }
        Optional<String> from = value(env, SMTP_FROM);
        if (from.isEmpty()) {
            throw new InvalidSettingException(SMTP_FROM + " is not set: with " + SMTP_URL + ", give the address the"
                    + " calls are sent from, such as calls@example.org");
        }
        try {
            new jakarta.mail.internet.InternetAddress(from.get(), true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new InvalidSettingException(SMTP_FROM + " must be an email address such as calls@example.org, not '"
                    + from.get() + "'");
        }
        Optional<String> user = value(env, SMTP_USER);
        // a password may have spaces at either end: only an empty one is unset
        Optional<String> password = Optional.ofNullable(env.get(SMTP_PASSWORD)).filter(v -> !v.isEmpty());
        if (password.isPresent() && user.isEmpty()) {
            throw new InvalidSettingException(SMTP_PASSWORD + " is set without " + SMTP_USER + ": give the user to log"
                    + " in as");
        }
        return Optional.of(new MailSettings(security.get(), uri.getHost(), port, user, password, from.get()));
    }

    /** 25 for SMTP, 587 for submission with STARTTLS, 465 for SMTPS. */
    private static int defaultPort(MailSettings.Security security) {
        return switch (security) {
            case PLAIN -> 25;
            case STARTTLS -> 587;
            case SMTPS -> 465;
        };
    }

    /** A URL as it can be shown: without what comes before an '@' of its authority, which may hold a password. */
    private static String withoutUserInfo(String url) {
        int scheme = url.indexOf("://");
        int at = url.lastIndexOf('@');
        return scheme >= 0 && at > scheme ? url.substring(0, scheme + 3) + "…@" + url.substring(at + 1) : url;
    }

    /**
     * The web pages (the backstage screen, the lineup, the door, health and metrics).
     *
     * @param port   empty when {@code SHOWCALL_WEB_PORT=off}; 0 for any free port
     * @param url    the address people open, when set; else the machine's LAN address and the port
     * @param secret what the links' tokens are derived from, when set; else the bot token
     */
    public record Web(java.util.OptionalInt port, String bind, Optional<URI> url, Optional<String> secret) {

        public boolean on() {
            return port.isPresent();
        }

        @Override
        public String toString() {
            return "Web[port=" + (port.isPresent() ? Integer.toString(port.getAsInt()) : "off") + ", bind=" + bind
                    + ", url=" + url.map(URI::toString).orElse("(LAN address)") + ", links from "
                    + (secret.isPresent() ? Settings.WEB_SECRET : "the bot token") + "]";
        }
    }

    private static Web web(Map<String, String> env) {
        Optional<String> port = value(env, WEB_PORT);
        java.util.OptionalInt number;
        if (port.isPresent() && port.get().equalsIgnoreCase("off")) {
            number = java.util.OptionalInt.empty();
        } else {
            try {
                number = java.util.OptionalInt.of(port.map(Integer::parseInt).orElse(DEFAULT_WEB_PORT));
            } catch (NumberFormatException e) {
                number = java.util.OptionalInt.of(-1);
            }
            if (number.getAsInt() < 0 || number.getAsInt() > 65535) {
                throw new InvalidSettingException(WEB_PORT + " must be a port (0 to 65535) or 'off', not '"
                        + port.orElse("") + "'");
            }
        }
        return new Web(number, value(env, WEB_BIND).orElse("0.0.0.0"), url(env, WEB_URL, "http", "https"),
                value(env, WEB_SECRET));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String databaseUrl(String url) {
        if (!url.startsWith("jdbc:")) {
            throw new InvalidSettingException(DB_URL + " must be a JDBC URL such as " + DEFAULT_DB_URL + ", not '" + url + "'");
        }
        try {
            Dialect.ofUrl(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(DB_URL + ": " + e.getMessage() + ", not '" + describe(url) + "'");
        }
        return url;
    }

    /** The database URL without its settings (after {@code ;} in H2's, {@code ?} in PostgreSQL's), which may hold a password. */
    public static String describe(String jdbcUrl) {
        int settings = jdbcUrl.replace('?', ';').indexOf(';');
        return settings < 0 ? jdbcUrl : jdbcUrl.substring(0, settings);
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

    /** Never shows the token, the database password or the SMTP password, so that logging the settings cannot leak them. */
    @Override
    public String toString() {
        return "Settings[discordToken=" + (discordToken.isPresent() ? "(set)" : "(not set)")
                + ", shows=" + shows + ", databaseUrl=" + describe(databaseUrl)
                + ", databaseUser=" + databaseUser.orElse("(default)")
                + ", databasePassword=" + (databasePassword.isPresent() ? "(set)" : "(not set)")
                + ", discordApi=" + discordApi.map(URI::toString).orElse("(Discord)")
                + ", discordGateway=" + discordGateway.map(URI::toString).orElse("(Discord)") + ", web=" + web
                + ", mail=" + mail.map(MailSettings::toString).orElse("(off)") + "]";
    }
}
