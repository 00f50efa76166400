package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.CREW;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.commands.ScreenCommand;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.SlashCommandInvocation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@DisplayName("The backstage screen, the lineup and the door, end to end over HTTP with the real JDA client against the stub")
class ScreenEndToEndTest {

    private static final Instant NOW = Instant.parse("2027-02-21T13:57:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Pattern LINK = ScreenAnswers.LINK;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private ShowcallOnStub bot;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void start() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logged);
        // a server whose timeline the bot may post in, so that the log on Discord can catch up
        bot = ShowcallOnStub.withWeb(dir, Clock.fixed(NOW, ZoneOffset.UTC), DiscordStub.start(TimelineEndToEndTest.guild()),
                ShowcallOnStub.showYaml());
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
        bot.close();
    }

    private int port() {
        return bot.showcall().web().orElseThrow().port();
    }

    private String screen(long by, boolean rotate) {
        return ScreenAnswers.screen(bot.stub, by, rotate);
    }

    private URI link(String answer, String kind) {
        return ScreenAnswers.link(answer, kind, port());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> mark(URI door, String model, String action, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(door + "/mark"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("model", model)
                        .put("action", action).toString()));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("/screen gives producers the screen, the lineup and their door, PR only their door, and nobody else any")
    void links() {
        String producer = screen(PRODUCER, false);
        String pr = screen(PR, false);
        String crew = screen(CREW, false);

        assertThat(LINK.matcher(producer).results().map(r -> r.group(2))).containsExactly("screen", "lineup", "door");
        assertThat(LINK.matcher(pr).results().map(r -> r.group(2))).containsExactly("door");
        assertThat(LINK.matcher(crew).results()).isEmpty();
        assertThat(link(screen(PRODUCER, false), "screen")).as("the same link when asked again")
                .isEqualTo(link(producer, "screen"));
        assertThat(link(pr, "door")).isNotEqualTo(link(producer, "door"));
    }

    @Test
    @DisplayName("a page opens with its token, says nothing to a wrong one, and no token reaches the log")
    void tokens() throws Exception {
        URI screen = link(screen(PRODUCER, false), "screen");

        HttpResponse<String> page = get(screen);
        HttpResponse<String> wrong = get(URI.create("http://127.0.0.1:" + port() + "/screen/" + "A".repeat(43)));
        HttpResponse<String> asLineup = get(URI.create(screen.toString().replace("/screen/", "/lineup/")));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/assets/screen.js");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(wrong.body()).isEqualTo("Not found");
        assertThat(asLineup.statusCode()).as("a screen token opens no other page").isEqualTo(404);
        HttpResponse<String> wrongStream = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port()
                        + "/screen/" + "A".repeat(43) + "/events")).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(wrongStream.statusCode()).as("a 404, not a stream that ends: the browser stops asking")
                .isEqualTo(404);
        String token = screen.getPath().substring(screen.getPath().lastIndexOf('/') + 1);
        assertThat(logged.list).noneMatch(e -> e.getFormattedMessage().contains(token));
    }

    @Test
    @DisplayName("an /arrived on Discord reaches an open screen within a second, from the board's own state")
    void live() throws Exception {
        EventStream stream = EventStream.open(http, link(screen(PRODUCER, false), "screen"));
        EventStream.Event first = stream.next("state", Duration.ofSeconds(5));
        assertThat(first).isNotNull();
        assertThat(first.json().path("models").path("arrived").asInt()).isZero();

        long sent = System.nanoTime();
        bot.stub.slash(SlashCommandInvocation.of(ArrivedCommand.NAME).option(ArrivedCommand.MODEL_OPTION, "Anya Petrova")
                .by(PR).in(TIMELINE)).awaitResponse(WAIT);
        JsonNode arrived = null;
        while (arrived == null || arrived.path("models").path("arrived").asInt() == 0) {
            EventStream.Event state = stream.next("state", Duration.ofSeconds(5));
            assertThat(state).as("a state with her arrival").isNotNull();
            arrived = state.json();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(2));
        assertThat(arrived.path("log").toString()).contains("Anya Petrova arrived");
    }

    @Test
    @DisplayName("the door marks a model arrived while Discord answers 503 to everything; the log catches up once")
    void doorWithoutDiscord() throws Exception {
        URI door = link(screen(PR, false), "door");
        String origin = "http://127.0.0.1:" + port();
        bot.stub.failNext("*", ".*", 503, Integer.MAX_VALUE);

        HttpResponse<String> marked = mark(door, "anya petrova", "arrived", origin);
        HttpResponse<String> again = mark(door, "Anya Petrova", "arrived", origin);
        HttpResponse<String> elsewhere = mark(door, "Anja Berg", "arrived", "http://evil.example");
        HttpResponse<String> noOrigin = mark(door, "Anja Berg", "arrived", null);

        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(marked.body()).path("done").asBoolean()).isTrue();
        assertThat(JSON.readTree(marked.body()).path("text").asText()).contains("Anya Petrova arrived");
        assertThat(JSON.readTree(again.body()).path("text").asText()).contains("already marked arrived");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(noOrigin.statusCode()).isEqualTo(403);

        bot.stub.stopFailing();
        // the feed backs off while Discord fails, up to 16 s between tries
        bot.awaitInTimeline("Anya Petrova arrived at the door", Duration.ofSeconds(45));
        assertThat(bot.stub.messages(TIMELINE).stream().filter(m -> m.content().contains("Anya Petrova arrived at the door")))
                .hasSize(1);
    }

    @Test
    @DisplayName("/screen rotate replaces the show's links: the old ones are a plain 404 at once, the new ones open")
    void rotate() throws Exception {
        URI before = link(screen(PRODUCER, false), "screen");
        URI door = link(screen(PR, false), "door");

        String rotated = screen(PRODUCER, true);
        String refused = screen(PR, true);

        assertThat(get(before).statusCode()).isEqualTo(404);
        assertThat(get(door).statusCode()).isEqualTo(404);
        assertThat(get(link(rotated, "screen")).statusCode()).isEqualTo(200);
        assertThat(link(rotated, "screen")).isNotEqualTo(before);
        assertThat(refused).contains("Only producers");
    }

    @Test
    @DisplayName("health says live and ready once everything runs, and metrics come in Prometheus's format")
    void health() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + port());

        assertThat(get(base.resolve("/health/live")).statusCode()).isEqualTo(200);
        assertThat(get(base.resolve("/health/ready")).statusCode()).isEqualTo(200);
        assertThat(get(base.resolve("/metrics")).body()).contains("showcall_web_open_pages");
    }

    @Test
    @DisplayName("metrics count the interactions answered with their latency, Discord's 429s and the log posts queued")
    void metrics() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + port());
        bot.stub.failNext("POST", "channels/" + TIMELINE + "/messages", 429, 1);

        bot.stub.slash(SlashCommandInvocation.of(ArrivedCommand.NAME).option(ArrivedCommand.MODEL_OPTION, "Anya Petrova")
                .by(PR).in(TIMELINE)).awaitResponse(WAIT);
        // the log is posted after the 429
        bot.awaitInTimeline("Anya Petrova arrived", WAIT);
        String metrics = get(base.resolve("/metrics")).body();

        assertThat(metric(metrics, "showcall_interactions_answered_seconds_count", "kind=\"command\"")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("showcall_interactions_answered_seconds_bucket");
        assertThat(metric(metrics, "showcall_discord_rate_limited_total", "")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("showcall_timeline_log_queued");
    }

    /** The sum of a metric's samples whose labels contain {@code label}, or -1 when there is none. */
    private static double metric(String exposition, String name, String label) {
        return exposition.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .reduce(-1, (a, b) -> (a < 0 ? 0 : a) + b);
    }
}
