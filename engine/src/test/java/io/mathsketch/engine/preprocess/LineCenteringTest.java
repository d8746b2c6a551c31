package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.InkImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The line reader's field: the line's ink box fitted 20 pixels high from the left margin, or narrower to fit. */
class LineCenteringTest {

    private final LineCentering centering = new LineCentering();

    @Test
    void aLineIsFittedToTheDigitHeightFromTheLeftMargin() throws RecognitionException {
        // A bar 200 x 100 pixels at (50, 30) of a 400 x 200 image: fitted 40 x 20 at (2, 2).
        float[] field = centering.center(bar(400, 200, 50, 30, 200, 100));
        int[] box = box(field);
        assertEquals(LineCentering.MARGIN, box[0]);
        assertEquals(LineCentering.MARGIN, box[1]);
        assertEquals(40, box[2] - box[0]);
        assertEquals(LineCentering.INK_HEIGHT, box[3] - box[1]);
    }

    @Test
    void aLineTooLongForTheFieldIsShrunkToItsWidth() throws RecognitionException {
        float[] field = centering.center(bar(3000, 100, 0, 0, 3000, 100));
        int[] box = box(field);
        assertEquals(LineCentering.WIDTH - 2 * LineCentering.MARGIN, box[2] - box[0]);
        assertTrue(box[3] - box[1] < LineCentering.INK_HEIGHT, "shorter than a digit: " + (box[3] - box[1]));
    }

    @Test
    void aFieldColumnMapsBackToTheImageColumnItWasResampledFrom() throws RecognitionException {
        // The same bar: image columns 50-250 became field columns 2-42, five image columns to one.
        LineCentering.FittedLine line = centering.fit(bar(400, 200, 50, 30, 200, 100));
        assertEquals(50, line.inkColumn(LineCentering.MARGIN), 1e-9);
        assertEquals(250, line.inkColumn(LineCentering.MARGIN + 40), 1e-9);
        assertEquals(100, line.inkColumn(LineCentering.MARGIN + 10), 1e-9);
        assertArrayEquals(centering.center(bar(400, 200, 50, 30, 200, 100)), line.field());
    }

    @Test
    void aBlankImageIsRejected() {
        assertThrows(RecognitionException.BlankImage.class, () -> centering.center(new InkImage(10, 10,
                new float[100])));
    }

    private static InkImage bar(int width, int height, int x0, int y0, int w, int h) {
        float[] ink = new float[width * height];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                ink[y * width + x] = 1;
            }
        }
        return new InkImage(width, height, ink);
    }

    /** {x0, y0, x1, y1} of the field's pixels over one half. */
    private static int[] box(float[] field) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
        for (int y = 0; y < LineCentering.HEIGHT; y++) {
            for (int x = 0; x < LineCentering.WIDTH; x++) {
                if (field[y * LineCentering.WIDTH + x] > 0.5f) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x + 1);
                    y1 = Math.max(y1, y + 1);
                }
            }
        }
        return new int[] {x0, y0, x1, y1};
    }
}
