package io.mathsketch.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.Http;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.PointerInput;

/** The drawing page in a desktop browser with a mouse, against the real server and the committed model. */
class DrawingPageTest extends BrowserTest {

    @Override
    protected HeadlessChromium.Viewport viewport() {
        return HeadlessChromium.Viewport.DESKTOP;
    }

    @Test
    void readsADrawnDigitWhileDrawingAndSavesItWhenThePenRests() {
        page.open(server.baseUrl());
        assertEquals("?", page.text("#answer"));
        assertTrue(page.find("#pad-placeholder").isDisplayed(), "an empty canvas invites drawing");
        assertFalse(page.find("#undo").isEnabled());
        assertTrue(page.text("#server-status").startsWith("Online"), page.text("#server-status"));
        Screenshots.viewport(driver, "desktop-empty");

        page.draw(HandDrawnDigits.of(7), PointerInput.Kind.MOUSE);

        assertEquals("7", page.savedAnswer());
        assertEquals(7, page.winningBar(), "the highlighted bar is the answer");
        List<Double> bars = page.barValues();
        assertEquals(1.0, bars.stream().mapToDouble(Double::doubleValue).sum(), 0.02, "probabilities " + bars);
        assertTrue(bars.get(7) > 0.5, "bar 7 dominates: " + bars);
        assertEquals("Saved", page.text("#result-tag"));
        assertTrue(page.text("#confidence-value").endsWith("sure"));
        assertTrue(page.text("#result-meta").contains("mnist-cnn"), page.text("#result-meta"));
        assertTrue(page.find("#announcer").getAttribute("textContent").startsWith("Read as 7"),
                "the saved answer is announced to screen readers");
        WebElement newest = page.historyItems().getFirst();
        assertTrue(newest.getText().startsWith("7"), newest.getText());
        Screenshots.viewport(driver, "desktop-result");
    }

    @Test
    void sendsTheDrawingAsInkAndTheServerKeepsTheInk() {
        page.open(server.baseUrl());
        page.recordRecognitionRequests();
        List<Stroke> seven = HandDrawnDigits.of(7);

        page.draw(seven, PointerInput.Kind.MOUSE);

        assertEquals("7", page.savedAnswer());
        List<JsonObject> sent = page.recognitionRequests();
        assertFalse(sent.isEmpty(), "the page sent its drawing");
        for (JsonObject body : sent) {
            assertFalse(body.containsKey("image"), "no PNG is sent: " + body.keySet());
            JsonObject ink = body.getJsonObject("ink");
            assertEquals(280, ink.getInt("width"));
            assertEquals(280, ink.getInt("height"));
            assertFalse(ink.getJsonArray("strokes").isEmpty());
        }
        assertTrue(sent.stream().anyMatch(b -> !b.getBoolean("store")), "live previews are ink too");
        JsonObject stored = sent.stream().filter(b -> b.getBoolean("store")).reduce((a, b) -> b).orElseThrow();
        assertEquals(seven.size(), stored.getJsonObject("ink").getJsonArray("strokes").size(),
                "every stroke drawn, as a stroke");
        JsonArray point = stored.getJsonObject("ink").getJsonArray("strokes").getJsonObject(0)
                .getJsonArray("points").getJsonArray(1);
        assertEquals(3, point.size(), "points carry their time: " + point);

        String listing = (String) page.fetch("/api/v1/recognitions?limit=1", "application/json").get("text");
        String id = listing.replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1");
        Map<?, ?> kept = page.fetch("/api/v1/recognitions/" + id + "/image", "application/vnd.mathsketch.ink+json");
        assertEquals("application/vnd.mathsketch.ink+json", kept.get("contentType"), "kept as ink: " + kept);
        assertEquals("image/png", page.fetch("/api/v1/recognitions/" + id + "/image", "image/*").get("contentType"));
        WebElement thumbnail = page.historyItems().getFirst().findElement(By.tagName("img"));
        page.js("arguments[0].scrollIntoView({block: 'center'})", thumbnail);
        assertTrue(thumbnail.getAttribute("src").endsWith("/api/v1/recognitions/" + id + "/image"));
        page.waiting().until(d -> ((Number) page.js("return arguments[0].naturalWidth", thumbnail)).intValue() > 0);
        assertEquals(280L, page.js("return arguments[0].naturalWidth", thumbnail), "the history draws the ink");
    }

    @Test
    void everyControlIsNamedAndReachedInReadingOrderWithAVisibleFocus() {
        page.open(server.baseUrl());
        page.draw(HandDrawnDigits.of(7), PointerInput.Kind.MOUSE);
        page.savedAnswer();

        List<WebElement> controls = driver.findElements(By.cssSelector(
                "button, input, select, canvas, a[href], output"));
        for (WebElement control : controls) {
            boolean hidden = (Boolean) page.js("return arguments[0].closest('[aria-hidden=true]') !== null;", control);
            if (!hidden && (control.isDisplayed() || "radio".equals(control.getAttribute("type")))) {
                assertFalse(control.getAccessibleName().isBlank(),
                        "accessible name of " + control.getTagName() + " #" + control.getAttribute("id"));
            }
        }
        assertEquals("polite", page.find("#announcer").getAttribute("aria-live"));

        // Start where a keyboard user starts: the skip link, the page's first focusable element.
        page.js("document.querySelector('.skip-link').focus();");
        List<String> order = new ArrayList<>(List.of(driver.switchTo().activeElement().getText()));
        for (int i = 0; i < 8; i++) {
            page.press(Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            String outline = (String) page.js("const s = getComputedStyle(arguments[0]);"
                    + " return arguments[0].type === 'radio' ? getComputedStyle(arguments[0].nextElementSibling)"
                    + ".outlineStyle : s.outlineStyle;", focused);
            assertFalse("none".equals(outline), "focus is visible on #" + focused.getAttribute("id"));
            order.add(focused.getAttribute("id").isEmpty() ? focused.getText() : focused.getAttribute("id"));
        }
        assertEquals(List.of("Skip to the drawing canvas", "mode-digit", "pad", "undo", "clear", "pen-width",
                "recognise", "0", "1"), order);
    }

    @Test
    void returningVisitorsGetThePageFromTheirBrowserCache() {
        cache(true);
        page.open(server.baseUrl());
        page.find("label[for=mode-number]").click();

        // A reload revalidates the cached page: the server answers 304 Not Modified, and all works as before.
        page.reload();

        assertEquals("online", page.attribute("server-status", "data-state"));
        assertTrue(page.find("#mode-number").isSelected(), "the chosen mode is remembered");
        page.draw(HandDrawnDigits.of(7), PointerInput.Kind.MOUSE);
        assertEquals("7", page.savedAnswer());
    }

    @Test
    void correctionsAreSavedAndShowInTheHistoryAndTheStatistics() {
        page.open(server.baseUrl());
        page.draw(HandDrawnDigits.of(1), PointerInput.Kind.MOUSE);
        assertEquals("1", page.savedAnswer());

        page.clickFeedback(7);

        assertEquals("Saved — thank you! Answer corrected to 7.", page.feedbackOutcome());
        assertEquals("true", page.find("#feedback-digits button[data-label='7']").getAttribute("aria-pressed"));
        WebElement newest = page.historyItems().getFirst();
        assertTrue(newest.getText().contains("→ 7"), "history shows the correction: " + newest.getText());
        page.waiting().until(d -> !d.findElements(By.cssSelector(".confusion td.miss")).isEmpty());
        WebElement cell = page.find(".confusion tbody tr:nth-child(8) td:nth-of-type(2)");
        assertEquals("1", cell.getText(), "row 7 (meant), column 1 (read)");
        Screenshots.viewport(driver, "desktop-feedback");

        // The digit keys send feedback too: the user changes their mind, the answer was right after all.
        page.press("1");
        page.waiting().until(d -> page.text("#feedback-status").contains("confirmed"));
        page.waiting().until(d -> page.historyItems().getFirst().getText().contains("✓"));
        page.js("document.querySelector('.history-card').scrollIntoView({block: 'start'})");
        Screenshots.viewport(driver, "desktop-history-stats");
        Screenshots.fullPage(driver, "desktop-full-page");
    }

    @Test
    void keyboardShortcutsUndoClearRecogniseAndSwitchMode() {
        page.open(server.baseUrl());
        page.draw(HandDrawnDigits.of(4), PointerInput.Kind.MOUSE);
        page.savedAnswer();

        page.pressWithControl("z");
        assertTrue(page.find("#undo").isEnabled(), "one stroke is left");
        page.answerState();
        page.pressWithControl("z");
        assertEquals("?", page.text("#answer"));
        assertTrue(page.find("#pad-placeholder").isDisplayed());

        page.press(Keys.ENTER);
        assertEquals("Nothing to read", page.waitForNotice().findElement(By.className("notice-title")).getText());

        page.draw(HandDrawnDigits.of(7), PointerInput.Kind.MOUSE);
        page.press(Keys.ENTER);
        assertEquals("7", page.savedAnswer());
        assertFalse(page.find("#notice").isDisplayed(), "a good answer clears the old message");
        page.press(Keys.ESCAPE);
        assertEquals("?", page.text("#answer"));

        page.press("m");
        assertTrue(page.find("#mode-number").isSelected());
        Map<?, ?> size = page.canvasSize();
        double aspect = ((Number) size.get("cssWidth")).doubleValue() / ((Number) size.get("cssHeight")).doubleValue();
        assertEquals(2.0, aspect, 0.05, "number mode widens the canvas");
        page.press("m");
        assertTrue(page.find("#mode-expression").isSelected(), "the default models read expressions");
        page.press("m");
        assertTrue(page.find("#mode-digit").isSelected());
    }

    @Test
    void numberModeReadsEachDigitAndOutlinesItOnTheCanvas() {
        page.open(server.baseUrl());
        page.find("label[for=mode-number]").click();
        List<Stroke> strokes = new ArrayList<>();
        HandDrawnDigits.of(1).forEach(stroke -> strokes.add(stroke.shifted(20)));
        HandDrawnDigits.of(7).forEach(stroke -> strokes.add(stroke.shifted(250)));

        page.recordRecognitionRequests();
        page.draw(strokes, PointerInput.Kind.MOUSE);

        assertEquals("17", page.savedAnswer());
        JsonObject stored = page.recognitionRequests().getLast();
        assertEquals("number", stored.getString("mode"));
        assertEquals(560, stored.getJsonObject("ink").getInt("width"), "number mode's wide surface, sent as ink");
        assertEquals(2, driver.findElements(By.cssSelector("#digit-list > li")).size());
        assertEquals(2, driver.findElements(By.cssSelector("#pad-overlay rect")).size());
        assertTrue(page.find("#feedback-number").isDisplayed(), "numbers are corrected by typing");
        Screenshots.viewport(driver, "desktop-number");
    }

    @Test
    void handDrawnDigitsAreReadAsTheDigitsMeant() {
        page.open(server.baseUrl());
        for (int digit : HandDrawnDigits.DIGITS) {
            page.draw(HandDrawnDigits.of(digit), PointerInput.Kind.MOUSE);
            page.press(Keys.ENTER);
            assertEquals(String.valueOf(digit), page.savedAnswer(), "hand-drawn " + digit);
            page.press(Keys.ESCAPE);
        }
    }

    @Test
    void mnistTestDigitsRedrawnOnTheCanvasAreReadAsTheirLabels() {
        MnistSubset mnist = MnistSubset.load();
        page.open(server.baseUrl());
        page.setPenWidth(MnistStrokes.PEN_WIDTH);
        for (int label : new int[] {2, 3, 5, 8}) {
            int index = firstWithLabel(mnist, label);
            page.draw(MnistStrokes.of(mnist.images().digit(index)), PointerInput.Kind.MOUSE);
            page.press(Keys.ENTER);
            assertEquals(String.valueOf(label), page.savedAnswer(), "MNIST test digit #" + index);
            page.press(String.valueOf(label));
            assertEquals("Saved — thank you! Answer confirmed.", page.feedbackOutcome());
            page.press(Keys.ESCAPE);
        }
    }

    @Test
    void historyLoadsOlderDrawingsOnDemand() {
        // This browser's anonymous id (HttpOnly: only the driver reads it), used to post as this browser over the API.
        page.open(server.baseUrl());
        Http asThisBrowser = server.server().http().asClient(driver.manage().getCookieNamed("mathsketch_client")
                .getValue());
        for (int i = 0; i < 13; i++) {
            Http.Response response = asThisBrowser.postJson("/api/v1/recognitions",
                    "{\"store\": true, \"pixels\": " + Digits.pixelsJson(i) + "}");
            assertEquals(201, response.status(), response.text());
        }
        page.open(server.baseUrl());
        page.waiting().until(d -> page.historyItems().size() == 12);
        assertTrue(page.find("#load-more").isDisplayed(), "more than one page is stored");

        page.find("#load-more").click();

        page.waiting().until(d -> page.historyItems().size() > 12);
        page.js("document.querySelector('.history-card').scrollIntoView({block: 'start'})");
        Screenshots.viewport(driver, "desktop-history");
        List<String> ids = page.historyItems().stream().map(item -> item.getAttribute("data-id")).toList();
        assertEquals(ids.size(), ids.stream().distinct().count(), "no drawing is listed twice");
    }

    @Test
    void historyShowsOnlyThisBrowsersDrawings() {
        String someoneElses = server.server().http().asClient("someone-else-0123456789").post(
                "/api/v1/recognitions", "image/png", Digits.canvasPng(3)).json().getString("id");
        page.open(server.baseUrl());
        page.draw(HandDrawnDigits.of(7), PointerInput.Kind.MOUSE);
        assertEquals("7", page.savedAnswer());

        // The history was loaded when the page opened, after the other client's drawing was stored; read its ids in
        // one script call (the list re-renders as items arrive, so element handles can go stale).
        String ids = String.valueOf(page.js("return [...document.querySelectorAll('#history-list > li')]"
                + ".map(li => li.dataset.id).join(' ');"));
        assertFalse(ids.isBlank(), "the drawing just saved is listed");
        assertFalse(ids.contains(someoneElses), "another client's drawing is not in this browser's history: " + ids);
        assertEquals(null, page.js("return document.cookie.includes('mathsketch_client') || null;"),
                "the id cookie is HttpOnly: page scripts never see it");
    }

    private static int firstWithLabel(MnistSubset mnist, int label) {
        for (int i = 0; i < mnist.count(); i++) {
            if (mnist.labels().label(i) == label) {
                return i;
            }
        }
        throw new IllegalStateException("no " + label + " in the MNIST subset");
    }
}
