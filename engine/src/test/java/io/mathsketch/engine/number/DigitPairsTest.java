package io.mathsketch.engine.number;

import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.segment.Cutout;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pair reader's labels, the digits answered for a pair, and where a pair is parted. */
class DigitPairsTest {

    @Test
    void labelsAreThePairsInOrderThenNone() {
        assertEquals(101, DigitPairs.LABELS.size());
        assertEquals("00", DigitPairs.LABELS.getFirst());
        assertEquals("47", DigitPairs.LABELS.get(47));
        assertEquals("none", DigitPairs.LABELS.getLast());
    }

    @Test
    void theAnsweredDigitsAreTheBestPairs() {
        float[] p = new float[101];
        p[47] = 0.5f;
        p[41] = 0.2f; // the second digit's runner-up given a 4
        p[97] = 0.1f; // the first digit's runner-up given a 7
        p[11] = 0.15f; // a pair sharing neither digit: no part in either answer
        p[100] = 0.05f;

        int best = DigitPairs.bestPair(p);
        float[][] digits = DigitPairs.digitProbabilities(p, best);

        assertEquals(47, best);
        assertEquals(0.5f / 0.6f, digits[0][4], 1e-6f);
        assertEquals(0.1f / 0.6f, digits[0][9], 1e-6f);
        assertEquals(0.5f / 0.7f, digits[1][7], 1e-6f);
        assertEquals(0.2f / 0.7f, digits[1][1], 1e-6f);
    }

    @Test
    void aPairIsPartedAtItsThinnestMiddleColumnAndTheBoxesMapToTheCandidates() {
        // Two blocks joined by a one-pixel bridge at columns 18-21; the cut-out has a 2-pixel margin.
        int w = 44, h = 24;
        float[] ink = new float[w * h];
        for (int y = 2; y < 22; y++) {
            for (int x = 2; x < 42; x++) {
                boolean left = x < 18, right = x >= 22, bridge = y == 12;
                ink[y * w + x] = left || right || bridge ? 1f : 0f;
            }
        }
        Cutout cutout = new Cutout(new Box(102, 52, 40, 20), new InkImage(w, h, ink));

        List<DigitRegion> parts = new DigitPairs().part(cutout);

        assertEquals(2, parts.size());
        Box left = parts.get(0).box(), right = parts.get(1).box();
        assertEquals(102, left.x());
        assertTrue(left.x() + left.width() <= 122 && left.x() + left.width() >= 116, "left ends in the gap: " + left);
        assertTrue(right.x() >= 116 && right.x() <= 122, "right starts in the gap: " + right);
        assertEquals(142, right.x() + right.width());
        assertEquals(52, left.y());
        assertEquals(20, left.height());
    }
}
