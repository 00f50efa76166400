package dev.showcall.discord;

import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.JDA;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** showcall on Discord: the JDA client from login to a clean shutdown. */
public final class DiscordBot implements AutoCloseable {

    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

    private final JDA jda;

    private DiscordBot(JDA jda) {
        this.jda = jda;
    }

    /**
     * Logs in; the gateway connects in the background.
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when the token is refused
     */
    public static DiscordBot connect(String token, DiscordConnection.Endpoints endpoints, List<Object> listeners,
                                     List<okhttp3.Interceptor> interceptors) {
        return new DiscordBot(DiscordConnection.connect(token, endpoints, listeners, interceptors));
    }

    public JDA jda() {
        return jda;
    }

    public void awaitReady() throws InterruptedException {
        jda.awaitReady();
    }

    /** Lets requests already queued finish, then disconnects. */
    @Override
    public void close() {
        jda.shutdown();
        try {
            if (!jda.awaitShutdown(SHUTDOWN_GRACE)) {
                log.warn("Discord requests still pending after {}s; stopping them", SHUTDOWN_GRACE.toSeconds());
                jda.shutdownNow();
                jda.awaitShutdown(SHUTDOWN_GRACE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }
}
