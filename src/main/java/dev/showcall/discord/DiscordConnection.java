package dev.showcall.discord;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Builds the JDA client: the fewest intents the features need, and, when configured, a
 * Discord-compatible server instead of Discord (a self-hosted one, or the test stub).
 */
public final class DiscordConnection {

    /**
     * None beyond the GUILDS intent that JDA always asks for: it gives channels, roles and their
     * permission overwrites, which the start-up checks and the role gates read. Slash commands
     * and buttons arrive without any intent, and sending a DM needs none.
     */
    static final EnumSet<GatewayIntent> INTENTS = EnumSet.noneOf(GatewayIntent.class);
    /**
     * With the Server Members intent (privileged: switched on in the developer portal), the member list: who has
     * a username the show files give, and who holds a department's role.
     */
    static final EnumSet<GatewayIntent> WITH_MEMBERS = EnumSet.of(GatewayIntent.GUILD_MEMBERS);

    private DiscordConnection() {
    }

    /** Where to connect, when not to Discord itself. */
    public record Endpoints(Optional<URI> restBaseUrl, Optional<URI> gateway) {
        public static Endpoints discord() {
            return new Endpoints(Optional.empty(), Optional.empty());
        }
    }

    /**
     * Logs in and starts connecting; returns before the gateway is ready.
     *
     * @param interceptors see every REST request JDA makes, in this order: the global budget, the channels' limits
     * @throws InvalidTokenException when Discord (or the server) refuses the token
     */
    public static JDA connect(String token, Endpoints endpoints, List<Object> listeners, List<Interceptor> interceptors) {
        return connect(token, endpoints, listeners, interceptors, false);
    }

    /**
     * {@link #connect(String, Endpoints, List, List)}, with the Server Members intent when {@code members}: JDA
     * keeps every member it is given, and every change to them.
     */
    public static JDA connect(String token, Endpoints endpoints, List<Object> listeners, List<Interceptor> interceptors,
                              boolean members) {
        // Text typed by users reaches messages; no message may ping anyone unless it says so itself.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        JDABuilder builder = JDABuilder.createLight(token, members ? WITH_MEMBERS : INTENTS)
                .setEnableShutdownHook(false)
                .addEventListeners(listeners.toArray())
                .setHttpClientBuilder(httpClient(interceptors));
        if (members) {
            // the lists are asked for once the servers are ready (DiscordBot.awaitReady), so that chunking holds
            // nothing back; from then on JDA keeps them as members join, leave and change roles
            builder.setMemberCachePolicy(MemberCachePolicy.ALL).setChunkingFilter(ChunkingFilter.NONE);
        }
        endpoints.restBaseUrl().ifPresent(url -> builder.setRestConfig(new RestConfig().setBaseUrl(withSlash(url))));
        endpoints.gateway().ifPresent(url -> builder.setSessionController(new FixedGatewaySessionController(url)));
        return builder.build();
    }

    /**
     * JDA's own settings (it keeps a few connections to Discord), with our interceptors. JDA waits for
     * each answer on its request threads, one bucket at a time, so requests to different channels
     * (DMs to different people) go out side by side, each on its own connection when needed.
     */
    private static OkHttpClient.Builder httpClient(List<Interceptor> interceptors) {
        OkHttpClient.Builder http = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(20, 10, java.util.concurrent.TimeUnit.SECONDS));
        interceptors.forEach(http::addInterceptor);
        return http;
    }

    private static String withSlash(URI url) {
        String s = url.toString();
        return s.endsWith("/") ? s : s + "/";
    }

    /** Hands JDA the configured gateway instead of asking Discord for one. */
    private static final class FixedGatewaySessionController extends ConcurrentSessionController {
        private final String gateway;

        FixedGatewaySessionController(URI gateway) {
            this.gateway = gateway.toString();
        }

        @Override
        public String getGateway() {
            return gateway;
        }
    }
}
