package io.mathsketch.engine.segment;

import io.mathsketch.engine.image.InkImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Components, their scales and the speck rule both segmenters share. */
class StrokeMapTest {

    private static final int W = 40, H = 20;

    @Test
    void labelsComponentsGivesFringeToTheStrokeItTouchesAndTellsSpecks() {
        float[] ink = new float[W * H];
        fill(ink, 2, 2, 10, 15, 1f);   // 150 stroke pixels, 15 tall
        fill(ink, 20, 3, 8, 12, 0.8f); // 96 stroke pixels, 12 tall
        fill(ink, 35, 2, 1, 1, 1f);    // a speck
        ink[17 * W + 6] = 0.1f;         // faint ink just below the first stroke
        StrokeMap map = StrokeMap.of(new InkImage(W, H, ink), 0.3f);

        assertEquals(3, map.count);
        assertEquals(15, map.tallest);
        assertEquals(150, map.largest);
        int first = map.labels[2 * W + 2], second = map.labels[3 * W + 20], speck = map.labels[2 * W + 35];
        assertEquals(0, map.labels[17 * W + 6], "faint ink is no stroke");
        assertEquals(first, map.owners[17 * W + 6], "but belongs to the stroke it touches");
        assertFalse(map.isSpeck(first));
        assertFalse(map.isSpeck(second));
        assertTrue(map.isSpeck(speck));
        assertEquals(2, map.countNotSpecks());
    }

    @Test
    void aSpeckIsBothFewPixelsAndShort() {
        assertTrue(StrokeMap.isSpeck(2, 2, 100, 10));
        assertFalse(StrokeMap.isSpeck(3, 2, 100, 10), "3% of the largest's pixels is no speck");
        assertFalse(StrokeMap.isSpeck(2, 3, 100, 10), "30% of the tallest's height is no speck");
    }

    private static void fill(float[] ink, int x, int y, int w, int h, float value) {
        for (int yy = y; yy < y + h; yy++) {
            for (int xx = x; xx < x + w; xx++) {
                ink[yy * W + xx] = value;
            }
        }
    }
}
