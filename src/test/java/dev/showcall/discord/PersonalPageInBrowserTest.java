package dev.showcall.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.showcall.backstage.ConfirmationState;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.store.ConfirmationRepository;
import dev.showcall.web.Chromium;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A model's own page on a phone-sized window in a real browser (Debian's Chromium, driven by Selenium), against
 * showcall on the Discord stub: plain forms, no script. In the {@code browser} profile: {@code mvn test -Pbrowser}.
 */
@Tag("browser")
@DisplayName("The personal page in a real browser on a phone, against showcall on the Discord stub")
class PersonalPageInBrowserTest {

    private static final Instant NOW = Instant.parse("2027-02-21T13:57:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ANJA = "model:Anja Berg";

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
        // a phone held upright
        browser = Chromium.start(Files.createDirectories(dir.resolve("browser")), 390, 844);
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

    /** Her link, as the mail would carry it, on the address showcall listens on here. */
    private String herPage() {
        return "http://127.0.0.1:" + port + bot.showcall().personalLinks().orElseThrow()
                .linkFor(ShowcallOnStub.SHOW_ID, ANJA).getPath();
    }

    private String answer() {
        return browser.findElement(By.id("answer")).getText();
    }

    @Test
    @DisplayName("she presses On my way and her page says so; then Running late with 15 minutes, and it says that")
    void answers() {
        // given her page open on her phone, no answer yet
        String page = herPage();
        browser.get(page);
        assertThat(browser.findElement(By.id("name")).getText()).isEqualTo("Anja Berg");
        assertThat(answer()).contains("No answer yet");
        Long width = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(width).as("nothing wider than the phone").isLessThanOrEqualTo(390L);

        // when she presses On my way
        browser.findElement(By.id("on-my-way")).click();

        // then she is back on her page, which shows it
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textMatches(By.id("answer"),
                java.util.regex.Pattern.compile("On my way")));
        assertThat(browser.getCurrentUrl()).isEqualTo(page);

        // when she is held up, and says by 15 minutes
        new Select(browser.findElement(By.id("minutes"))).selectByValue("15");
        browser.findElement(By.id("running-late")).click();

        // then her page, and the record, say so
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textMatches(By.id("answer"),
                java.util.regex.Pattern.compile("Running 15 min late")));
        java.util.Optional<dev.showcall.backstage.Confirmation> recorded = bot.database().inTransaction(c ->
                new ConfirmationRepository().find(c, ShowcallOnStub.SHOW_ID, ANJA));
        assertThat(recorded).hasValueSatisfying(a -> {
                    assertThat(a.state()).isEqualTo(ConfirmationState.RUNNING_LATE);
                    assertThat(a.lateMinutes()).hasValue(15);
                });
    }
}
