package io.mathsketch.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.GatedEngine;
import io.mathsketch.server.testing.H2TestDatabase;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.TestServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;

/** What the page says when the server cannot do everything it should: its database is down, or it is overloaded. */
class DrawingPageErrorsTest extends BrowserTest {

    @Override
    protected RunningServer startServer() {
        RunningServer withoutDatabase = RunningServer.start();
        withoutDatabase.stopDatabase();
        return withoutDatabase;
    }

    @Override
    protected HeadlessChromium.Viewport viewport() {
        return HeadlessChromium.Viewport.DESKTOP;
    }

    @Test
    void answersButWarnsThatNothingIsSavedWhenTheDatabaseIsDown() {
        page.open(server.baseUrl());
        page.waiting().until(d -> page.text("#history-status").startsWith("History unavailable"));

        page.draw(HandDrawnDigits.of(7), PointerInput.Kind.MOUSE);

        assertEquals("not-saved", page.committedAnswerState());
        assertEquals("7", page.text("#answer"), "recognition still works");
        assertEquals("Not saved", page.text("#result-tag"));
        WebElement notice = page.waitForNotice();
        assertEquals("Not saved", notice.findElement(By.className("notice-title")).getText());
        assertFalse(page.find("#feedback-digits button").isEnabled(), "feedback cannot be saved either");
        assertTrue(page.text("#feedback-status").contains("could not be saved"));
        Screenshots.viewport(driver, "desktop-error-not-saved");
    }

    @Test
    void busyServerIsAskedAgainWhenItSaysSo() throws Exception {
        GatedEngine engine = new GatedEngine();
        try (H2TestDatabase database = new H2TestDatabase();
             TestServer busy = TestServer.start(database, Map.of("engine.batching.max-batch-size", "1",
                     "engine.batching.queue-capacity", "1"), engine)) {
            page.open("http://localhost:" + busy.port() + "/");
            String digit = "{\"store\": false, \"pixels\": " + Digits.pixelsJson(0) + "}";
            engine.arm();
            CompletableFuture<Http.Response> held = CompletableFuture.supplyAsync(() ->
                    busy.http().postJson("/api/v1/recognitions", digit));
            engine.awaitHeld();
            CompletableFuture<Http.Response> queued = CompletableFuture.supplyAsync(() ->
                    busy.http().postJson("/api/v1/recognitions", digit));
            try {
                page.draw(HandDrawnDigits.of(7), PointerInput.Kind.MOUSE);

                WebElement notice = page.waitForNotice();
                assertEquals("Server busy", notice.findElement(By.className("notice-title")).getText());
                Screenshots.viewport(driver, "desktop-error-busy");
            } finally {
                engine.release();
            }
            assertEquals("7", page.savedAnswer(), "saved by a retry once the server had room again");
            assertFalse(page.find("#notice").isDisplayed());
            assertEquals(200, held.get().status());
            queued.get();
        }
    }

    @Override
    protected boolean expectedConsoleError(String message) {
        // Requests fail with 503 (database-unavailable, overloaded) on purpose here.
        return message.contains("status of 503");
    }
}
