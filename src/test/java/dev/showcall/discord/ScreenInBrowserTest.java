package dev.showcall.discord;

import static dev.showcall.discord.ShowcallOnStub.PR;
import static dev.showcall.discord.ShowcallOnStub.PRODUCER;
import static dev.showcall.discord.ShowcallOnStub.TIMELINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.web.Chromium;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The screen, the lineup and the door in a real browser (Debian's Chromium, driven by Selenium), against showcall
 * running on the Discord stub. In the {@code browser} profile: {@code mvn test -Pbrowser}.
 */
@Tag("browser")
@DisplayName("The backstage pages in a real browser, against showcall on the Discord stub")
class ScreenInBrowserTest {

    private static final Instant NOW = Instant.parse("2027-02-21T13:57:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private ShowcallOnStub bot;
    private ChromeDriver browser;
    private int port;

    @BeforeEach
    void start() throws IOException {
        port = freePort();
        bot = ShowcallOnStub.withWebOn(dir, Clock.fixed(NOW, ZoneOffset.UTC), DiscordStub.start(TimelineEndToEndTest.guild()),
                ShowcallOnStub.showYaml(), port);
        browser = Chromium.start(Files.createDirectories(dir.resolve("browser")));
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            bot.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The link of this kind that /screen gives {@code by}, on the port showcall listens on here. */
    private String link(long by, String kind) {
        return ScreenAnswers.link(ScreenAnswers.screen(bot.stub, by, false), kind, port).toString();
    }

    private void arrived(String model) {
        bot.stub.slash(SlashCommandInvocation.of(ArrivedCommand.NAME).option(ArrivedCommand.MODEL_OPTION, model)
                .by(PR).in(TIMELINE)).awaitResponse(WAIT);
    }

    private WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.pollingEvery(Duration.ofMillis(20));
        return wait;
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void awaitLive() {
        waiting(WAIT).until(ExpectedConditions.textToBe(By.id("status"), "● live"));
    }

    @Test
    @DisplayName("the screen of a running show: its name, the clock, the countdown, the models and the crew, live")
    void screenOfARunningShow() {
        browser.get(link(PRODUCER, "screen"));
        awaitLive();

        assertThat(text("show")).isEqualTo("Stub Show");
        assertThat(text("clock")).matches("\\d\\d:\\d\\d:\\d\\d");
        assertThat(text("countdown")).matches("\\d+:\\d\\d(:\\d\\d)?");
        assertThat(text("arrived")).matches("0/\\d+");
        assertThat(browser.findElements(By.cssSelector("#crew li"))).isNotEmpty();
        assertThat(browser.getTitle()).contains("backstage screen");
    }

    @Test
    @DisplayName("the lineup lists the running order with each look's model")
    void lineup() {
        browser.get(link(PRODUCER, "lineup"));
        awaitLive();

        List<WebElement> looks = browser.findElements(By.cssSelector("#looks > tr"));
        assertThat(looks).isNotEmpty();
        assertThat(looks.get(0).getText()).contains("Anya Petrova");
    }

    @Test
    @DisplayName("an /arrived on Discord is on the open screen within a second, without a reload")
    void arrivedWithinASecond() {
        browser.get(link(PRODUCER, "screen"));
        awaitLive();
        assertThat(text("arrived")).startsWith("0/");
        Object page = browser.executeScript("return window.performance.timeOrigin");

        arrived("Anya Petrova");

        waiting(Duration.ofSeconds(1)).until(ExpectedConditions.textMatches(By.id("arrived"), Pattern.compile("1/\\d+")));
        assertThat(text("log")).contains("Anya Petrova arrived");
        assertThat(browser.executeScript("return window.performance.timeOrigin")).as("the same page, not reloaded")
                .isEqualTo(page);
    }

    @Test
    @DisplayName("the door marks a model arrived while Discord answers 503 to everything; the log catches up once")
    void doorWhileDiscordIsDown() throws InterruptedException {
        browser.get(link(PR, "door"));
        awaitLive();
        bot.stub.failNext("*", ".*", 503, Integer.MAX_VALUE);

        browser.findElement(By.id("model")).sendKeys("anya petrova");
        browser.findElement(By.id("arrived")).click();

        waiting(WAIT).until(ExpectedConditions.textMatches(By.id("answer"), Pattern.compile(".*Anya Petrova arrived.*")));
        waiting(WAIT).until(ExpectedConditions.textMatches(By.id("here"), Pattern.compile("(?s).*Anya Petrova.*")));
        assertThat(browser.findElement(By.id("model")).getAttribute("value")).as("cleared for the next model").isEmpty();

        bot.stub.stopFailing();
        // the feed backs off while Discord fails, up to 16 s between tries
        bot.awaitInTimeline("Anya Petrova arrived at the door", Duration.ofSeconds(45));
        assertThat(bot.stub.messages(TIMELINE).stream()
                .filter(m -> m.content().contains("Anya Petrova arrived at the door"))).hasSize(1);
    }

    @Test
    @DisplayName("a rotated link stops at once: the open page says so, and opened again it is a plain 404")
    void revokedToken() {
        String screen = link(PRODUCER, "screen");
        browser.get(screen);
        awaitLive();

        ScreenAnswers.screen(bot.stub, PRODUCER, true);

        waiting(WAIT).until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile(".*no longer works.*")));
        browser.navigate().refresh();
        assertThat(browser.findElement(By.tagName("body")).getText()).isEqualTo("Not found");
        assertThat(browser.getPageSource()).doesNotContain("Stub Show");
    }

    @Test
    @DisplayName("a page open while showcall restarts says it is reconnecting, then catches up with what it missed")
    void afterRestart() {
        browser.get(link(PRODUCER, "screen"));
        awaitLive();
        Object page = browser.executeScript("return window.performance.timeOrigin");

        bot.stopShowcall();
        waiting(WAIT).until(ExpectedConditions.textMatches(By.id("status"), Pattern.compile("reconnecting….*")));
        bot.startShowcall();
        arrived("Anya Petrova");

        waiting(Duration.ofSeconds(15)).until(ExpectedConditions.textMatches(By.id("arrived"), Pattern.compile("1/\\d+")));
        awaitLive();
        assertThat(browser.executeScript("return window.performance.timeOrigin")).isEqualTo(page);
    }
}
