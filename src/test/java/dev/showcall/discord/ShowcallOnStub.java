package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.app.Settings;
import dev.showcall.app.Showcall;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * showcall, wired as {@code run} wires it, talking to a {@link DiscordStub} on loopback: the
 * real JDA client, the real database (in memory), the real show file reader.
 */
final class ShowcallOnStub implements AutoCloseable {

    static final long GUILD = 1190000000000000001L;
    static final long TIMELINE = 1190000000000000002L;
    static final long CALLS = 1190000000000000003L;
    static final long PRODUCER_ROLE = 1190000000000000004L;
    static final long PR_ROLE = 1190000000000000005L;
    static final long LOBBY = 1190000000000000009L;
    static final long PRODUCER = 1190000000000000121L;
    static final long PR = 1190000000000000111L;
    static final long OTHER_PR = 1190000000000000112L;
    static final long CREW = 1190000000000000131L;

    static final String SHOW_ID = "stub-show";
    /** Thirty models share this prefix, more than one autocomplete answer may hold. */
    static final String MANY_PREFIX = "Model ";
    static final String EVERYONE_MODEL = "@everyone Party";

    private static final long VIEW_CHANNEL = 1L << 10;

    final DiscordStub stub;
    private final Settings settings;
    private final Clock clock;
    private Showcall showcall;

    private ShowcallOnStub(DiscordStub stub, Settings settings, Clock clock) {
        this.stub = stub;
        this.settings = settings;
        this.clock = clock;
    }

    /** The crew's server: a private timeline, a calls channel, a public lobby, PR and producers. */
    static StubGuild guild() {
        return StubGuild.builder(GUILD, "Maison Verre backstage")
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .textChannel(TIMELINE, "timeline", StubGuild.Overwrite.role(GUILD, 0, VIEW_CHANNEL),
                        StubGuild.Overwrite.role(PRODUCER_ROLE, VIEW_CHANNEL, 0),
                        StubGuild.Overwrite.role(PR_ROLE, VIEW_CHANNEL, 0))
                .textChannel(CALLS, "calls")
                .textChannel(LOBBY, "lobby")
                .member(PRODUCER, "producer", PRODUCER_ROLE)
                .member(PR, "pr-lead", PR_ROLE)
                .member(OTHER_PR, "pr-second", PR_ROLE)
                .member(CREW, "dresser")
                .build();
    }

    /** The show file: start at 19:00 London, models called by the waves of 6 chairs. */
    static String showYaml() {
        String many = IntStream.rangeClosed(1, 30)
                .mapToObj(i -> String.format("  - name: %s%02d%n", MANY_PREFIX, i))
                .collect(Collectors.joining());
        return """
                id: %s
                name: Stub Show
                time-zone: Europe/London
                start: 2027-02-21T19:00
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                departments:
                  - id: pr
                    name: PR
                    call: 5h
                    members: ["%d", "%d"]
                models:
                  - name: Anya Petrova
                  - name: Anja Berg
                  - name: "%s"
                %s
                model-calls:
                  chairs: 6
                  prep: 45m
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                """.formatted(SHOW_ID, GUILD, TIMELINE, CALLS, PRODUCER_ROLE, PR_ROLE, PR, OTHER_PR, EVERYONE_MODEL,
                many);
    }

    static ShowcallOnStub start(Path dir, Instant now) {
        return start(dir, now, guild());
    }

    static ShowcallOnStub start(Path dir, Instant now, StubGuild guild) {
        return start(dir, Clock.fixed(now, ZoneOffset.UTC), guild, showYaml());
    }

    /** showcall on a stub serving {@code guild}, with {@code yaml} as its only show file. */
    static ShowcallOnStub start(Path dir, Clock clock, StubGuild guild, String yaml) {
        return start(dir, clock, guild, yaml, stub -> {
        });
    }

    /** The same, with the stub set up by {@code setUp} (rate limits, say) before showcall connects. */
    static ShowcallOnStub start(Path dir, Clock clock, StubGuild guild, String yaml,
                                java.util.function.Consumer<DiscordStub> setUp) {
        // a file, as in production: it outlives a stop and a start of showcall
        return start(dir, clock, guild, yaml, setUp, Map.of(
                Settings.DB_URL, "jdbc:h2:file:" + dir.resolve("showcall").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE"));
    }

    /** showcall at {@code now} on a stub serving {@code guild}, keeping its state where {@code database} says (SHOWCALL_DB_URL and its user). */
    static ShowcallOnStub start(Path dir, Instant now, StubGuild guild, Map<String, String> database) {
        return start(dir, Clock.fixed(now, ZoneOffset.UTC), guild, showYaml(), stub -> {
        }, database);
    }

    private static ShowcallOnStub start(Path dir, Clock clock, StubGuild guild, String yaml,
                                        java.util.function.Consumer<DiscordStub> setUp, Map<String, String> database) {
        return start(dir, clock, DiscordStub.start(guild), yaml, setUp, database);
    }

    /** showcall on {@code stub} (built as the test needs it), with {@code yaml} as its only show file. */
    static ShowcallOnStub start(Path dir, Clock clock, DiscordStub stub, String yaml) {
        return start(dir, clock, stub, yaml, s -> {
        }, Map.of(Settings.DB_URL, "jdbc:h2:file:" + dir.resolve("showcall").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE"));
    }

    private static ShowcallOnStub start(Path dir, Clock clock, DiscordStub stub, String yaml,
                                        java.util.function.Consumer<DiscordStub> setUp, Map<String, String> database) {
        try {
            setUp.accept(stub);
            Path showFile = dir.resolve("show.yaml");
            Files.writeString(showFile, yaml);
            Map<String, String> env = new java.util.HashMap<>(database);
            // the web pages only for the tests that ask for them, on a port of their own
            env.putIfAbsent(Settings.WEB_PORT, "off");
            env.putAll(Map.of(
                    Settings.DISCORD_TOKEN, stub.botToken(),
                    Settings.SHOWS, showFile.toString(),
                    Settings.DISCORD_API, stub.apiBaseUrl().toString(),
                    Settings.DISCORD_GATEWAY, stub.gatewayUrl().toString()));
            Settings settings = Settings.from(env);
            ShowcallOnStub running = new ShowcallOnStub(stub, settings, clock);
            running.startShowcall();
            return running;
        } catch (IOException e) {
            stub.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stub.close();
            throw e;
        }
    }

    /** Starts showcall as {@code run} does, and waits until its commands are registered. */
    void startShowcall() {
        startShowcallWith(database -> {
        });
    }

    /** The same, with {@code beforeCalls} done to the database once the shows are loaded, before anything is sent. */
    void startShowcallWith(java.util.function.Consumer<Database> beforeCalls) {
        int registrations = registrations();
        try {
            showcall = Showcall.start(settings, clock);
            showcall.startWeb();
            // the only instance on its database: the lease is its at once
            showcall.becomeActive(new java.util.concurrent.CountDownLatch(1), () -> {
                throw new IllegalStateException("the only instance lost its lease");
            }).orElseThrow();
            showcall.loadShows();
            beforeCalls.accept(showcall.database());
            showcall.connect(settings.discordToken().orElseThrow()).awaitReady();
            showcall.startCalls();
            awaitCommandsRegistered(registrations);
        } catch (Exception e) {
            throw new IllegalStateException("showcall did not start against the stub", e);
        }
    }

    /** Stops showcall the way SIGTERM does; the stub and the database stay. */
    void stopShowcall() {
        showcall.close();
        showcall = null;
    }

    private int registrations() {
        return stub.requestsTo("PUT", ".*/guilds/\\d+/commands").size();
    }

    private void awaitCommandsRegistered(int before) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (registrations() <= before) {
            assertThat(Instant.now()).as("commands registered in time").isBefore(deadline);
            Thread.sleep(20);
        }
    }

    Showcall showcall() {
        return showcall;
    }

    /**
     * Waits until a message in the timeline channel contains {@code text}, then a second more, so that a second
     * message with it would be there too.
     */
    void awaitInTimeline(String text, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (stub.messages(TIMELINE).stream().noneMatch(m -> m.content().contains(text))) {
            assertThat(Instant.now()).as("\"" + text + "\" in the timeline channel").isBefore(deadline);
            Thread.sleep(100);
        }
        Thread.sleep(1000);
    }

    /** showcall with its web pages on a free port, its state where {@code database} says. */
    static ShowcallOnStub withWeb(Path dir, Clock clock, DiscordStub stub, String yaml) {
        return start(dir, clock, stub, yaml, s -> {
        }, Map.of(Settings.DB_URL, "jdbc:h2:file:" + dir.resolve("showcall").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                Settings.WEB_PORT, "0"));
    }

    /** showcall with these settings (an SMTP server, the web pages' port) beside its database file. */
    static ShowcallOnStub withSettings(Path dir, Clock clock, DiscordStub stub, String yaml,
                                       Map<String, String> settings) {
        Map<String, String> env = new java.util.HashMap<>(settings);
        env.put(Settings.DB_URL, "jdbc:h2:file:" + dir.resolve("showcall").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
        return start(dir, clock, stub, yaml, s -> {
        }, env);
    }

    /** showcall with its web pages on {@code port}: the same address after a stop and a start. */
    static ShowcallOnStub withWebOn(Path dir, Clock clock, DiscordStub stub, String yaml, int port) {
        return start(dir, clock, stub, yaml, s -> {
        }, Map.of(Settings.DB_URL, "jdbc:h2:file:" + dir.resolve("showcall").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE",
                Settings.WEB_PORT, Integer.toString(port)));
    }

    Database database() {
        return showcall.database();
    }

    @Override
    public void close() {
        try {
            if (showcall != null) {
                showcall.close();
            }
        } finally {
            stub.close();
        }
    }
}
