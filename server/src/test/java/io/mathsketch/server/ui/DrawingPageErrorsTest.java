package io.mathsketch.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;

/** What the page says when the server cannot do everything it should: here, its database is down. */
class DrawingPageErrorsTest extends BrowserTest {

    private RunningServer server;

    @BeforeAll
    void startServer() {
        server = RunningServer.start();
        server.stopDatabase();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
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

    @Override
    protected boolean expectedConsoleError(String message) {
        // The history and statistics requests fail with 503 database-unavailable, as they should.
        return message.contains("status of 503");
    }
}
