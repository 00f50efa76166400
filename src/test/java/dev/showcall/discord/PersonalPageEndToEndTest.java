package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.showcall.discord.commands.CallsCommand;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@DisplayName("The personal page of a model without Discord, end to end over HTTP with showcall on the Discord stub")
class PersonalPageEndToEndTest {

    private static final Instant NOW = Instant.parse("2027-02-21T13:57:00Z");
    /** A model of the stub's show with no Discord account: PR marks her in, or she answers on her page. */
    private static final String ANJA = "model:Anja Berg";

    @TempDir
    Path dir;

    private ShowcallOnStub bot;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void start() {
        logged.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logged);
        bot = ShowcallOnStub.withWeb(dir, Clock.fixed(NOW, ZoneOffset.UTC), DiscordStub.start(TimelineEndToEndTest.guild()),
                ShowcallOnStub.showYaml());
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
        bot.close();
    }

    private String origin() {
        return "http://127.0.0.1:" + bot.showcall().web().orElseThrow().port();
    }

    /** Her link, as the mail would carry it, on the address showcall listens on here. */
    private URI herPage() {
        URI link = bot.showcall().personalLinks().orElseThrow().linkFor(ShowcallOnStub.SHOW_ID, ANJA);
        return URI.create(origin() + link.getPath());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(URI page, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(page + "/answer"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String calls() {
        return bot.stub.slash(SlashCommandInvocation.of(CallsCommand.NAME).by(PRODUCER).in(ShowcallOnStub.TIMELINE))
                .awaitResponse(Duration.ofSeconds(10)).message().embeds().get(0).path("description").asText();
    }

    @Test
    @DisplayName("she opens her page, presses On my way, and /calls shows producers that she is on the way")
    void onMyWay() throws Exception {
        // given her page, opened from the mail
        URI page = herPage();
        HttpResponse<String> opened = get(page);
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("Anja Berg").contains("Stub Show").contains("No answer yet");
        assertThat(calls()).as("opening it told nobody anything").contains("Anja Berg — no Discord: PR marks her in");

        // when she presses On my way
        HttpResponse<String> posted = post(page, "answer=on-my-way");

        // then her page shows it, and so does /calls
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(get(page).body()).contains("On my way");
        assertThat(calls()).contains("Anja Berg — on the way");
        String token = page.getPath().substring("/me/".length());
        assertThat(logged.list).as("no token in the log").noneMatch(e -> e.getFormattedMessage().contains(token));
    }

    @Test
    @DisplayName("after /screen rotate:true her old link is a plain 404, and the link given now opens her page")
    void revoked() throws Exception {
        // given her link
        URI before = herPage();

        // when a producer rotates the show's links
        ScreenAnswers.screen(bot.stub, PRODUCER, true);

        // then the old one is a 404 and the new one works
        HttpResponse<String> old = get(before);
        assertThat(old.statusCode()).isEqualTo(404);
        assertThat(old.body()).isEqualTo("Not found");
        URI now = herPage();
        assertThat(now).isNotEqualTo(before);
        assertThat(get(now).statusCode()).isEqualTo(200);
        assertThat(post(before, "answer=on-my-way").statusCode()).isEqualTo(404);
    }
}
