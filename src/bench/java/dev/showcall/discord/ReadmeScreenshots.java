package dev.showcall.discord;

import dev.showcall.discord.commands.ArrivedCommand;
import dev.showcall.discord.commands.DelayCommand;
import dev.showcall.discord.commands.LookCommand;
import dev.showcall.discord.commands.NoShowCommand;
import dev.showcall.discord.stub.DiscordStub;
import dev.showcall.discord.stub.SlashCommandInvocation;
import dev.showcall.web.Chromium;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's pictures of the screen and the lineup: the example show ({@code config/shows/maison-verre-aw27.yaml})
 * in the afternoon before it, most models in, a delay and a no-show, the looks half done, as Debian's Chromium
 * draws them at 1920×1080. Writes {@code screen.png} and {@code lineup.png} to the folder in {@code args[0]}
 * ({@code src/site/screenshots} by default).
 */
public final class ReadmeScreenshots {

    private static final Instant AT = Instant.parse("2027-02-21T18:20:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<String> ARRIVED = List.of("Anya Petrova", "Amara Okafor", "Lena Hoffmann",
            "Mei Lin Zhou", "Saoirse Byrne", "Adut Garang", "Freya Lindqvist", "Yasmin Haddad", "Camille Laurent",
            "Nia Mensah", "Ines Carvalho", "Hana Sato", "Priya Raman", "Zainab Yusuf", "Ingrid Solberg",
            "Valentina Ruiz", "Kofi Asante", "Elias Novak", "Greta Kowalski");

    private ReadmeScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/site/screenshots");
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory("showcall-screenshots");
        String yaml = Files.readString(Path.of("config/shows/maison-verre-aw27.yaml"));
        try (ShowcallOnStub bot = ShowcallOnStub.withWeb(dir, Clock.fixed(AT, ZoneOffset.UTC),
                DiscordStub.start(TimelineEndToEndTest.guild()), yaml)) {
            backstage(bot);
            String links = ScreenAnswers.screen(bot.stub, ShowcallOnStub.PRODUCER, false);
            int port = bot.showcall().web().orElseThrow().port();
            ChromeDriver browser = Chromium.start(Files.createDirectories(dir.resolve("browser")));
            try {
                shoot(browser, ScreenAnswers.link(links, "screen", port).toString(), out.resolve("screen.png"));
                shoot(browser, ScreenAnswers.link(links, "lineup", port).toString(), out.resolve("lineup.png"));
            } finally {
                browser.quit();
            }
        }
        System.out.println("Wrote " + out.resolve("screen.png") + " and " + out.resolve("lineup.png"));
        System.exit(0);
    }

    /** The afternoon so far: PR at the door, hair and makeup through most looks, a delay, one model not coming. */
    private static void backstage(ShowcallOnStub bot) {
        // the two dressers the show file gives by id only, as the server knows them
        bot.stub.addMember(ShowcallOnStub.GUILD, 1190000000000000144L, "noor.aziz", "Noor Aziz");
        bot.stub.addMember(ShowcallOnStub.GUILD, 1190000000000000147L, "tomasz.w", "Tomasz Wójcik");
        for (String model : ARRIVED) {
            slash(bot, SlashCommandInvocation.of(ArrivedCommand.NAME).option(ArrivedCommand.MODEL_OPTION, model)
                    .by(ShowcallOnStub.PR));
        }
        slash(bot, SlashCommandInvocation.of(NoShowCommand.NAME).option(NoShowCommand.MODEL_OPTION, "Rafael Mendes")
                .by(ShowcallOnStub.PR));
        slash(bot, SlashCommandInvocation.of(DelayCommand.NAME).option(DelayCommand.MINUTES_OPTION, 10)
                .option(DelayCommand.REASON_OPTION, "front row still arriving").by(ShowcallOnStub.PRODUCER));
        steps(bot, "hair", 24);
        steps(bot, "makeup", 20);
        steps(bot, "nails", 14);
        steps(bot, "dressed", 3);
    }

    private static void steps(ShowcallOnStub bot, String step, int looks) {
        for (int look = 1; look <= looks; look++) {
            slash(bot, SlashCommandInvocation.of(LookCommand.NAME).option(LookCommand.LOOK_OPTION, look)
                    .option(LookCommand.STEP_OPTION, step).by(ShowcallOnStub.PRODUCER));
        }
    }

    private static String slash(ShowcallOnStub bot, SlashCommandInvocation invocation) {
        return bot.stub.slash(invocation.in(ShowcallOnStub.TIMELINE)).awaitResponse(WAIT).message().content();
    }

    private static void shoot(ChromeDriver browser, String url, Path png) throws Exception {
        browser.get(url);
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBe(By.id("status"), "● live"));
        Thread.sleep(1_500); // the clock ticks and the fonts settle
        Files.write(png, browser.getScreenshotAs(OutputType.BYTES));
    }
}
