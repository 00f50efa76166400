package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CALLS;
import static dev.showcall.discord.ShowcallOnStub.GUILD;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER_ROLE;
import static dev.showcall.discord.ShowcallOnStub.PR_ROLE;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.HeldRequests;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.store.CallPingRepository;
import dev.showcall.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * showcall in a JVM of its own climbing a ladder for someone who never answers, killed with SIGKILL while Discord
 * takes the lead's DM and before showcall hears back, then started again on the same database file.
 */
@DisplayName("A ladder survives a SIGKILL in the middle of a step: every step once, end to end with a real process")
class KilledWhileEscalatingEndToEndTest {

    private static final long AISHA = 1190000000000000201L;
    private static final long LENA = 1190000000000000204L;
    private static final String SHOW = "ladder-kill-show";
    private static final String AISHA_KEY = "crew:hair:" + AISHA;
    private static final String MESSAGES = "channels/\\d+/messages";
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Time for a JVM to start showcall before the call, on a busy machine. */
    private static final Duration LEAD_TIME = Duration.ofSeconds(25);

    /** Kept when a test fails: it holds each process's log. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private DiscordStub stub;
    private Path showFile;
    private String databaseUrl;
    private ShowcallProcess showcall;
    private Instant call;

    @BeforeEach
    void setUp() throws IOException {
        stub = DiscordStub.start(StubGuild.builder(GUILD, "Backstage")
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .textChannel(TIMELINE, "timeline")
                .textChannel(CALLS, "calls")
                .member(AISHA, "aisha").member(LENA, "lena")
                .member(PRODUCER, "producer", PRODUCER_ROLE)
                .build());
        call = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(LEAD_TIME);
        showFile = dir.resolve("show.yaml");
        Files.writeString(showFile, showYaml());
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

    /** Hair, Aisha alone, called at {@link #call}; its lead is DMed 6 s after, the last step 23 s after. */
    private String showYaml() {
        return """
                id: %s
                name: Ladder Kill Show
                time-zone: UTC
                start: %s
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                departments:
                  - id: hair
                    name: Hair
                    call: %s
                    members:
                      - { user: "%d", name: Aisha }
                    lead: "%d"
                escalation:
                  not-confirmed:
                    - { after: 3s, do: dm-again }
                    - { after: 6s, do: dm-lead }
                    - { after: 20s, do: calls-channel }
                    - { after: 23s, do: producers }
                models:
                  - { name: Anya Petrova }
                model-calls:
                  chairs: 1
                  prep: 45m
                  escalation:
                    not-confirmed: []
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                """.formatted(SHOW, local(call.plus(Duration.ofHours(3))), GUILD, TIMELINE, CALLS, PRODUCER_ROLE,
                PR_ROLE, local(call), AISHA, LENA);
    }

    @Test
    @DisplayName("a crew member who never answers gets every step once, though showcall died as the lead was DMed")
    void everyStepOnceAcrossAKill() {
        // given showcall climbing Aisha's ladder, and Discord holding the lead's DM as it comes in
        HeldRequests leadDm = stub.hold("POST", MESSAGES, body -> body.toString().contains("reached:c:" + SHOW));
        showcall = ShowcallProcess.start(stub, dir, showFile, databaseUrl, "first");
        leadDm.awaitArrived(WAIT);

        // when showcall is killed with the DM in Discord's hands and no answer back yet, and starts again
        showcall.kill();
        leadDm.release();
        leadDm.stopHolding();
        showcall = ShowcallProcess.start(stub, dir, showFile, databaseUrl, "second");
        await("the producers' DM", () -> !about(stub.dms(PRODUCER)).isEmpty());
        sleep(Duration.ofMillis(1500));

        // then every step went out once: the lead's DM sent again under its nonce, which Discord did not post twice
        assertThat(stub.dms(AISHA)).hasSize(2);
        assertThat(about(stub.dms(LENA))).hasSize(1);
        assertThat(stub.requestsTo("POST", MESSAGES)).filteredOn(r -> r.body() != null && r.body().toString().contains("reached:c:"))
                .as("the lead's DM, before the kill and again after").hasSize(2);
        assertThat(stub.messages(CALLS)).filteredOn(m -> m.mentionedUserIds().contains(AISHA)
                && m.content().contains("has not confirmed")).hasSize(1);
        assertThat(about(stub.dms(PRODUCER))).hasSize(1);
        List<CallPing> steps = steps();
        assertThat(steps).hasSize(4).allSatisfy(p -> assertThat(p.sentAt()).isPresent());
        StubMessage channel = stub.messages(CALLS).stream().filter(m -> m.mentionedUserIds().contains(AISHA)).findFirst()
                .orElseThrow();
        assertThat(Duration.between(call.plusSeconds(20), channel.createdAt()).abs())
                .as("the step after the restart at its time").isLessThan(Duration.ofSeconds(3));
    }

    private List<CallPing> steps() {
        showcall.stop();
        try (Database database = Database.open(databaseUrl)) {
            return database.inTransaction(c -> new CallPingRepository().forShow(c, SHOW)).stream()
                    .filter(p -> p.callKey().equals(AISHA_KEY) && p.ping().startsWith("escalate:"))
                    .sorted(Comparator.comparing(CallPing::dueAt))
                    .toList();
        }
    }

    private static List<StubMessage> about(List<StubMessage> messages) {
        return messages.stream().filter(m -> m.content().contains("**Aisha**")).toList();
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            sleep(Duration.ofMillis(25));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
