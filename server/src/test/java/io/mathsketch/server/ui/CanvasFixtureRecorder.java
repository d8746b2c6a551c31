package io.mathsketch.server.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.HandwritingGenerator;
import io.mathsketch.corpus.hand.HandwrittenDigit;
import io.mathsketch.engine.image.Stroke;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.PointerInput;

/**
 * Records the Chromium canvas fixtures of {@code data/canvas-fixtures/}: digits from the held-out handwriting
 * generator ({@link HandConfig#HELD_OUT}, never the training hands) drawn on the real drawing page with mouse pointer
 * events, and for each what the page itself makes of the drawing: its digital ink ({@code toInk()}, the API's
 * {@code ink} object) and its exported PNG ({@code toDataUrl()}, what the page posts for an image).
 *
 * <p>A tool, not a test: its name keeps it out of the normal test run. {@code scripts/record-canvas-fixtures.sh}
 * runs it with {@code -Dtest=CanvasFixtureRecorder -Dmathsketch.fixtures.out=<folder>}. The drawn paths and pen
 * widths are deterministic; the point times are the browser's own event times, so a re-recording differs in them
 * (and where the browser coalesces pointer events differently), not in what is drawn.
 */
class CanvasFixtureRecorder {

    /** The page's pen slider range. */
    private static final int MIN_PEN = 8, MAX_PEN = 36;
    /** Keeps pointer positions inside the canvas element: a move to its far edge would leave it. */
    private static final double EDGE = 1;

    @Test
    void record() throws IOException {
        Path out = Path.of(System.getProperty("mathsketch.fixtures.out", ""));
        assertTrue(out.isAbsolute(), "-Dmathsketch.fixtures.out=<absolute folder> is required");
        int perDigit = Integer.getInteger("mathsketch.fixtures.per-digit", 25);
        assertTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
        Files.createDirectories(out);
        HandConfig config = HandConfig.HELD_OUT;
        HandwritingGenerator hand = new HandwritingGenerator(config);
        List<String> index = new ArrayList<>();
        ChromeDriver driver = HeadlessChromium.open(HeadlessChromium.Viewport.DESKTOP);
        try (RunningServer server = RunningServer.start()) {
            DrawingPage page = new DrawingPage(driver).open(server.baseUrl());
            for (int digit = 0; digit <= 9; digit++) {
                List<DigitStyle> styles = stylesOf(digit);
                for (int i = 0; i < perDigit; i++) {
                    DigitStyle style = styles.get(i % styles.size());
                    int drawing = i / styles.size();
                    HandwrittenDigit generated = hand.draw(style, drawing);
                    int pen = (int) Math.max(MIN_PEN, Math.min(MAX_PEN, Math.round(generated.penWidth())));
                    page.setPenWidth(pen);
                    page.draw(onCanvas(generated.strokes()), PointerInput.Kind.MOUSE);
                    Map<?, ?> made = exported(driver);
                    String name = String.format(Locale.ROOT, "%d-%03d", digit, i);
                    Files.writeString(out.resolve(name + ".ink.json"), (String) made.get("ink"),
                            StandardCharsets.UTF_8);
                    String png = (String) made.get("png");
                    Files.write(out.resolve(name + ".png"),
                            Base64.getDecoder().decode(png.substring(png.indexOf(',') + 1)));
                    index.add(String.format(Locale.ROOT, "{\"name\": \"%s\", \"label\": %d, \"style\": \"%s\","
                                    + " \"drawing\": %d, \"penWidth\": %d, \"config\": \"%s\", \"seed\": %d}",
                            name, digit, style.name(), drawing, pen, config.name(), config.seed()));
                    clear(driver);
                }
            }
        } finally {
            driver.quit();
        }
        Files.writeString(out.resolve("index.json"), "{\"generator\": \"io.mathsketch.corpus.hand.HandwritingGenerator\","
                + " \"recordedBy\": \"scripts/record-canvas-fixtures.sh\",\n \"fixtures\": [\n  "
                + String.join(",\n  ", index) + "\n]}\n", StandardCharsets.UTF_8);
        assertEquals(10 * perDigit, index.size());
    }

    private static List<DigitStyle> stylesOf(int digit) {
        List<DigitStyle> styles = new ArrayList<>();
        for (DigitStyle style : DigitStyle.values()) {
            if (style.digit() == digit) {
                styles.add(style);
            }
        }
        return styles;
    }

    /** The generator's strokes as the browser tests' pointer paths, inside the 280 x 280 canvas. */
    private static List<io.mathsketch.server.ui.Stroke> onCanvas(List<Stroke> strokes) {
        List<io.mathsketch.server.ui.Stroke> paths = new ArrayList<>();
        for (Stroke s : strokes) {
            List<io.mathsketch.server.ui.Stroke.Point> points = new ArrayList<>();
            for (int i = 0; i < s.size(); i++) {
                points.add(new io.mathsketch.server.ui.Stroke.Point(inside(s.x()[i]), inside(s.y()[i])));
            }
            paths.add(new io.mathsketch.server.ui.Stroke(points));
        }
        return paths;
    }

    private static double inside(double v) {
        return Math.max(EDGE, Math.min(io.mathsketch.server.ui.Stroke.SIDE - EDGE, v));
    }

    /** The page's own ink and PNG export of the drawing on its canvas. */
    private static Map<?, ?> exported(ChromeDriver driver) {
        return (Map<?, ?>) driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " import(new URL('js/main.js', document.baseURI).href).then(({pad}) =>"
                + " done({ink: JSON.stringify(pad.toInk()), png: pad.toDataUrl()}));");
    }

    private static void clear(ChromeDriver driver) {
        driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + " import(new URL('js/main.js', document.baseURI).href).then(({pad}) => { pad.clear(); done(); });");
    }
}
