package io.mathsketch.engine.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.DigitReading;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import io.mathsketch.engine.ink.StrokeGroupings;
import io.mathsketch.engine.preprocess.LineCentering;
import io.mathsketch.engine.segment.ReadingSearch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Number mode for ink. With a line reader, the reading the reader finds likelier among the grouping's best. Its ink
 * work: grouping the strokes spends from the request's ink work budget before it is
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

    /** "21" with the 1 written just inside the 2's right edge: one digit by geometry, narrowly. */
    private static final Stroke TWO = Stroke.of(new double[] {40, 120, 120, 40, 125},
            new double[] {40, 40, 140, 240, 240});
    private static final Stroke ONE = Stroke.of(new double[] {118, 118}, new double[] {40, 240});

    /** Sure of a 1 for an input whose ink is a few columns wide, of a 2 for any other. */
    private static final DigitScorer ONE_OR_TWO = digits -> digits.stream().map(d -> {
        int columns = 0;
        for (int x = 0; x < 28; x++) {
            for (int y = 0; y < 28; y++) {
                if (d.pixels()[y * 28 + x] > 0.5f) {
                    columns++;
                    break;
                }
            }
        }
        float[] p = new float[10];
        p[columns <= 5 ? 1 : 2] = 0.99f;
        return p;
    }).toArray(float[][]::new);

    /** A line reader sure of {@code digits}, each held a few steps with blanks between. */
    private static LineScorer sureOf(String digits) {
        return line -> {
            float[][] logits = new float[LineCentering.STEPS][CtcScore.CLASSES];
            for (float[] step : logits) {
                step[CtcScore.BLANK] = 10;
            }
            for (int i = 0; i < digits.length(); i++) {
                for (int t = 4 + 8 * i; t < 8 + 8 * i; t++) {
                    logits[t][CtcScore.BLANK] = 0;
                    logits[t][digits.charAt(i) - '0'] = 10;
                }
            }
            return logits;
        };
    }

    private static String text(List<NumberReader.ScoredRegion> read) {
        StringBuilder b = new StringBuilder();
        read.forEach(r -> b.append(DigitReading.winner(r.probabilities())));
        return b.toString();
    }

    @Test
    void theLineReaderChoosesTheReadingItFindsLikelierAmongTheGroupingsBest() throws RecognitionException {
        Ink ink = new Ink(List.of(TWO, ONE), 560, 280, 16);
        InkNumberReader reader = new InkNumberReader(InputLimits.DEFAULT);
        // The model is as sure of the joined strokes as of each alone, and splitting is not free: one digit.
        assertEquals("2", text(reader.read(ink, ONE_OR_TWO)));
        assertEquals("2", text(reader.read(ink, ONE_OR_TWO, null)), "no line reader: the same reading");
        List<NumberReader.ScoredRegion> read = reader.read(ink, ONE_OR_TWO, sureOf("21"));
        assertEquals("21", text(read));
        // Boxes in the ink's units, each its strokes' (grown by half the pen).
        assertTrue(read.get(0).region().box().x() <= 32 && read.get(1).region().box().x() >= 109,
                read.get(0).region().box() + " " + read.get(1).region().box());
        assertEquals("2", text(reader.read(ink, ONE_OR_TWO, sureOf("2"))));
    }

    @Test
    void inkGroupedIntoMoreDigitsThanTheLineReaderLearntIsReadWithoutIt() throws RecognitionException {
        // "21" narrowly one digit by geometry (so the grouping is not clear), then 1s far apart: one digit over the
        // line reader's bound in all.
        int bound = StrokeGroupings.Weights.DEFAULT.lineDigits();
        List<Stroke> strokes = new ArrayList<>(List.of(TWO, ONE));
        for (int k = 0; k < bound; k++) {
            double x = 200 + 60 * k;
            strokes.add(Stroke.of(new double[] {x, x}, new double[] {40, 240}));
        }
        Ink ink = new Ink(strokes, 200 + 60 * bound + 40, 280, 16);
        LineScorer asked = line -> {
            throw new AssertionError("asked about a line longer than it learnt");
        };

        assertEquals("2" + "1".repeat(bound), text(new InkNumberReader(InputLimits.DEFAULT).read(ink, ONE_OR_TWO,
                asked)));
        InkNumberReader askingLonger = new InkNumberReader(InputLimits.DEFAULT,
                StrokeGroupings.Weights.DEFAULT.with(7, bound + 1), ReadingSearch.Weights.DEFAULT);
        assertThrows(AssertionError.class, () -> askingLonger.read(ink, ONE_OR_TWO, asked));
    }

    @Test
    void theLineIsDrawnFromTheSameBudgetBeforeAnyInference() throws RecognitionException {
        // The 1 drawn back and forth along itself thousands of times: every drawing of it costs its points.
        double[] x = new double[4000], y = new double[4000];
        for (int i = 0; i < x.length; i++) {
            x[i] = 118;
            y[i] = i % 2 == 0 ? 40 : 240;
        }
        Ink ink = new Ink(List.of(TWO, Stroke.of(x, y)), 560, 280, 16);
        // The least budget that reads it without the line reader...
        long least = 10_000; // limits.max-ink-work's least value
        long low = least, high = 100_000_000;
        while (low < high) {
            long mid = (low + high) / 2;
            try {
                new InkNumberReader(InputLimits.builder().maxInkWork(mid).build()).read(ink, ONE_OR_TWO);
                high = mid;
            } catch (RecognitionException.InkTooLarge e) {
                low = mid + 1;
            }
        }
        assertTrue(low > least, "the ink costs more than the least budget: " + low);
        // ... does not cover the line too: refused before the digit model or the line reader is asked.
        InputLimits limits = InputLimits.builder().maxInkWork(low).build();
        LineScorer never = line -> {
            throw new AssertionError("read the line of ink that should have been refused");
        };
        assertThrows(RecognitionException.InkTooLarge.class,
                () -> new InkNumberReader(limits).read(ink, NEVER, never));
    }
}
