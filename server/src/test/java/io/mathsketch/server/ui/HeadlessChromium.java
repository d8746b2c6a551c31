package io.mathsketch.server.ui;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's {@code chromium} driven through its {@code chromedriver}, headless, with a fresh profile per browser.
 * Both binaries are given explicitly, so Selenium Manager never tries to download a browser or a driver. When they
 * are not installed the browser tests are skipped, with a warning that shows in the Maven output.
 */
final class HeadlessChromium {

    static final Path BROWSER = Path.of(System.getProperty("mathsketch.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("mathsketch.chromedriver", "/usr/bin/chromedriver"));

    private HeadlessChromium() {
    }

    /** Whether chromium and chromedriver are installed; says loudly in the build output when they are not. */
    static boolean installed() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!installed) {
            System.out.println("[WARNING] " + MISSING);
            System.err.println("[WARNING] " + MISSING);
        }
        return installed;
    }

    static final String MISSING = "Browser tests SKIPPED: " + BROWSER + " or " + DRIVER + " is missing. Install them"
            + " with 'apt-get install -y chromium chromium-driver' to test the drawing page.";

    /** Starts a browser with the given window; the caller quits it. */
    static ChromeDriver open(Viewport viewport) {
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("mathsketch-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--hide-scrollbars", "--force-color-profile=srgb", "--lang=en-GB",
                "--user-data-dir=" + profile,
                "--window-size=" + viewport.width() + "," + viewport.height());
        // Device metrics give the exact viewport (a headless window's size includes invisible browser chrome).
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
                "width", viewport.width(), "height", viewport.height(), "pixelRatio", viewport.pixelRatio(),
                "touch", viewport.mobile(), "mobile", viewport.mobile())));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString()))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        return new ChromeDriver(service, options);
    }

    /** The browser window: a desktop, or an emulated phone with touch and a high-density screen. */
    record Viewport(String name, int width, int height, double pixelRatio, boolean mobile) {

        static final Viewport DESKTOP = new Viewport("desktop", 1280, 800, 1, false);
        static final Viewport PHONE = new Viewport("phone", 390, 844, 3, true);
    }
}
