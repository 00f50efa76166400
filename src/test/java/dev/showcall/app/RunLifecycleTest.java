package dev.showcall.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.StubGuild;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@DisplayName("showcall run, against a Discord-compatible server")
class RunLifecycleTest {

    private static final long GUILD = 1190000000000000001L;

    private final DiscordStub stub = DiscordStub.start(StubGuild.builder(GUILD, "Backstage")
            .textChannel(1190000000000000002L, "timeline")
            .textChannel(1190000000000000003L, "calls")
            .build());
    private final StringWriter err = new StringWriter();
    private final RunCommand command = new RunCommand();

    @AfterEach
    void stopStub() {
        stub.close();
    }

    private Map<String, String> environment(String token) {
        Map<String, String> env = new HashMap<>();
        env.put(Settings.DISCORD_TOKEN, token);
        env.put(Settings.SHOWS, "config/shows/maison-verre-aw27.yaml");
        // any free port: test JVMs run side by side
        env.put(Settings.WEB_PORT, "0");
        env.put(Settings.DB_URL, "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        env.put(Settings.DISCORD_API, stub.apiBaseUrl().toString());
        env.put(Settings.DISCORD_GATEWAY, stub.gatewayUrl().toString());
        return env;
    }

    private CompletableFuture<Integer> runInBackground(Map<String, String> environment) {
        command.environment = environment;
        return CompletableFuture.supplyAsync(() ->
                new CommandLine(command).setErr(new PrintWriter(err, true)).execute());
    }

    @Test
    @DisplayName("connects, registers its commands, and stops cleanly when told to")
    void startsAndStops() throws Exception {
        CompletableFuture<Integer> run = runInBackground(environment(stub.botToken()));
        Instant deadline = Instant.now().plusSeconds(15);
        while (stub.commands(GUILD).isEmpty() && !run.isDone()) {
            assertThat(Instant.now()).as("commands registered").isBefore(deadline);
            Thread.sleep(20);
        }

        command.stop.countDown();

        assertThat(run.get(15, TimeUnit.SECONDS)).as(err.toString()).isZero();
        assertThat(stub.commands(GUILD)).isNotEmpty();
    }

    @Test
    @DisplayName("exits 2 with a clear message when the token is refused, and never prints it")
    void refusedToken() throws Exception {
        String wrong = "MTE5MDAw.wrong.token-" + UUID.randomUUID();

        int code = runInBackground(environment(wrong)).get(20, TimeUnit.SECONDS);

        assertThat(code).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains("Discord refused the token").doesNotContain(wrong);
    }
}
