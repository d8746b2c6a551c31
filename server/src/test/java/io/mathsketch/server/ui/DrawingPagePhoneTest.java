package io.mathsketch.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.interactions.PointerInput;

/** The drawing page on an emulated phone (390 x 844 CSS pixels, three device pixels each) with touch and pen. */
class DrawingPagePhoneTest extends BrowserTest {

    @Override
    protected HeadlessChromium.Viewport viewport() {
        return HeadlessChromium.Viewport.PHONE;
    }

    @Test
    void fingerDrawingIsReadAndConfirmedInOneColumn() {
        page.open(server.baseUrl());
        Rectangle pad = page.find(".pad-card").getRect();
        Rectangle result = page.find(".result-card").getRect();
        assertEquals(pad.getX(), result.getX(), "one column");
        assertTrue(result.getY() >= pad.getY() + pad.getHeight(), "the result comes right after the canvas");
        assertEquals(390L, page.js("return document.documentElement.scrollWidth;"), "no sideways scrolling");
        // The mode switch stuck 6 px out of its card here (and past the screen's edge on a 360-pixel phone).
        Rectangle modes = page.find("#mode-switch").getRect();
        assertTrue(modes.getX() + modes.getWidth() <= pad.getX() + pad.getWidth(), "the mode switch within its card: "
                + modes.getX() + "+" + modes.getWidth() + " > " + pad.getX() + "+" + pad.getWidth());
        Map<?, ?> canvas = page.canvasSize();
        assertEquals(3.0, ((Number) canvas.get("ratio")).doubleValue());
        assertEquals(Math.round(((Number) canvas.get("cssWidth")).doubleValue() * 3),
                ((Number) canvas.get("pixelWidth")).longValue(), "the canvas is drawn at device resolution");
        Screenshots.viewport(driver, "phone-empty");

        page.draw(HandDrawnDigits.of(7), PointerInput.Kind.TOUCH);

        assertEquals("7", page.savedAnswer());
        assertEquals(7, page.winningBar());
        Screenshots.viewport(driver, "phone-result");

        page.js("document.getElementById('feedback').scrollIntoView({block: 'center'})");
        page.find("#feedback-correct").click();
        assertEquals("Saved — thank you! Answer confirmed.", page.feedbackOutcome());
        Screenshots.viewport(driver, "phone-feedback");
    }

    @Test
    void penDrawingIsRead() {
        page.open(server.baseUrl());

        page.draw(HandDrawnDigits.of(1), PointerInput.Kind.PEN);

        assertEquals("1", page.savedAnswer());
        page.js("document.querySelector('.history-card').scrollIntoView({block: 'start'})");
        page.waiting().until(d -> !page.historyItems().isEmpty());
        assertTrue(page.find("#history-list img").isDisplayed());
        Screenshots.viewport(driver, "phone-history");
    }

    @Test
    void unreachableServerIsReportedNotIgnored() {
        RunningServer doomed = RunningServer.start();
        page.open(doomed.baseUrl());
        page.draw(HandDrawnDigits.of(7), PointerInput.Kind.TOUCH);
        page.savedAnswer();

        doomed.close();
        page.draw(HandDrawnDigits.of(1), PointerInput.Kind.TOUCH);

        assertEquals("Server unavailable",
                page.waitForNotice().findElement(By.className("notice-title")).getText());
        page.waiting().until(d -> "offline".equals(page.attribute("server-status", "data-state")));
        page.js("window.scrollTo(0, 0)");
        Screenshots.viewport(driver, "phone-error-offline");
    }

    @Override
    protected boolean expectedConsoleError(String message) {
        return message.contains("ERR_CONNECTION_REFUSED");
    }
}
