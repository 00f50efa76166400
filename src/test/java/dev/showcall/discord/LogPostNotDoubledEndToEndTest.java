package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.SHOW_ID;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.HeldRequests;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.store.Database;
import dev.showcall.store.TimelineEventRepository;
import dev.showcall.timeline.LogBatcher;
import dev.showcall.timeline.TimelineEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * showcall in a JVM of its own posts its log while Discord takes longer than showcall waits (15 s) to store a message;
 * showcall is killed and started again before Discord has stored it.
 */
@DisplayName("A log message Discord stores late is in the log once, after a SIGKILL and a restart, end to end")
class LogPostNotDoubledEndToEndTest {

    /** showcall's own wait (15 s), a start of the JVM, and some room. */
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MESSAGES = "channels/" + TIMELINE + "/messages";

    /** Kept when a test fails: it holds each process's log. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private DiscordStub stub;
    private Path showFile;
    private String databaseUrl;
    private ShowcallProcess showcall;

    @BeforeEach
    void setUp() throws IOException {
        stub = DiscordStub.start(TimelineEndToEndTest.guild());
        showFile = dir.resolve("show.yaml");
        Files.writeString(showFile, KilledAfterAnswerEndToEndTest.showYaml());
        databaseUrl = "jdbc:h2:file:" + dir.resolve("data").resolve("showcall").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE";
    }

    @AfterEach
    void tearDown() {
        try {
            assertThat(stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            try {
                if (showcall != null) {
                    showcall.close();
                }
            } finally {
                stub.close();
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what).isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** The log: the channel's messages but the board (an embed without text). */
    private List<StubMessage> log() {
        return stub.messages(TIMELINE).stream().filter(m -> !m.content().isEmpty()).toList();
    }

    @Test
    @DisplayName("every event is in the log once")
    void everyEventOnce() {
        // given Discord holds showcall's log posts (the first: the show loaded), unstored, longer than showcall waits
        HeldRequests firstLogPost = stub.hold("POST", MESSAGES, body -> !body.path("content").asText("").isEmpty());
        showcall = ShowcallProcess.start(stub, dir, showFile, databaseUrl, "first");
        ShowcallProcess first = showcall;
        firstLogPost.awaitArrived(WAIT);

        // when showcall gives up on it (JDA retries once on its own first), it is killed as it looks for the
        // message in the channel
        stub.beforeNext("GET", MESSAGES, first::kill);
        await("showcall gave up on the post and was killed", () -> !first.alive());
        firstLogPost.stopHolding();

        // and started again, it does not find the message (Discord has not stored it) and posts it again
        showcall = ShowcallProcess.start(stub, dir, showFile, databaseUrl, "second");
        await("the log message posted again", () -> !log().isEmpty());

        // and then Discord stores the posts it held
        firstLogPost.release();
        firstLogPost.awaitHandled(WAIT);

        // then the log holds it once, and the events showcall has since are told once too
        stub.slash(SlashCommandInvocation.of(ArrivedCommand.NAME).option(ArrivedCommand.MODEL_OPTION, "Anya Petrova")
                .by(PR).in(TIMELINE)).awaitResponse(Duration.ofSeconds(10));
        await("the arrival in the log", () -> log().stream().anyMatch(m -> m.content().contains("Anya Petrova")));
        showcall.stop();
        List<TimelineEvent> events;
        try (Database database = Database.open(databaseUrl)) {
            events = database.inTransaction(c -> new TimelineEventRepository().forShow(c, SHOW_ID));
        }
        List<String> log = log().stream().map(StubMessage::content).toList();
        assertThat(events).as("the events showcall had to tell").hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(event -> assertThat(log.stream().filter(m -> m.contains(LogBatcher.line(event))))
                        .as("log messages that tell %s", event.text()).hasSize(1));
        assertThat(log).as("log messages").hasSize(2);
    }
}
