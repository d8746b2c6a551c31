package io.mathsketch.engine.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Number mode for ink. Its ink work: grouping the strokes spends from the request's ink work budget before it is
 * done, and ink too costly to draw even as one digit is refused before its strokes are grouped; both refusals come
 * before any scoring, and before {@code TooManyDigits}, which only the grouping could tell.
 */
class InkNumberReaderTest {

    private static final DigitScorer NEVER = digits -> {
        throw new AssertionError("scored " + digits.size() + " digits of ink that should have been refused");
    };

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

    @Test
    void strokesEnoughToMakeGroupingCostlyAreRefusedBeforeTheyAreGrouped() {
        // 3,000 short strokes side by side: cheap to draw, but 3,000 digits begun, each tested against the others.
        List<Stroke> strokes = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            strokes.add(Stroke.of(new double[] {10.0 * i, 10.0 * i}, new double[] {0, 200}));
        }
        Ink ink = new Ink(strokes, 30_000, 200, 4);
        InkNumberReader reader = new InkNumberReader(InputLimits.DEFAULT);
        assertThrows(RecognitionException.InkTooLarge.class, () -> reader.read(ink, NEVER));
    }

    @Test
    void inkTooCostlyToDrawAsOneDigitIsRefusedBeforeItsStrokesAreGrouped() {
        // 40 digits side by side (more than max-digits), each a zigzag of 2,000 points: grouping them is cheap,
        // drawing them is not.
        List<Stroke> strokes = new ArrayList<>();
        for (int d = 0; d < 40; d++) {
            double[] x = new double[2000], y = new double[2000];
            for (int i = 0; i < x.length; i++) {
                x[i] = 100.0 * d + 20 + 60.0 * i / x.length;
                y[i] = i % 2 == 0 ? 0 : 200;
            }
            strokes.add(Stroke.of(x, y));
        }
        Ink ink = new Ink(strokes, 4000, 200, 4);
        InputLimits limits = InputLimits.builder().maxInkWork(300_000).build();
        assertThrows(RecognitionException.InkTooLarge.class, () -> new InkNumberReader(limits).read(ink, NEVER));
    }
}
