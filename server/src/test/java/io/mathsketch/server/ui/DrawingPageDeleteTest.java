package io.mathsketch.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.server.testing.Http;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;

/**
 * Deleting a drawing from the history: two steps with the keyboard or the mouse, gone from the page and from the
 * server; a delete the server refuses (already deleted, database down) says why and leaves the page working.
 */
class DrawingPageDeleteTest extends BrowserTest {

    @Override
    protected HeadlessChromium.Viewport viewport() {
        return HeadlessChromium.Viewport.DESKTOP;
    }

    /** Each test is a new visitor with a history of its own (the browser, and its id cookie, serve the class). */
    @BeforeEach
    void newVisitor() {
        if (driver != null) {
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        }
    }

    @Test
    void aDrawingIsDeletedWithTheKeyboardFromThePageAndTheServer() {
        page.open(server.baseUrl());
        page.draw(HandDrawnDigits.of(7), PointerInput.Kind.MOUSE);
        assertEquals("7", page.savedAnswer());
        String id = page.newestHistoryId();
        Http asThisBrowser = asThisBrowser();
        assertEquals(200, asThisBrowser.get("/api/v1/recognitions/" + id).status(), "saved for this browser");
        int saved = asThisBrowser.get("/api/v1/stats").json().getInt("total");
        page.waiting().until(d -> page.statsFigure("Drawings saved").equals(String.valueOf(saved)));

        // From the Refresh button, Tab reaches the newest entry's delete button, named for that entry.
        page.js("document.getElementById('history-refresh').focus();");
        page.press(Keys.TAB);
        assertTrue(page.focusedName().startsWith("Delete the drawing read as 7, saved "), page.focusedName());
        assertEquals("button", driver.switchTo().activeElement().getTagName());

        // The first step only asks, with "Keep" focused; Escape keeps the drawing (and does not clear the canvas).
        page.press(Keys.ENTER);
        assertEquals("Delete this drawing?",
                page.historyItem(id).findElement(By.className("history-question")).getText());
        assertTrue(page.focusedName().startsWith("Keep the drawing read as 7"), page.focusedName());
        page.press(Keys.ESCAPE);
        assertTrue(page.focusedName().startsWith("Delete the drawing read as 7"), page.focusedName());
        assertTrue(page.find("#undo").isEnabled(), "Escape in the history leaves the drawing on the canvas");
        assertEquals(200, asThisBrowser.get("/api/v1/recognitions/" + id).status(), "kept");

        page.press(Keys.ENTER);
        new Actions(driver).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertTrue(page.focusedName().startsWith("Yes, delete the drawing read as 7"), page.focusedName());
        page.press(Keys.ENTER);

        page.waiting().until(d -> d.findElements(By.cssSelector("#history-list > li[data-id='" + id + "']")).isEmpty());
        page.waiting().until(d -> page.text("#history-status").equals("Drawing deleted. No drawings left."));
        assertEquals(404, asThisBrowser.get("/api/v1/recognitions/" + id).status(), "gone from the server");
        assertEquals(404, asThisBrowser.get("/api/v1/recognitions/" + id + "/image").status());
        page.waiting().until(d -> page.statsFigure("Drawings saved").equals(String.valueOf(saved - 1)));
        assertEquals("Deleted", page.text("#result-tag"), "the answer on screen was the drawing deleted");
        assertFalse(page.find("#feedback").isDisplayed(), "no feedback for a deleted drawing");
        Screenshots.viewport(driver, "desktop-history-deleted");
    }

    @Test
    void aDrawingDeletedMeanwhileSaysSoAndThePageKeepsWorking() {
        page.open(server.baseUrl());
        page.draw(HandDrawnDigits.of(1), PointerInput.Kind.MOUSE);
        assertEquals("1", page.savedAnswer());
        String first = page.newestHistoryId();
        page.press(Keys.ESCAPE);
        page.draw(HandDrawnDigits.of(7), PointerInput.Kind.MOUSE);
        assertEquals("7", page.savedAnswer());
        page.waiting().until(d -> page.historyItems().size() == 2);
        String second = page.newestHistoryId();

        // Another tab of this browser deletes the older drawing first.
        assertEquals(204, delete(asThisBrowser(), first).status());
        page.historyItem(first).findElement(By.cssSelector("button[data-action='ask']")).click();
        Screenshots.viewport(driver, "desktop-history-confirm");
        page.historyItem(first).findElement(By.cssSelector("button[data-action='delete']")).click();

        page.waiting().until(d -> page.text("#history-status").startsWith("Already deleted"));
        String message = page.text("#history-status");
        assertTrue(message.contains("Not found: no recognition has id"), "the server's title and detail: " + message);
        assertEquals("", page.attribute("history-status", "data-tone"), "not shown as an error: " + message);
        page.waiting().until(d -> d.findElements(By.cssSelector("#history-list > li[data-id='" + first + "']"))
                .isEmpty());
        assertEquals(second, page.newestHistoryId(), "the other drawing stays listed");
        assertEquals("Saved", page.text("#result-tag"), "the answer on screen is another drawing");

        // The page still draws, saves and lists.
        page.press(Keys.ESCAPE);
        page.draw(HandDrawnDigits.of(4), PointerInput.Kind.MOUSE);
        assertEquals("4", page.savedAnswer());
        page.waiting().until(d -> page.historyItems().size() == 2 && !page.newestHistoryId().equals(second));
        assertFalse(page.find("#notice").isDisplayed(), "no error message on the result card");
    }

    @Test
    void aDeleteTheServerCannotDoKeepsTheDrawingAndSaysWhy() {
        try (RunningServer own = RunningServer.start()) {
            page.open(own.baseUrl());
            page.draw(HandDrawnDigits.of(7), PointerInput.Kind.MOUSE);
            assertEquals("7", page.savedAnswer());
            String id = page.newestHistoryId();
            own.stopDatabase();

            page.historyItem(id).findElement(By.cssSelector("button[data-action='ask']")).click();
            page.historyItem(id).findElement(By.cssSelector("button[data-action='delete']")).click();

            page.waiting().until(d -> page.text("#history-status").startsWith("Could not delete"));
            String message = page.text("#history-status");
            assertTrue(message.startsWith("Could not delete the drawing just now. Database unavailable: "), message);
            assertEquals("warning", page.attribute("history-status", "data-tone"));
            WebElement item = page.historyItem(id);
            assertTrue(item.findElement(By.cssSelector("button[data-action='ask']")).isDisplayed(),
                    "the entry is back to its delete button, to try again later");
            assertTrue(page.focusedName().startsWith("Delete the drawing read as 7"), page.focusedName());
            assertEquals("Saved", page.text("#result-tag"));
        }
    }

    @Override
    protected boolean expectedConsoleError(String message) {
        // The browser reports the answers that refuse on purpose here: already deleted, database down.
        return message.contains("status of 404") || message.contains("status of 503");
    }

    private Http asThisBrowser() {
        // This browser's anonymous id (HttpOnly: only the driver reads it), to act as this browser over the API.
        return server.server().http().asClient(driver.manage().getCookieNamed("mathsketch_client").getValue());
    }

    private static Http.Response delete(Http client, String id) {
        return client.send(client.request("/api/v1/recognitions/" + id)
                .method("DELETE", HttpRequest.BodyPublishers.noBody()).build());
    }
}
