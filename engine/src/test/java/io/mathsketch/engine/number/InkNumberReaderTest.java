package io.mathsketch.engine.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import java.util.List;
import org.junit.jupiter.api.Test;

class InkNumberReaderTest {

    /** Sure of a 1 for any input with ink, and refuses an input that is not a number. */
    private static final DigitScorer ONES = digits -> digits.stream().map(d -> {
        for (float v : d.pixels()) {
            if (!Float.isFinite(v)) {
                throw new AssertionError("a digit's pixel is " + v);
            }
        }
        float[] p = new float[10];
        p[1] = 1;
        return p;
    }).toArray(float[][]::new);

    private static Stroke bar(double x) {
        return Stroke.of(new double[] {x, x}, new double[] {100, 600});
    }

    @Test
    void twoBarsAreTwoDigits() throws RecognitionException {
        Ink ink = new Ink(List.of(bar(100), bar(400)), 1000, 1000, 40);
        assertEquals(2, new InkNumberReader(InputLimits.DEFAULT).read(ink, ONES).size());
    }

    @Test
    void aPenTooFineToLeaveInkIsABlankNumber() {
        // Once a 500: a scribble 1,000 units wide under the finest pen leaves no grey level at the model's size, which
        // the reader took for a broken invariant.
        java.util.Random random = new java.util.Random(4);
        double[] xs = new double[20], ys = new double[20];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = random.nextInt(1000);
            ys[i] = random.nextInt(1000);
        }
        Ink ink = new Ink(List.of(Stroke.of(xs, ys)), 100_000, 100_000, Ink.MIN_SIZE);
        assertThrows(RecognitionException.BlankImage.class,
                () -> new InkNumberReader(InputLimits.DEFAULT).read(ink, ONES));
    }
}
