package io.mathsketch.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.support.ui.Select;

/**
 * The page's Expression mode against a server that loads the symbol model beside the digit model: a sum drawn with
 * pointer events is sent as ink in expression mode, read symbol by symbol, and its value shown; each symbol is listed
 * with its confidence and can be corrected on its own.
 */
class DrawingPageExpressionTest extends ExpressionPageTest {

    @Test
    void aSumDrawnInExpressionModeIsReadAndAnswered() {
        openExpressionMode();
        List<Stroke> strokes = twoPlusThreeEquals();

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
    void eachSymbolIsListedWithItsConfidenceAndOneCanBeCorrectedAlone() {
        openExpressionMode();
        List<Stroke> strokes = twoPlusThreeEquals();
        page.draw(strokes, PointerInput.Kind.MOUSE);
        assertEquals("2+3=", page.savedAnswer());

        List<WebElement> rows = page.find("#symbol-rows").findElements(By.cssSelector("tr"));
        assertEquals(List.of("2", "+", "3", "="), rows.stream()
                .map(r -> r.findElement(By.cssSelector(".symbol-read")).getText()).toList());
        for (WebElement row : rows) {
            String confidence = row.findElement(By.cssSelector(".symbol-confidence")).getText();
            assertTrue(confidence.matches("[<>]?\\d+\\.\\d\\h%"), "a confidence per symbol: " + confidence);
        }
        WebElement send = page.find("#symbol-correct");
        assertFalse(send.isEnabled(), "nothing to send before a symbol is changed");

        // The user meant 2+8=: only the third symbol is changed, the others stay as read.
        new Select(rows.get(2).findElement(By.tagName("select"))).selectByValue("8");
        assertEquals("true", rows.get(2).getAttribute("data-changed"));
        assertTrue(send.isEnabled());
        send.click();
        assertEquals("Saved — thank you! Answer corrected to 2+8=.", page.feedbackOutcome());
        Screenshots.viewport(driver, "desktop-expression-symbols");
    }

    @Test
    void withoutASymbolModelTheModeIsNotOffered() {
        try (RunningServer digitsOnly = RunningServer.start(Map.of("engine.models", "mnist-cnn"))) {
            page.open(digitsOnly.baseUrl());
            page.waiting().until(d -> !page.find("#model-details").getText().isEmpty());
            assertFalse(page.find("#mode-expression-label").isDisplayed());
            assertFalse(page.find("#mode-expression").isEnabled());
        }
    }

    /** "2+3=" on the expression surface: the hand-drawn 2 and 3, a plus and an equals sign of straight strokes. */
    private static List<Stroke> twoPlusThreeEquals() {
        List<Stroke> strokes = new ArrayList<>(HandDrawnDigits.of(2));
        strokes.add(Stroke.of(250, 140, 330, 140));                       // "+"
        strokes.add(Stroke.of(290, 100, 290, 180));
        HandDrawnDigits.of(3).forEach(stroke -> strokes.add(stroke.shifted(260)));
        strokes.add(Stroke.of(500, 122, 580, 122));                       // "="
        strokes.add(Stroke.of(500, 162, 580, 162));
        return strokes;
    }
}
