package io.mathsketch.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * One headless browser and one server per test class (starting them is the slow part), a freshly loaded page with
 * empty storage per test; every test is skipped, with a warning, where chromium is not installed. After each test the browser console
 * must hold no errors: a script error or an unexpected failed request fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    protected ChromeDriver driver;
    protected DrawingPage page;
    protected RunningServer server;
    private boolean browser;

    @BeforeAll
    void start() {
        browser = HeadlessChromium.installed();
        if (browser) {
            driver = HeadlessChromium.open(viewport());
            server = startServer();
        }
    }

    @AfterAll
    void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    @BeforeEach
    void freshPage() {
        assumeTrue(browser, HeadlessChromium.MISSING);
        // Every test starts like a first visit; returning visitors (cached files) have a test of their own.
        cache(false);
        page = new DrawingPage(driver);
    }

    /** The server the page is loaded from, started once for the test class. */
    protected RunningServer startServer() {
        return RunningServer.start();
    }

    protected void cache(boolean enabled) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", !enabled));
    }

    @AfterEach
    void noConsoleErrors() {
        if (driver == null) {
            return;
        }
        List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !expectedConsoleError(message))
                .toList();
        driver.get("about:blank");
        assertEquals(List.of(), errors, "browser console errors");
    }

    protected abstract HeadlessChromium.Viewport viewport();

    /** Tests that provoke failing requests on purpose accept the browser's report of them. */
    protected boolean expectedConsoleError(String message) {
        return false;
    }
}
