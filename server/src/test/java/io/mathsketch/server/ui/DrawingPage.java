package io.mathsketch.server.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The drawing page as a user sees it: a canvas to draw on, the answer, the feedback buttons, history and stats. */
final class DrawingPage {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Long enough between pointer moves for the browser to deliver each as its own pointermove event. */
    private static final Duration MOVE = Duration.ofMillis(8);
    private static final double STEP = 12;

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    DrawingPage(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /** Loads the page as a first-time visitor would see it (no remembered mode, pen width or model). */
    DrawingPage open(String url) {
        driver.get(url);
        js("localStorage.clear()");
        driver.get(url);
        return waitUntilLoaded();
    }

    /** Reloads the page as the browser's reload button does: cached files are revalidated with the server. */
    DrawingPage reload() {
        driver.navigate().refresh();
        return waitUntilLoaded();
    }

    private DrawingPage waitUntilLoaded() {
        if (driver.findElements(By.id("server-status")).isEmpty()) {
            String body = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError("the drawing page did not load; the browser shows: "
                    + body.substring(0, Math.min(300, body.length())));
        }
        wait.until(d -> "online".equals(attribute("server-status", "data-state"))
                || "offline".equals(attribute("server-status", "data-state")));
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText().trim();
    }

    String attribute(String id, String name) {
        return driver.findElement(By.id(id)).getAttribute(name);
    }

    WebDriverWait waiting() {
        return wait;
    }

    /** Draws strokes given in logical units (see {@link Stroke}) with a mouse, a finger or a pen. */
    void draw(List<Stroke> strokes, PointerInput.Kind kind) {
        WebElement canvas = find("#pad");
        js("arguments[0].scrollIntoView({block: 'center'})", canvas);
        Map<?, ?> box = (Map<?, ?>) js("const r = arguments[0].getBoundingClientRect();"
                + " return {x: r.left, y: r.top, scale: r.height / 280};", canvas);
        double left = number(box.get("x")), top = number(box.get("y")), scale = number(box.get("scale"));
        PointerInput pointer = new PointerInput(kind, kind.name().toLowerCase() + "-" + System.nanoTime());
        Sequence sequence = new Sequence(pointer, 0);
        for (Stroke stroke : strokes) {
            List<Stroke.Point> path = densify(stroke.points());
            sequence.addAction(move(pointer, Duration.ZERO, left, top, scale, path.getFirst()));
            sequence.addAction(pointer.createPointerDown(PointerInput.MouseButton.LEFT.asArg()));
            for (Stroke.Point point : path.subList(1, path.size())) {
                sequence.addAction(move(pointer, MOVE, left, top, scale, point));
            }
            sequence.addAction(pointer.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        }
        driver.perform(List.of(sequence));
    }

    void setPenWidth(int width) {
        js("const s = document.getElementById('pen-width'); s.value = arguments[0];"
                + " s.dispatchEvent(new Event('input', {bubbles: true}));", width);
    }

    void press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** A shortcut such as Ctrl+Z: the modifier is held down while the key is typed. */
    void pressWithControl(String key) {
        new Actions(driver).keyDown(Keys.CONTROL).sendKeys(key).keyUp(Keys.CONTROL).perform();
    }

    /** Waits until the answer on screen is the saved one for the drawing as it is now, and returns it. */
    String savedAnswer() {
        wait.until(d -> "saved".equals(attribute("answer", "data-state"))
                && attribute("answer", "data-version").equals(attribute("pad", "data-version")));
        return text("#answer");
    }

    /** Waits until the answer on screen belongs to the drawing as it is now (saved or not), and returns its state. */
    String answerState() {
        wait.until(d -> attribute("answer", "data-version").equals(attribute("pad", "data-version")));
        return attribute("answer", "data-state");
    }

    /** Waits until the drawing as it is now was sent for storing, and returns "saved" or "not-saved". */
    String committedAnswerState() {
        wait.until(d -> {
            String state = attribute("answer", "data-state");
            return ("saved".equals(state) || "not-saved".equals(state))
                    && attribute("answer", "data-version").equals(attribute("pad", "data-version"));
        });
        return attribute("answer", "data-state");
    }

    /** The digit whose probability bar is highlighted, or -1. */
    int winningBar() {
        List<WebElement> bars = driver.findElements(By.cssSelector("#bars > li"));
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).getAttribute("class").contains("winner")) {
                return i;
            }
        }
        return -1;
    }

    /** The ten bar heights as the page set them (0..1). */
    List<Double> barValues() {
        List<?> heights = (List<?>) js("return [...document.querySelectorAll('#bars > li')]"
                + ".map(bar => Number(bar.style.getPropertyValue('--p')));");
        return heights.stream().map(value -> ((Number) value).doubleValue()).toList();
    }

    void clickFeedback(int digit) {
        find("#feedback-digits button[data-label='" + digit + "']").click();
    }

    /** Waits for the feedback outcome and returns its text. */
    String feedbackOutcome() {
        wait.until(d -> {
            String tone = attribute("feedback-status", "data-tone");
            return "ok".equals(tone) || "error".equals(tone);
        });
        return text("#feedback-status");
    }

    List<WebElement> historyItems() {
        return driver.findElements(By.cssSelector("#history-list > li"));
    }

    /** The entry of recognition {@code id} in the history, once it is listed. */
    WebElement historyItem(String id) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#history-list > li[data-id='"
                + id + "']")));
    }

    /** The id of the newest entry in the history, once there is one. */
    String newestHistoryId() {
        // One script call: the list re-renders as items arrive, so element handles can go stale.
        return wait.until(d -> (String) js("return document.querySelector('#history-list > li')?.dataset.id ?? null;"));
    }

    /** The value of a statistics figure ("Drawings saved"), once the statistics are shown. */
    String statsFigure(String label) {
        return wait.until(d -> (String) js("const dt = [...document.querySelectorAll('#stats-figures dt')]"
                + ".find(dt => dt.textContent === arguments[0]);"
                + " return dt ? dt.nextElementSibling.querySelector('.figure-value').textContent : null;", label));
    }

    /** The accessible name of the focused element (its aria-label, else its text). */
    String focusedName() {
        return driver.switchTo().activeElement().getAccessibleName();
    }

    WebElement waitForNotice() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
    }

    /** The canvas's backing store size in device pixels and its size on screen in CSS pixels. */
    Map<?, ?> canvasSize() {
        return (Map<?, ?>) js("const c = document.getElementById('pad'); const r = c.getBoundingClientRect();"
                + " return {pixelWidth: c.width, pixelHeight: c.height, cssWidth: r.width, cssHeight: r.height,"
                + " ratio: window.devicePixelRatio};");
    }

    /**
     * From now on keeps the JSON body of every recognition request the page sends (its {@code fetch} wrapped), for
     * {@link #recognitionRequests()}.
     */
    void recordRecognitionRequests() {
        js("if (!window.sentRecognitions) { window.sentRecognitions = []; const send = window.fetch;"
                + " window.fetch = (url, init) => { if (String(url).endsWith('/recognitions') && init?.method"
                + " === 'POST') { window.sentRecognitions.push(init.body); } return send(url, init); }; }");
    }

    /** The bodies of the recognition requests sent since {@link #recordRecognitionRequests()}, oldest first. */
    List<JsonObject> recognitionRequests() {
        List<?> bodies = (List<?>) js("return window.sentRecognitions ?? [];");
        return bodies.stream().map(body -> {
            try (JsonReader reader = Json.createReader(new StringReader(String.valueOf(body)))) {
                return reader.readObject();
            }
        }).toList();
    }

    /** Fetches a path from within the page (with its cookie), answering {contentType, text}. */
    Map<?, ?> fetch(String path, String accept) {
        return (Map<?, ?>) ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[2];"
                + " fetch(arguments[0], {headers: {Accept: arguments[1]}})"
                + ".then(async r => done({contentType: r.headers.get('Content-Type'), text: await r.text()}),"
                + " e => done({contentType: null, text: String(e)}));", path, accept);
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private static org.openqa.selenium.interactions.Interaction move(PointerInput pointer, Duration duration,
                                                                      double left, double top, double scale,
                                                                      Stroke.Point point) {
        return pointer.createPointerMove(duration, PointerInput.Origin.viewport(),
                (int) Math.round(left + point.x() * scale), (int) Math.round(top + point.y() * scale));
    }

    /** Adds points along long segments so that the pointer moves the way a hand does, not in one jump. */
    private static List<Stroke.Point> densify(List<Stroke.Point> points) {
        List<Stroke.Point> dense = new ArrayList<>();
        dense.add(points.getFirst());
        for (int i = 1; i < points.size(); i++) {
            Stroke.Point from = points.get(i - 1), to = points.get(i);
            int steps = Math.max(1, (int) Math.ceil(Math.hypot(to.x() - from.x(), to.y() - from.y()) / STEP));
            for (int s = 1; s <= steps; s++) {
                double f = (double) s / steps;
                dense.add(new Stroke.Point(from.x() + (to.x() - from.x()) * f, from.y() + (to.y() - from.y()) * f));
            }
        }
        return dense;
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
