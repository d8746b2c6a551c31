package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A pair is fitted into the field's whole width and the MNIST height, its box centred, whatever its ink's mass. */
class PairCenteringTest {

    private final PairCentering centering = new PairCentering();

    @Test
    void aWidePairFillsTheFieldsWidthAndKeepsItsAspect() throws RecognitionException {
        // 200 x 50 of ink (4:1): 28 x 7 in the field, rows 10-16 (the box centred, not the heavier left blob).
        DigitImage pair = centering.center(blobs(240, 100, 20, 25, 200, 50, 120));

        assertArrayEquals(new int[] {0, 10, 28, 17}, inkBox(pair));
    }

    @Test
    void aTallPairKeepsTheMnistHeight() throws RecognitionException {
        // 60 x 60: 20 x 20, centred at columns 4-23.
        DigitImage pair = centering.center(blobs(100, 100, 20, 20, 60, 60, 40));

        assertArrayEquals(new int[] {4, 4, 24, 24}, inkBox(pair));
    }

    @Test
    void blankInkIsBlank() {
        assertThrows(RecognitionException.BlankImage.class, () -> centering.center(new InkImage(10, 10,
                new float[100])));
    }

    /** A box {@code w} x {@code h} at (x, y) with ink in its left {@code left} columns and its rightmost two. */
    private static InkImage blobs(int width, int height, int x, int y, int w, int h, int left) {
        float[] ink = new float[width * height];
        for (int r = y; r < y + h; r++) {
            for (int c = x; c < x + w; c++) {
                ink[r * width + c] = c < x + left || c >= x + w - 2 ? 1f : 0f;
            }
        }
        return new InkImage(width, height, ink);
    }

    /** {x0, y0, x1, y1} of the pixels at or above the ink threshold. */
    private static int[] inkBox(DigitImage d) {
        int x0 = DigitImage.SIDE, y0 = DigitImage.SIDE, x1 = -1, y1 = -1;
        for (int p = 0; p < DigitImage.SIZE; p++) {
            if (d.pixels()[p] >= MnistCentering.INK_THRESHOLD) {
                x0 = Math.min(x0, p % DigitImage.SIDE);
                x1 = Math.max(x1, p % DigitImage.SIDE + 1);
                y0 = Math.min(y0, p / DigitImage.SIDE);
                y1 = Math.max(y1, p / DigitImage.SIDE + 1);
            }
        }
        assertEquals(true, x1 > 0, "ink in the field");
        return new int[] {x0, y0, x1, y1};
    }
}
