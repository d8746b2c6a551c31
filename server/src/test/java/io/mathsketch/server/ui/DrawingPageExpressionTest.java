package io.mathsketch.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.PointerInput;

/**
 * The page's Expression mode against a server that loads the symbol model beside the digit model: a sum drawn with
 * pointer events is sent as ink in expression mode, read symbol by symbol, and its value shown.
 */
class DrawingPageExpressionTest extends BrowserTest {

    @Override
    protected HeadlessChromium.Viewport viewport() {
        return HeadlessChromium.Viewport.DESKTOP;
    }

    /** A sum being drawn is not yet an expression ("2+" has no right operand): the live previews say so, 422. */
    @Override
    protected boolean expectedConsoleError(String message) {
        return message.contains("/api/v1/recognitions") && message.contains("422");
    }

    @Override
    protected RunningServer startServer() {
        return RunningServer.start(Map.of("engine.models", "mnist-cnn,mathsketch-symbols"));
    }

    @Test
    void aSumDrawnInExpressionModeIsReadAndAnswered() {
        page.open(server.baseUrl());
        page.waiting().until(d -> page.find("#mode-expression-label").isDisplayed());
        page.find("label[for=mode-expression]").click();
        List<Stroke> strokes = new ArrayList<>(HandDrawnDigits.of(2));
        strokes.add(Stroke.of(250, 140, 330, 140));                       // "+"
        strokes.add(Stroke.of(290, 100, 290, 180));
        HandDrawnDigits.of(3).forEach(stroke -> strokes.add(stroke.shifted(260)));
        strokes.add(Stroke.of(500, 122, 580, 122));                       // "="
        strokes.add(Stroke.of(500, 162, 580, 162));

        page.recordRecognitionRequests();
        page.draw(strokes, PointerInput.Kind.MOUSE);

        assertEquals("2+3=", page.savedAnswer());
        assertEquals("= 5", page.text("#expression-value"));
        JsonObject sent = page.recognitionRequests().getLast();
        assertEquals("expression", sent.getString("mode"));
        assertTrue(sent.containsKey("ink"), "expressions are sent as ink");
        assertFalse(sent.containsKey("model"), "the server chooses its symbol model");
        assertEquals(4, page.find("#digit-list").findElements(org.openqa.selenium.By.cssSelector("li")).size(),
                "one chip per symbol");
        assertTrue(page.find("#feedback-number").isDisplayed(), "expressions are corrected by typing");
        assertEquals("The expression you wrote", page.text("label[for=feedback-number]"));
        Screenshots.viewport(driver, "desktop-expression");
    }

    @Test
    void withoutASymbolModelTheModeIsNotOffered() {
        try (RunningServer digitsOnly = RunningServer.start()) {
            page.open(digitsOnly.baseUrl());
            page.waiting().until(d -> !page.find("#model-details").getText().isEmpty());
            assertFalse(page.find("#mode-expression-label").isDisplayed());
            assertFalse(page.find("#mode-expression").isEnabled());
        }
    }
}
