package dev.showcall.discord.stub;

import java.time.Duration;
import java.util.EnumSet;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;
import net.dv8tion.jda.api.utils.MemberCachePolicy;

/**
 * The real JDA client, configured as showcall configures it, pointed at a {@link DiscordStub}; ready once built.
 * JDA 6 has no {@code GatewayIntent.GUILDS}: it always sends the GUILDS bit, so no further intent is needed.
 */
final class JdaUnderTest implements AutoCloseable {

    private final JDA jda;

    private JdaUnderTest(JDA jda) {
        this.jda = jda;
    }

    static JdaUnderTest connect(DiscordStub stub, Compression compression, Object... listeners) {
        return ready(builder(stub, EnumSet.noneOf(GatewayIntent.class)).setCompression(compression)
                .addEventListeners(listeners).build());
    }

    /**
     * JDA that knows every member: the Server Members intent, every member cached, every guild chunked at start-up,
     * and nothing else; not yet built.
     */
    static JDABuilder builderWithMembers(DiscordStub stub) {
        return builder(stub, EnumSet.of(GatewayIntent.GUILD_MEMBERS))
                .setMemberCachePolicy(MemberCachePolicy.ALL)
                .setChunkingFilter(ChunkingFilter.ALL);
    }

    static JdaUnderTest connectWithMembers(DiscordStub stub, Object... listeners) {
        return ready(builderWithMembers(stub).addEventListeners(listeners).build());
    }

    private static JDABuilder builder(DiscordStub stub, EnumSet<GatewayIntent> intents) {
        return JDABuilder.createLight(stub.botToken(), intents)
                .setRestConfig(new RestConfig().setBaseUrl(stub.apiBaseUrl().toString()))
                .setSessionController(new ConcurrentSessionController() {
                    @Override
                    public String getGateway() {
                        return stub.gatewayUrl().toString();
                    }
                });
    }

    private static JdaUnderTest ready(JDA jda) {
        try {
            jda.awaitReady();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new JdaUnderTest(jda);
    }

    static JdaUnderTest connect(DiscordStub stub, Object... listeners) {
        return connect(stub, Compression.ZLIB, listeners);
    }

    JDA jda() {
        return jda;
    }

    /**
     * Lets JDA finish the requests it already queued (a test may end while JDA still reads the answer to a reply it
     * queued), then makes sure it is down.
     */
    @Override
    public void close() {
        try {
            jda.shutdown();
            if (!jda.awaitShutdown(Duration.ofSeconds(5))) {
                jda.shutdownNow();
                jda.awaitShutdown(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            jda.shutdownNow();
        }
    }
}
