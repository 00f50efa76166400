package dev.showcall.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the SMTP server that sends the mails.
 *
 * @param security how the connection is protected
 * @param user     who to log in as, if the server wants a login
 * @param password never logged
 * @param from     the sender's address
 * @param timeout  how long connecting, and each read or write, may take before a send fails
 */
public record MailSettings(Security security, String host, int port, Optional<String> user, Optional<String> password,
                           String from, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Plain SMTP ({@code smtp://}), SMTP upgraded with STARTTLS ({@code smtp+starttls://}), or SMTP over TLS ({@code smtps://}). */
    public enum Security {
        PLAIN("smtp"), STARTTLS("smtp+starttls"), SMTPS("smtps");

        private final String scheme;

        Security(String scheme) {
            this.scheme = scheme;
        }

        public String scheme() {
            return scheme;
        }

        public static Optional<Security> ofScheme(String scheme) {
            for (Security s : values()) {
                if (s.scheme.equalsIgnoreCase(scheme)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
    }

    public MailSettings {
        Objects.requireNonNull(security);
        Objects.requireNonNull(host);
        Objects.requireNonNull(user);
        Objects.requireNonNull(password);
        Objects.requireNonNull(from);
        Objects.requireNonNull(timeout);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("An SMTP port is 1 to 65535, not " + port);
        }
    }

    /** With the default timeout of 10 seconds. */
    public MailSettings(Security security, String host, int port, Optional<String> user, Optional<String> password,
                        String from) {
        this(security, host, port, user, password, from, DEFAULT_TIMEOUT);
    }

    /** The same, with another timeout (short, in tests). */
    public MailSettings withTimeout(Duration timeout) {
        return new MailSettings(security, host, port, user, password, from, timeout);
    }

    /** {@code smtp+starttls://smtp.example.org:587}, without the user or the password. */
    public String url() {
        return security.scheme() + "://" + host + ":" + port;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "MailSettings[" + url() + ", user=" + user.orElse("(none)") + ", password="
                + (password.isPresent() ? "(set)" : "(not set)") + ", from=" + from + ", timeout=" + timeout + "]";
    }
}
