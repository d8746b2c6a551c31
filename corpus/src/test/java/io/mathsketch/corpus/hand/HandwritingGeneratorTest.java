package io.mathsketch.corpus.hand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandwritingGeneratorTest {

    private final HandwritingGenerator training = new HandwritingGenerator(HandConfig.TRAINING);
    private final HandwritingGenerator heldOut = new HandwritingGenerator(HandConfig.HELD_OUT);

    @Test
    void theSameStyleAndIndexAlwaysGiveTheSameDrawing() {
        for (DigitStyle style : DigitStyle.values()) {
            assertSame(training.draw(style, 7), new HandwritingGenerator(HandConfig.TRAINING).draw(style, 7));
        }
    }

    @Test
    void indicesConfigurationsAndSeedsGiveOtherDrawings() {
        HandwrittenDigit first = training.draw(DigitStyle.SEVEN_CROSSED, 1);
        assertFalse(sameStrokes(first, training.draw(DigitStyle.SEVEN_CROSSED, 2)));
        assertFalse(sameStrokes(first, heldOut.draw(DigitStyle.SEVEN_CROSSED, 1)));
        assertFalse(sameStrokes(first,
                new HandwritingGenerator(HandConfig.TRAINING.withSeed(99)).draw(DigitStyle.SEVEN_CROSSED, 1)));
    }

    @Test
    void samplesTakeTheStylesInTurn() {
        List<DigitStyle> styles = HandConfig.TRAINING.styles();
        for (int i = 0; i < 3 * styles.size(); i++) {
            HandwrittenDigit d = training.sample(i);
            assertEquals(styles.get(i % styles.size()), d.style());
            assertEquals(d.style().digit(), d.digit());
        }
    }

    @Test
    void pageDrawingsStayOnTheCanvasWithTheirWholePen() {
        for (HandwritingGenerator generator : List.of(training, heldOut)) {
            for (int i = 0; i < 400; i++) {
                Ink ink = generator.sample(i).pageInk();
                assertEquals(HandwritingGenerator.PAGE_CANVAS, ink.width());
                double margin = ink.penWidth() / 2 - 1e-9;
                for (Stroke s : ink.strokes()) {
                    for (int p = 0; p < s.size(); p++) {
                        assertTrue(s.x()[p] >= margin && s.x()[p] <= ink.width() - margin, "x in drawing " + i);
                        assertTrue(s.y()[p] >= margin && s.y()[p] <= ink.height() - margin, "y in drawing " + i);
                    }
                }
            }
        }
    }

    @Test
    void digitsVaryInSizeSlantAndPenAsTheConfigurationSays() {
        double minHeight = Double.MAX_VALUE, maxHeight = 0, minPen = Double.MAX_VALUE, maxPen = 0;
        for (int i = 0; i < 300; i++) {
            Ink ink = training.draw(DigitStyle.ONE_PLAIN, i).pageInk();
            double[] b = ink.bounds();
            minHeight = Math.min(minHeight, b[3] - b[1]);
            maxHeight = Math.max(maxHeight, b[3] - b[1]);
            minPen = Math.min(minPen, ink.penWidth());
            maxPen = Math.max(maxPen, ink.penWidth());
        }
        // A plain 1 is about one em high: its height follows the configured share of the 280-unit canvas.
        assertTrue(minHeight < 0.55 * 280 && maxHeight > 0.75 * 280, minHeight + " .. " + maxHeight);
        assertTrue(minPen < 13 && maxPen > 27 && minPen >= 10 && maxPen <= 30, minPen + " .. " + maxPen);
    }

    @Test
    void aDigitDrawnIntoABoxFillsItsHeightAroundItsCentre() {
        Box box = new Box(300, 40, 80, 120);
        for (int i = 0; i < 50; i++) {
            HandwrittenDigit d = training.draw(DigitStyle.EIGHT_PLAIN, i, box);
            double[] b = d.ink(600, 200).bounds();
            double height = b[3] - b[1];
            assertTrue(height > 0.7 * box.height() && height < 1.4 * box.height(), "height " + height);
            double cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2;
            assertEquals(box.x() + box.width() / 2.0, cx, 0.3 * box.height(), "centre x");
            assertEquals(box.y() + box.height() / 2.0, cy, 0.2 * box.height(), "centre y");
            assertTrue(d.penWidth() > 0 && d.penWidth() < 0.3 * box.height(), "pen " + d.penWidth());
        }
    }

    @Test
    void timesRunForwardWithPausesBetweenStrokes() {
        for (int i = 0; i < 100; i++) {
            Ink ink = heldOut.draw(DigitStyle.ONE_CONTINENTAL_FOOT, i).pageInk();
            assertEquals(2, ink.strokes().size());
            double last = -1;
            for (Stroke s : ink.strokes()) {
                assertTrue(s.hasTime() && s.size() >= 2);
                assertTrue(s.time()[0] > last, "a stroke starts after the previous one ended");
                for (int p = 1; p < s.size(); p++) {
                    assertTrue(s.time()[p] >= s.time()[p - 1]);
                }
                last = s.time()[s.size() - 1];
            }
            assertEquals(0, ink.strokes().getFirst().time()[0]);
        }
    }

    @Test
    void strokeOrderAndDirectionVary() {
        int barFirst = 0, reversed = 0;
        for (int i = 0; i < 200; i++) {
            List<Stroke> strokes = training.draw(DigitStyle.SEVEN_CROSSED, i).strokes();
            Stroke first = strokes.getFirst();
            // The bar is the shorter, flatter stroke.
            if (first.size() < strokes.get(1).size()) {
                barFirst++;
            }
            if (first.y()[0] > first.y()[first.size() - 1]) {
                reversed++;
            }
        }
        assertTrue(barFirst > 20 && barFirst < 100, "bar first " + barFirst + " of 200");
        assertTrue(reversed > 10, "drawn upwards " + reversed + " of 200");
    }

    @Test
    void digitsWrittenTogetherFollowEachOtherInTime() {
        HandwrittenDigit a = training.draw(DigitStyle.TWO_LOOPED, 0, new Box(10, 10, 60, 100));
        HandwrittenDigit b = training.draw(DigitStyle.ZERO_SLASHED, 0, new Box(80, 10, 60, 100));
        Ink ink = HandwrittenDigit.together(List.of(a, b), 160, 120);
        assertEquals(a.strokes().size() + b.strokes().size(), ink.strokes().size());
        Stroke lastOfA = ink.strokes().get(a.strokes().size() - 1), firstOfB = ink.strokes().get(a.strokes().size());
        assertTrue(firstOfB.time()[0] > lastOfA.time()[lastOfA.size() - 1]);
        assertEquals(a.penWidth(), ink.penWidth());
    }

    private static void assertSame(HandwrittenDigit expected, HandwrittenDigit actual) {
        assertTrue(sameStrokes(expected, actual), "same drawing");
        assertEquals(expected.penWidth(), actual.penWidth());
    }

    private static boolean sameStrokes(HandwrittenDigit a, HandwrittenDigit b) {
        if (a.strokes().size() != b.strokes().size()) {
            return false;
        }
        for (int i = 0; i < a.strokes().size(); i++) {
            Stroke s = a.strokes().get(i), t = b.strokes().get(i);
            if (!Arrays.equals(s.x(), t.x()) || !Arrays.equals(s.y(), t.y())
                    || !Arrays.equals(s.time(), t.time())) {
                return false;
            }
        }
        return true;
    }
}
