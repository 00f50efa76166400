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
    private final LateListeners listeners;
    private final ChannelRateLimits channelLimits;

    private DiscordBot(JDA jda, LateListeners listeners, ChannelRateLimits channelLimits) {
        this.jda = jda;
        this.listeners = listeners;
        this.channelLimits = channelLimits;
    }

    /**
     * Logs in; the gateway connects in the background. Every request goes through one budget under
     * Discord's global limit. What happens before {@link #attach} is kept for the listeners.
     *
     * @throws net.dv8tion.jda.api.exceptions.InvalidTokenException when the token is refused
     */
    public static DiscordBot connect(String token, DiscordConnection.Endpoints endpoints) {
        return connect(token, endpoints, () -> true);
    }

    /**
     * {@link #connect(String, DiscordConnection.Endpoints)}, sending nothing that changes anything
     * on Discord once {@code active} says this instance is no longer the active one.
     */
    public static DiscordBot connect(String token, DiscordConnection.Endpoints endpoints,
                                     java.util.function.BooleanSupplier active) {
        LateListeners late = new LateListeners();
        ChannelRateLimits channelLimits = new ChannelRateLimits();
        // the gate last: a request that waited for the budget is checked as it leaves
        JDA jda = DiscordConnection.connect(token, endpoints, List.of(late),
                List.of(GlobalBudgetInterceptor.discord(), channelLimits, new ActiveGateInterceptor(active)));
        return new DiscordBot(jda, late, channelLimits);
    }

    /** Hands every event to these listeners from now on, the ones that came before first. */
    public void attach(List<net.dv8tion.jda.api.hooks.EventListener> attached) {
        listeners.attach(attached);
    }

    /** What Discord said about posting in each channel. */
    public ChannelRateLimits channelLimits() {
        return channelLimits;
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
