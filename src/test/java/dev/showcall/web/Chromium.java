package dev.showcall.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven by Debian's ChromeDriver, headless, with a profile of its own and nothing that reaches
 * for the internet: the browser tests' browser. Nothing is downloaded: without the two programs it says what to
 * install, and the test fails.
 */
public final class Chromium {

    /** Where Debian's {@code chromium} package puts the browser; {@code -Dshowcall.chromium} says otherwise. */
    public static final Path BROWSER = Path.of(System.getProperty("showcall.chromium", "/usr/bin/chromium"));
    /** Where Debian's {@code chromium-driver} package puts the driver; {@code -Dshowcall.chromedriver} says otherwise. */
    public static final Path DRIVER = Path.of(System.getProperty("showcall.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /** A new headless browser the size of a 1080p TV, with an empty profile under {@code profiles}. */
    public static ChromeDriver start(Path profiles) {
        return start(profiles, 1920, 1080);
    }

    public static ChromeDriver start(Path profiles, int width, int height) {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory(profiles, "chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // without the background-networking flags Chromium keeps reaching for Google's hosts, which a closed
        // network refuses; --no-sandbox because CI runs as root
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withTimeout(Duration.ofSeconds(30)).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        // the window's size is the whole window: the page itself gets exactly the screen's pixels
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return browser;
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and its driver at " + BROWSER
                    + " and " + DRIVER + ": apt-get install chromium chromium-driver (or run mvn test without -Pbrowser)");
        }
    }
}
