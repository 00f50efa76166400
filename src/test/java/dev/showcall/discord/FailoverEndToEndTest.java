package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.CALLS;
import static dev.showcall.discord.ShowcallOnStub.GUILD;
import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER_ROLE;
import static dev.showcall.discord.ShowcallOnStub.PR_ROLE;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.discord.commands.StatusCommand;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.InteractionResponse;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.discord.stub.StubGuild;
import dev.showcall.discord.stub.StubMessage;
import dev.showcall.store.Dialect;
import dev.showcall.store.FreshDatabase;
import dev.showcall.store.LeaseRepository;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.Permission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two showcall instances, each in a JVM of its own, on one PostgreSQL and one Discord (the stub): one is active, the
 * other stands by. The active one is killed with SIGKILL while calls are falling due.
 */
@DisplayName("A standby takes over when the active showcall is killed, end to end with two real processes")
class FailoverEndToEndTest {

    /** What the issue promises: interactions answered again within 15 s of the active instance dying. */
    private static final Duration TAKEOVER = Duration.ofSeconds(15);
    /** Two JVMs, Flyway, Quartz and JDA starting together on a busy 2-core machine. */
    private static final Duration START = Duration.ofSeconds(60);
    private static final int DEPARTMENTS = 12;
    private static final Duration SPACING = Duration.ofMillis(1500);
    /** From the test's start to the first call: both instances are up by then. */
    private static final Duration LEAD = Duration.ofSeconds(25);
    private static final long BOT_ROLE = 1190000000000000010L;
    private static final long FIRST_CREW = 1190000000000000301L;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @RegisterExtension
    final FreshDatabase postgres = new FreshDatabase(Dialect.POSTGRESQL);

    private DiscordStub stub;
    private ShowcallProcess first;
    private ShowcallProcess second;

    @BeforeEach
    void setUp() {
        stub = DiscordStub.start(guild());
    }

    @AfterEach
    void tearDown() {
        try {
            assertThat(stub.violations()).as("requests that break Discord's limits or schemas").isEmpty();
        } finally {
            try {
                closeQuietly(first);
                closeQuietly(second);
            } finally {
                stub.close();
            }
        }
    }

    @Test
    @DisplayName("every call goes out once, interactions are answered again within 15 s, and the log goes on without a duplicate")
    void sigkillTheActiveInstance() throws Exception {
        // given two instances on one PostgreSQL, and a show whose departments are called 1.5 s apart from 25 s on
        Instant firstCall = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
        Path showFile = dir.resolve("show.yaml");
        Files.writeString(showFile, showYaml(firstCall));
        first = ShowcallProcess.launch(stub, dir, showFile, postgres.url(), postgres.user(), "first");
        second = ShowcallProcess.launch(stub, dir, showFile, postgres.url(), postgres.user(), "second");
        await("one instance active and the other standing by", START,
                () -> holder().isPresent() && standby().isPresent()
                        && standby().get().logText().contains("Standing by"));
        ShowcallProcess active = holder().orElseThrow();
        ShowcallProcess standby = standby().orElseThrow();
        await("the active instance's board", START, () -> !boards().isEmpty());
        // and a screen open on the standby, which says it stands by, while a load balancer is told it is not ready
        URI activeWeb = web(active);
        URI standbyWeb = web(standby);
        assertThat(status(activeWeb.resolve("/health/ready"))).isEqualTo(200);
        assertThat(status(standbyWeb.resolve("/health/ready"))).isEqualTo(503);
        assertThat(status(standbyWeb.resolve("/health/live"))).isEqualTo(200);
        EventStream onStandby = EventStream.open(http, standbyWeb.resolve(screenPath()));
        assertThat(onStandby.next("standby", Duration.ofSeconds(10))).as("the standby's screen says it stands by")
                .isNotNull();
        assertThat(stub.dms(crew(DEPARTMENTS - 1))).as("DMs before the first call").isEmpty();

        // when the active instance is killed with SIGKILL once the first two departments are called
        await("the first two calls", START, () -> !stub.dms(crew(0)).isEmpty() && !stub.dms(crew(1)).isEmpty());
        active.kill();
        Instant killed = Instant.now();

        // then the standby answers interactions within 15 s of the kill, and tells producers it is the one answering
        InteractionResponse status = firstAnswer(killed);
        Duration unanswered = Duration.between(killed, Instant.now());
        assertThat(unanswered).as("from the kill to an answered /status").isLessThanOrEqualTo(TAKEOVER);
        assertThat(status.message().content()).contains("Answering: showcall on").contains("active since")
                .contains("-" + standby.pid());
        assertThat(holder()).as("the lease's holder").contains(standby);

        // and the screen open on the standby follows the takeover: it shows the show, and the standby is ready
        EventStream.Event state = onStandby.next("state", TAKEOVER);
        assertThat(state).as("the show on the screen once the standby took over").isNotNull();
        assertThat(state.json().path("show").asText()).isEqualTo("Failover Show");
        // ready once it has brought the calls up to date, which goes on after it answers
        await("the new active instance ready", TAKEOVER, () -> readyAt(standbyWeb));

        // and every department's member gets her call once, and every department is announced once
        await("every call and announcement", Duration.ofSeconds(60), () -> IntStream.range(0, DEPARTMENTS)
                .allMatch(d -> !stub.dms(crew(d)).isEmpty() && occurrences(CALLS, department(d) + "**: your call is now") > 0));
        for (int d = 0; d < DEPARTMENTS; d++) {
            assertThat(stub.dms(crew(d))).as("DMs to the member of " + department(d)).hasSize(1);
            assertThat(occurrences(CALLS, department(d) + "**: your call is now")).as("announcements of " + department(d)).isEqualTo(1);
        }

        // and the log tells each call once, and the takeover once, naming the new host
        await("every call and the takeover in the log", Duration.ofSeconds(30), () -> IntStream.range(0, DEPARTMENTS)
                .allMatch(d -> occurrences(TIMELINE, department(d) + " called") > 0)
                && occurrences(TIMELINE, "showcall moved to") > 0);
        for (int d = 0; d < DEPARTMENTS; d++) {
            assertThat(occurrences(TIMELINE, department(d) + " called")).as("log lines for " + department(d))
                    .isEqualTo(1);
        }
        assertThat(occurrences(TIMELINE, "showcall moved to")).isEqualTo(1);
        assertThat(timelineText()).containsPattern("showcall moved to \\S+ after \\d+ s; \\d+ calls? sent late");
        assertThat(boards()).as("board messages").hasSize(1);
    }

    private final HttpClient http = HttpClient.newHttpClient();

    /** Where an instance serves its web pages: it logs the port it was given. */
    private static URI web(ShowcallProcess instance) {
        Matcher port = Pattern.compile("Web pages on \\S+:(\\d+)").matcher(instance.logText());
        assertThat(port.find()).as("the web pages' port in the log of " + instance).isTrue();
        return URI.create("http://127.0.0.1:" + port.group(1));
    }

    private int status(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private boolean readyAt(URI web) {
        try {
            return status(web.resolve("/health/ready")) == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** The screen's path, as /screen gives it to a producer (the active instance answers). */
    private String screenPath() {
        return ScreenAnswers.link(ScreenAnswers.screen(stub, PRODUCER, false), "screen", 0).getPath();
    }

    /** Asks /status until an instance answers; a dead one's interactions go unanswered. */
    private InteractionResponse firstAnswer(Instant killed) {
        Instant deadline = killed.plus(TAKEOVER).plusSeconds(5);
        AssertionError last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                return stub.slash(SlashCommandInvocation.of(StatusCommand.NAME).by(PRODUCER).in(TIMELINE))
                        .awaitResponse(Duration.ofSeconds(1));
            } catch (AssertionError e) {
                last = e;
            } catch (RuntimeException e) {
                // no bot connected to the gateway at this moment
                last = new AssertionError(e);
                sleep(Duration.ofMillis(200));
            }
        }
        throw new AssertionError("no instance answered /status within " + Duration.between(killed, deadline).toSeconds()
                + " s of the kill:\n" + second.logText(), last);
    }

    /** The instance whose id is in the lease row. */
    private Optional<ShowcallProcess> holder() {
        Optional<String> holder = postgres.inTransaction(c -> new LeaseRepository().find(c))
                .flatMap(LeaseRepository.Row::holder);
        return holder.flatMap(h -> h.endsWith("-" + first.pid()) ? Optional.of(first)
                : h.endsWith("-" + second.pid()) ? Optional.of(second) : Optional.empty());
    }

    private Optional<ShowcallProcess> standby() {
        return holder().map(h -> h == first ? second : first);
    }

    private List<StubMessage> boards() {
        return stub.messages(TIMELINE).stream().filter(m -> !m.embeds().isEmpty()).toList();
    }

    private String timelineText() {
        return stub.messages(TIMELINE).stream().map(StubMessage::content).collect(Collectors.joining("\n"));
    }

    private long occurrences(long channel, String text) {
        return stub.messages(channel).stream().mapToLong(m -> count(m.content(), text)).sum();
    }

    private static long count(String haystack, String needle) {
        long n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static long crew(int department) {
        return FIRST_CREW + department;
    }

    private static String department(int d) {
        return String.format("Dept %02d", d + 1);
    }

    private static StubGuild guild() {
        long view = Permission.VIEW_CHANNEL.getRawValue();
        long bot = view | Permission.MESSAGE_SEND.getRawValue() | Permission.MESSAGE_EMBED_LINKS.getRawValue()
                | Permission.MESSAGE_HISTORY.getRawValue() | Permission.PIN_MESSAGES.getRawValue();
        StubGuild.Builder guild = StubGuild.builder(GUILD, "Maison Verre backstage")
                .botRole(BOT_ROLE, "showcall", 0)
                .role(PRODUCER_ROLE, "Producers", 0)
                .role(PR_ROLE, "PR", 0)
                .textChannel(TIMELINE, "timeline", StubGuild.Overwrite.role(GUILD, 0, view),
                        StubGuild.Overwrite.role(PRODUCER_ROLE, view, 0),
                        StubGuild.Overwrite.role(PR_ROLE, view, 0),
                        StubGuild.Overwrite.role(BOT_ROLE, bot, 0))
                .textChannel(CALLS, "calls")
                .member(PRODUCER, "producer", PRODUCER_ROLE)
                .member(PR, "pr-lead", PR_ROLE);
        for (int d = 0; d < DEPARTMENTS; d++) {
            guild.member(crew(d), String.format("crew-%02d", d + 1));
        }
        return guild.build();
    }

    /** One member to a department, the departments called {@link #SPACING} apart; the show starts 10 min later. */
    private static String showYaml(Instant firstCall) {
        Instant start = firstCall.plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MINUTES);
        StringBuilder departments = new StringBuilder();
        for (int d = 0; d < DEPARTMENTS; d++) {
            departments.append(String.format("  - id: d%02d%n    name: %s%n    call: %s%n    members:%n"
                            + "      - { user: \"%d\", name: Crew %02d }%n", d + 1, department(d),
                    local(firstCall.plus(SPACING.multipliedBy(d))), crew(d), d + 1));
        }
        // the one model has no Discord account: no ping of hers while the test runs
        return """
                id: failover-show
                name: Failover Show
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
                  - { name: Anya Petrova, call: %s }
                model-calls:
                  chairs: 1
                  prep: 1m
                looks:
                  - { number: 1, model: Anya Petrova, description: Coat }
                """.formatted(local(start), GUILD, TIMELINE, CALLS, PRODUCER_ROLE, PR_ROLE, departments,
                local(start.minus(Duration.ofMinutes(5))));
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what + "\n--- first ---\n"
                        + first.logText() + "\n--- second ---\n" + second.logText());
            }
            sleep(Duration.ofMillis(100));
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

    private static void closeQuietly(ShowcallProcess process) {
        if (process != null) {
            process.close();
        }
    }
}
