package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.CallPing;
import dev.showcall.backstage.PingOutcome;
import dev.showcall.discord.stub.RecordedRequest;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.store.CallPingRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Calls within Discord's limits, end to end: DM channels opened ahead, the calls channel paced and merged")
class PacingEndToEndTest {

    private static final long GUILD = ShowcallOnStub.GUILD;
    private static final long CALLS = ShowcallOnStub.CALLS;
    private static final long FIRST_USER = 1190000000000000400L;
    /** More people than Discord lets the bot open DM channels with in one window. */
    private static final int PEOPLE = 12;
    private static final int OPENS = 10;
    private static final Duration OPEN_WINDOW = Duration.ofSeconds(10);
    private static final String SHOW = "pacing-show";
    /** The calls fall 16 s after the base, when every channel has had time to open; give it twice that. */
    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private Instant base;
    private ShowcallOnStub bot;

    @BeforeEach
    void startShowcall() {
        base = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        StubGuild.Builder guild = StubGuild.builder(GUILD, "Backstage")
                .role(ShowcallOnStub.PRODUCER_ROLE, "Producers", 0)
                .role(ShowcallOnStub.PR_ROLE, "PR", 0)
                .textChannel(ShowcallOnStub.TIMELINE, "timeline")
                .textChannel(CALLS, "calls");
        IntStream.range(0, PEOPLE).forEach(i -> guild.member(user(i), "crew-" + i));
        bot = ShowcallOnStub.start(dir, clock, guild.build(), showYaml(), stub -> {
            stub.limitDmOpens(OPENS, OPEN_WINDOW);
            stub.limitGlobal(50, Duration.ofSeconds(1));
        });
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

    private static long user(int i) {
        return FIRST_USER + i;
    }

    /** Three departments of four, all called at +16 s: three announcements due at one instant. */
    private String showYaml() {
        StringBuilder departments = new StringBuilder();
        for (int d = 0; d < 3; d++) {
            departments.append(String.format("  - id: d%d%n    name: Dept %d%n    call: %s%n    members:%n", d, d,
                    local(at(16))));
            for (int m = 0; m < 4; m++) {
                departments.append(String.format("      - { user: \"%d\", name: Crew %d-%d }%n", user(d * 4 + m), d, m));
            }
        }
        return """
                id: %s
                name: Pacing Show
                time-zone: UTC
                start: %s
                discord:
                  guild: "%d"
                  timeline-channel: "%d"
                  calls-channel: "%d"
                  producer-role: "%d"
                  pr-role: "%d"
                departments:
                %smodels:
                  - { name: Bea Moss }
                model-calls:
                  chairs: 1
                  prep: 1m
                looks:
                  - { number: 1, model: Bea Moss, description: Dress }
                """.formatted(SHOW, local(base.plus(Duration.ofMinutes(30))), GUILD, ShowcallOnStub.TIMELINE, CALLS,
                ShowcallOnStub.PRODUCER_ROLE, ShowcallOnStub.PR_ROLE, departments);
    }

    private Instant at(int seconds) {
        return base.plusSeconds(seconds);
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(25);
        }
    }

    private List<RecordedRequest> opens() {
        return bot.stub.requestsTo("POST", "users/@me/channels");
    }

    private boolean everyoneCalled() {
        return IntStream.range(0, PEOPLE).allMatch(i -> !bot.stub.dms(user(i)).isEmpty());
    }

    @Test
    @DisplayName("opens everyone's DM channel before their call, never more than Discord allows in a window, and sends to it")
    void opensAhead() throws InterruptedException {
        await("every call", this::everyoneCalled);

        List<RecordedRequest> opens = opens();
        assertThat(opens).hasSize(PEOPLE).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(opens).as("opened ahead of the calls").allSatisfy(r -> assertThat(r.at()).isBefore(at(16)));
        for (RecordedRequest first : opens) {
            long inWindow = opens.stream().filter(r -> !r.at().isBefore(first.at())
                    && r.at().isBefore(first.at().plus(OPEN_WINDOW))).count();
            assertThat(inWindow).as("opens within 10 s of one").isLessThanOrEqualTo(OPENS);
        }
        assertThat(IntStream.range(0, PEOPLE).mapToObj(i -> bot.stub.dms(user(i)))).allSatisfy(dms -> assertThat(dms)
                .singleElement().satisfies(m -> assertThat(m.createdAt()).isBefore(at(19))));
    }

    @Test
    @DisplayName("announces departments called at one instant in one message, in the plan's order")
    void mergesAnnouncements() throws InterruptedException {
        await("the announcements", () -> bot.stub.messages(CALLS).stream().anyMatch(m -> m.content().contains("Dept 2")));

        List<StubMessage> inCalls = bot.stub.messages(CALLS).stream().filter(m -> m.content().contains("Dept")).toList();
        assertThat(inCalls).singleElement().satisfies(m -> {
            assertThat(m.content().indexOf("**Dept 0**")).isNotNegative()
                    .isLessThan(m.content().indexOf("**Dept 1**"));
            assertThat(m.content().indexOf("**Dept 1**")).isLessThan(m.content().indexOf("**Dept 2**"));
            assertThat(m.createdAt()).isBefore(at(19));
        });
    }

    @Test
    @DisplayName("keeps the DM channels: a restart opens none again and still calls everyone once")
    void restartOpensNoneAgain() throws InterruptedException {
        await("every channel open", () -> opens().size() == PEOPLE);
        bot.stopShowcall();

        bot.startShowcall();
        await("every call", this::everyoneCalled);

        assertThat(opens()).hasSize(PEOPLE);
        assertThat(IntStream.range(0, PEOPLE).mapToObj(i -> bot.stub.dms(user(i)))).allSatisfy(dms -> assertThat(dms)
                .hasSize(1));
    }

    @Test
    @DisplayName("sends once at restart a ping that was claimed but never sent when showcall stopped")
    void sendsAClaimLeftBehind() throws InterruptedException {
        bot.stopShowcall();
        String crew0 = "crew:d0:" + user(0);
        Instant due = at(16);
        bot.startShowcallWith(database -> database.runInTransaction(c -> new CallPingRepository()
                .claim(c, SHOW, crew0, CallPing.CALL, due, Instant.now())));
        await("the call left behind", () -> call(crew0).flatMap(CallPing::outcome).isPresent());

        assertThat(call(crew0).flatMap(CallPing::outcome)).contains(PingOutcome.DM);
        assertThat(bot.stub.dms(user(0))).singleElement()
                .satisfies(m -> assertThat(m.createdAt()).as("sent at start, not at its time").isBefore(due));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), at(18)).toMillis()));
        assertThat(bot.stub.dms(user(0))).as("not again at its time").hasSize(1);
    }

    @Test
    @DisplayName("retries a DM Discord refused with a 500 a few seconds later, while the others go out on time")
    void retriesWithoutHoldingUpTheOthers() throws InterruptedException {
        await("every channel open", () -> opens().size() == PEOPLE);
        long refused = bot.stub.dmChannelOf(user(0)).orElseThrow();
        bot.stub.failNext("POST", "channels/" + refused + "/messages", 500, 1);

        await("every call", this::everyoneCalled);
        // the stub stores the message before showcall hears back and records it
        await("the retried call recorded", () -> call("crew:d0:" + user(0)).flatMap(CallPing::outcome).isPresent());

        assertThat(bot.stub.dms(user(0))).singleElement()
                .satisfies(m -> assertThat(m.createdAt()).as("the retry, five seconds on").isAfter(at(20)));
        assertThat(call("crew:d0:" + user(0)).flatMap(CallPing::outcome)).contains(PingOutcome.DM);
        assertThat(IntStream.range(1, PEOPLE).mapToObj(i -> bot.stub.dms(user(i)))).allSatisfy(dms -> assertThat(dms)
                .singleElement().satisfies(m -> assertThat(m.createdAt()).isBefore(at(19))));
    }

    private Optional<CallPing> call(String callKey) {
        return bot.database().inTransaction(c -> new CallPingRepository().find(c, SHOW, callKey, CallPing.CALL));
    }
}
