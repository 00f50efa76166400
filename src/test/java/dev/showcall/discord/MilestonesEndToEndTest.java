package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.discord.stub.StubMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Milestones, end to end: Quartz fires them and the timeline tells them")
class MilestonesEndToEndTest {

    private static final long TIMELINE = ShowcallOnStub.TIMELINE;
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** How the log shows the briefing: its whole name, though it ends like a second occurrence's key ("#1"). */
    private static final String BRIEFING = "**Briefing #1**";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private Instant base;
    private ShowcallOnStub bot;

    @BeforeEach
    void startShowcall() {
        base = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        bot = ShowcallOnStub.start(dir, clock, TimelineEndToEndTest.guild(), showYaml(),
                stub -> stub.limitChannelMessageWrites(5, Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        try {
            assertThat(bot.stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
            assertThat(bot.stub.tooManyRequestsSent()).as("429 answers").isZero();
        } finally {
            bot.close();
        }
    }

    /** The briefing 4 s after the base, the rehearsal a minute later; the show starts ten minutes later. */
    private String showYaml() {
        return """
                id: milestone-show
                name: Milestone Show
                time-zone: UTC
                start: %s
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                departments:
                  - id: pr
                    name: PR
                    call: 5m
                    members: ["%d"]
                models:
                  - name: Anya Petrova
                model-calls:
                  chairs: 1
                  prep: 5s
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                milestones:
                  - { name: "Briefing #1", at: T-9m56s }
                  - { name: Rehearsal, at: T-8m56s }
                """.formatted(LocalDateTime.ofInstant(base.plus(Duration.ofMinutes(10)), ZoneOffset.UTC),
                ShowcallOnStub.GUILD, TIMELINE, ShowcallOnStub.CALLS, ShowcallOnStub.PRODUCER_ROLE,
                ShowcallOnStub.PR_ROLE, ShowcallOnStub.PR);
    }

    private List<StubMessage> logSaying(String text) {
        return bot.stub.messages(TIMELINE).stream().filter(m -> m.embeds().isEmpty())
                .filter(m -> m.content().contains(text)).toList();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(25);
        }
    }

    private String boardText() {
        return bot.stub.messages(TIMELINE).stream().filter(m -> !m.embeds().isEmpty()).findFirst()
                .map(m -> m.embeds().get(0).path("description").asText()).orElse("");
    }

    @Test
    @DisplayName("posts a milestone in the log at its time, and the board moves on to the next one")
    void postedAtItsTime() throws InterruptedException {
        // given the briefing due 4 s from the base

        // when it comes
        await("the briefing in the log", () -> !logSaying(BRIEFING).isEmpty());

        // then it is in the log once, on time as the channel's pacing allows (the log and the board take turns at a
        // write a second, so an event waits up to two and a half seconds behind the start-up's board writes), and the
        // board shows the rehearsal next
        Instant due = base.plusSeconds(4);
        StubMessage posted = logSaying(BRIEFING).get(0);
        assertThat(Duration.between(due, posted.createdAt())).isBetween(Duration.ZERO, Duration.ofMillis(3000));
        // other events of the moment may share the log message: the briefing's own line is what is checked
        String briefingLine = posted.content().lines().filter(l -> l.contains(BRIEFING)).findFirst().orElseThrow();
        assertThat(briefingLine).contains("📍").doesNotContain("late");
        await("the board to name the rehearsal", () -> boardText().contains("Next: **Rehearsal**"));
        assertThat(logSaying(BRIEFING)).hasSize(1);
    }

    @Test
    @DisplayName("posts once, late and saying so, a milestone that fell due while showcall was down")
    void missedWhileDown() throws InterruptedException {
        // given showcall stopped before the briefing
        bot.stopShowcall();

        // when it comes back ten minutes later by its clock
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), base.plusSeconds(5)).toMillis()));
        clock.moveForward(Duration.ofMinutes(10));
        bot.startShowcall();

        // then the briefing is in the log once, saying it is late and why
        await("the late briefing", () -> !logSaying(BRIEFING).isEmpty());
        assertThat(logSaying(BRIEFING)).singleElement()
                .satisfies(m -> assertThat(m.content()).contains("late: showcall was offline"));
    }
}
