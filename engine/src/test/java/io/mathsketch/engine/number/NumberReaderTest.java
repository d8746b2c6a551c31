package io.mathsketch.engine.number;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.TooManyDigits;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.LineCentering;
import io.mathsketch.engine.segment.ReadingSearch;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.SpeckImages;
import io.mathsketch.engine.testing.SyntheticDigits;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Number mode's bounds: the digit limit, and work proportional to what a number needs, not to the canvas. */
class NumberReaderTest {

    /**
     * What one request may allocate for the 4096x4096 attack: the decoder's luminance plane (4 MB: it is decoded
     * reduced to 2048x2048; 16 MB before) plus the segmentation's bounded working set. Reading it at full resolution took over 300 MB (and OutOfMemoryError).
     */
    private static final long ATTACK_ALLOCATION_BOUND = 80L << 20;

    private final NumberReader reader = new NumberReader(InputLimits.DEFAULT);

    @Test
    void aMillionSpecksAreRefusedWithBoundedMemory() {
        byte[] png = SpeckImages.grid(4096, 4, 1);
        assertTrue(png.length < 64 * 1024, "the attack is a small upload: " + png.length + " bytes");

        long allocated = allocatedBy(() -> assertThrows(RecognitionException.class, () -> reader.regions(png)));

        assertTrue(allocated < ATTACK_ALLOCATION_BOUND, "allocated " + (allocated >> 20) + " MB");
    }

    @Test
    void specksThatSurviveShrinkingAreTooManyDigits() {
        // 3x3 specks every 8 pixels: each fills most of a 4x4 cell of the shrunk image, so 262,144 components.
        byte[] png = SpeckImages.grid(4096, 8, 3);

        long allocated = allocatedBy(() -> {
            TooManyDigits e = assertThrows(TooManyDigits.class, () -> reader.regions(png));
            assertTrue(e.getMessage().contains("limits.max-digits"), e.getMessage());
        });

        assertTrue(allocated < ATTACK_ALLOCATION_BOUND, "allocated " + (allocated >> 20) + " MB");
    }

    @Test
    void specksToTheEdgeAreReadAsAPhotoOfBlankPaperWithBoundedMemory() {
        // A border that is not flat takes the photo path, as in digit mode: a million specks are no line of writing.
        for (byte[] png : List.of(SpeckImages.unframed(4096, 4, 1), SpeckImages.unframed(4096, 8, 3))) {
            long allocated = allocatedBy(() -> assertThrows(RecognitionException.BlankImage.class,
                    () -> reader.regions(png)));
            assertTrue(allocated < ATTACK_ALLOCATION_BOUND, "allocated " + (allocated >> 20) + " MB");
        }
    }

    @Test
    void theDigitLimitIsTheConfiguredOne() throws RecognitionException {
        byte[] png = row(SyntheticDigits.draw("1", 80, 0.1), SyntheticDigits.draw("7", 80, 0.1),
                SyntheticDigits.draw("2", 80, 0.1));
        NumberReader three = new NumberReader(InputLimits.builder().maxDigits(3).build());
        NumberReader two = new NumberReader(InputLimits.builder().maxDigits(2).build());

        assertEquals(3, three.regions(png).size());
        assertThrows(TooManyDigits.class, () -> two.regions(png));
    }

    @Test
    void aLargeImageIsReadShrunkAndItsBoxesAreInSourceCoordinates() throws RecognitionException {
        // 3000x1200 of ink box: over the working size, so the reader works on a copy shrunk by 2.
        InkImage one = SyntheticDigits.draw("1", 1000, 0.08), seven = SyntheticDigits.draw("7", 1000, 0.08);
        CanvasRenderer canvas = CanvasRenderer.white(2400, 1300);
        byte[] png = canvas.png(CanvasRenderer.place(one, 300, 100, 1), CanvasRenderer.place(seven, 1400, 100, 1));

        List<DigitRegion> regions = reader.regions(png);

        assertEquals(2, regions.size());
        Box first = regions.get(0).box(), second = regions.get(1).box();
        assertTrue(first.x() >= 300 && first.x() + first.width() <= 300 + one.width(), first.toString());
        assertTrue(second.x() >= 1400 && second.x() + second.width() <= 1400 + seven.width(), second.toString());
        assertTrue(second.height() > 900 && second.height() < 1200, second.toString());
    }

    @Test
    void aCandidateThePairReaderIsSureOfIsAnsweredAsItsTwoDigitsEachInItsOwnBox() throws RecognitionException {
        InkImage one = SyntheticDigits.draw("1", 100, 0.08), seven = SyntheticDigits.draw("7", 100, 0.08);
        // The 7's strokes start 25 pixels after the 1's end: the pair is wider than either digit.
        int[] oneInk = inkSpan(one), sevenInk = inkSpan(seven);
        int sevenAt = 20 + oneInk[1] + 25 - sevenInk[0];
        byte[] png = CanvasRenderer.white(sevenAt + seven.width() + 20, 140).png(List.of(
                CanvasRenderer.place(one, 20, 20, 1), CanvasRenderer.place(seven, sevenAt, 20, 1)));
        // The digit model is unsure of everything (a 3 at 0.12); the pair reader reads "17" in whatever spans both.
        DigitScorer unsure = digits -> digits.stream().map(d -> {
            float[] p = new float[10];
            java.util.Arrays.fill(p, 0.88f / 9);
            p[3] = 0.12f;
            return p;
        }).toArray(float[][]::new);
        DigitScorer pairs = digits -> digits.stream().map(d -> {
            float[] p = new float[DigitPairs.LABELS.size()];
            p[inkColumns(d.pixels()) >= 16 ? 17 : DigitPairs.PAIRS] = 0.99f;
            return p;
        }).toArray(float[][]::new);

        List<NumberReader.ScoredRegion> without = reader.read(png, unsure, null, null);
        List<NumberReader.ScoredRegion> with = reader.read(png, unsure, null, pairs);

        assertEquals("33", text(without));
        assertEquals("17", text(with));
        Box first = with.get(0).region().box(), second = with.get(1).region().box();
        assertTrue(first.x() >= 20 + oneInk[0] - 2 && first.x() + first.width() <= 20 + oneInk[1] + 2,
                first.toString());
        assertTrue(second.x() >= sevenAt + sevenInk[0] - 2 && second.x() + second.width() <= sevenAt + sevenInk[1] + 2,
                second.toString());
    }

    @Test
    void aLineReaderSureOfOneDigitTurnsTwoUnsureDigitsIntoOne() throws RecognitionException {
        InkImage one = SyntheticDigits.draw("1", 100, 0.08), seven = SyntheticDigits.draw("7", 100, 0.08);
        int[] oneInk = inkSpan(one), sevenInk = inkSpan(seven);
        int sevenAt = 20 + oneInk[1] + 25 - sevenInk[0];
        byte[] png = CanvasRenderer.white(sevenAt + seven.width() + 20, 140).png(List.of(
                CanvasRenderer.place(one, 20, 20, 1), CanvasRenderer.place(seven, sevenAt, 20, 1)));
        // The digit model reads a 3 at 0.12 in every candidate; the line reader reads one 3 and blanks.
        DigitScorer unsure = digits -> digits.stream().map(d -> {
            float[] p = new float[10];
            java.util.Arrays.fill(p, 0.88f / 9);
            p[3] = 0.12f;
            return p;
        }).toArray(float[][]::new);
        LineScorer oneThree = line -> {
            float[][] logits = new float[LineCentering.STEPS][CtcScore.CLASSES];
            for (int t = 0; t < logits.length; t++) {
                logits[t][t == 5 ? 3 : CtcScore.BLANK] = 40;
            }
            return logits;
        };

        List<NumberReader.ScoredRegion> without = reader.read(png, unsure, null, null, null);
        List<NumberReader.ScoredRegion> with = reader.read(png, unsure, null, null, oneThree);

        assertEquals("33", text(without));
        assertEquals("3", text(with));
        Box box = with.getFirst().region().box();
        assertTrue(box.x() <= 20 + oneInk[0] + 2 && box.x() + box.width() >= sevenAt + sevenInk[1] - 2,
                "the segmentation's box of both: " + box);
    }

    @Test
    void aLineReaderFarSurerOfOtherDigitsIsAnsweredWithItsOwnBoxesAndProbabilities() throws RecognitionException {
        InkImage one = SyntheticDigits.draw("1", 100, 0.08), seven = SyntheticDigits.draw("7", 100, 0.08);
        int[] oneInk = inkSpan(one), sevenInk = inkSpan(seven);
        int sevenAt = 20 + oneInk[1] + 25 - sevenInk[0], width = sevenAt + seven.width() + 20, height = 140;
        byte[] png = CanvasRenderer.white(width, height).png(List.of(
                CanvasRenderer.place(one, 20, 20, 1), CanvasRenderer.place(seven, sevenAt, 20, 1)));
        // The digit model reads a 3 at 0.12 in every candidate; the line reader reads a 1 and a 7 where the field's
        // two runs of ink are.
        List<NumberReader.ScoredRegion> read = reader.read(png, UNSURE_THREE, null, null, readsAtInk("17"));

        assertEquals("17", text(read));
        Box first = read.get(0).region().box(), second = read.get(1).region().box();
        assertTrue(first.x() >= 20 + oneInk[0] - 2 && first.x() + first.width() <= 20 + oneInk[1] + 2,
                first.toString());
        assertTrue(second.x() >= sevenAt + sevenInk[0] - 2 && second.x() + second.width() <= sevenAt + sevenInk[1] + 2,
                second.toString());
        for (NumberReader.ScoredRegion r : read) {
            Box b = r.region().box();
            assertTrue(b.y() >= 0 && b.y() + b.height() <= height && b.height() > 60, b.toString());
            assertTrue(inkColumns(r.region().digit().pixels()) >= 3, "the digit's image holds its ink");
            float sum = 0;
            for (float p : r.probabilities()) {
                sum += p;
            }
            assertEquals(10, r.probabilities().length);
            assertEquals(1, sum, 1e-4);
        }
        // Without the line reader's own reading (an infinite margin), the segmentation's reading stands.
        NumberReader never = new NumberReader(new ImagePreprocessor(InputLimits.DEFAULT), InputLimits.DEFAULT,
                ReadingSearch.Weights.DEFAULT.with(13, Double.POSITIVE_INFINITY));
        assertEquals("33", text(never.read(png, UNSURE_THREE, null, null, readsAtInk("17"))));
    }

    @Test
    void onAPhotoTheLineReadersOwnReadingIsNotAnswered() throws RecognitionException {
        InkImage one = SyntheticDigits.draw("1", 100, 0.08), seven = SyntheticDigits.draw("7", 100, 0.08);
        int width = 300, height = 140;
        java.awt.image.BufferedImage image = CanvasRenderer.white(width, height).image(List.of(
                CanvasRenderer.place(one, 20, 20, 1), CanvasRenderer.place(seven, 160, 20, 1)));
        // The same drawing photographed: paper darker to the right, and sensor grain.
        java.util.Random grain = new java.util.Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = (image.getRGB(x, y) & 0xff) * (0.95 - 0.3 * x / width) + 3 * grain.nextGaussian();
                int g = (int) Math.clamp(Math.round(v), 0, 255);
                image.setRGB(x, y, new java.awt.Color(g, g, g).getRGB());
            }
        }
        byte[] photo = CanvasRenderer.encode(image, "png"), canvas = CanvasRenderer.encode(
                CanvasRenderer.white(width, height).image(List.of(CanvasRenderer.place(one, 20, 20, 1),
                        CanvasRenderer.place(seven, 160, 20, 1))), "png");

        assertEquals("17", text(reader.read(canvas, UNSURE_THREE, null, null, readsAtInk("17"))));
        assertEquals("33", text(reader.read(photo, UNSURE_THREE, null, null, readsAtInk("17"))));
    }

    @Test
    void aLineReadersDigitWhereThereIsNoInkLeavesTheSegmentationsReading() throws RecognitionException {
        byte[] png = row(SyntheticDigits.draw("1", 100, 0.08), SyntheticDigits.draw("7", 100, 0.08));
        // A third digit read far right of the ink, in the field's blank part: it has no box, so it is not answered.
        LineScorer ghost = line -> {
            float[][] logits = readsAtInk("17").logits(line);
            logits[LineCentering.STEPS - 2][CtcScore.BLANK] = 0;
            logits[LineCentering.STEPS - 2][4] = 40;
            return logits;
        };

        assertEquals("33", text(reader.read(png, UNSURE_THREE, null, null, ghost)));
    }

    @Test
    void aLineReadersOwnReadingWithinTheDigitLimitIsAnsweredWhereTheSegmentationsWouldBeOverIt()
            throws RecognitionException {
        // Two digits far apart: the segmentation reads two, one over the limit; the line reader reads one 4 at the
        // first, far likelier than the segmentation's digits, and its reading is the one answered.
        InkImage one = SyntheticDigits.draw("1", 100, 0.08), seven = SyntheticDigits.draw("7", 100, 0.08);
        byte[] png = CanvasRenderer.white(460, 140).png(List.of(CanvasRenderer.place(one, 20, 20, 1),
                CanvasRenderer.place(seven, 320, 20, 1)));
        InputLimits oneDigit = InputLimits.builder().maxDigits(1).build();
        NumberReader reader = new NumberReader(oneDigit);

        List<NumberReader.ScoredRegion> read = reader.read(png, UNSURE_THREE, null, null, readsAtInk("4"));

        assertEquals("4", text(read));
        // Without the line reader's own reading (an infinite margin) the segmentation's reading is answered: refused.
        NumberReader never = new NumberReader(new ImagePreprocessor(oneDigit), oneDigit,
                ReadingSearch.Weights.DEFAULT.with(13, Double.POSITIVE_INFINITY));
        assertThrows(TooManyDigits.class, () -> never.read(png, UNSURE_THREE, null, null, readsAtInk("4")));
    }

    @Test
    void aLineLongerThanTheLineReaderLearntIsReadByTheSearchAlone() throws RecognitionException {
        int digits = ReadingSearch.Weights.DEFAULT.lineDigits() + 1;
        InkImage[] ones = new InkImage[digits];
        java.util.Arrays.fill(ones, SyntheticDigits.draw("1", 60, 0.08));
        byte[] png = row(ones);

        // A line reader sure of "17", far likelier than the search's threes: answered whenever it is asked.
        assertEquals("3".repeat(digits), text(reader.read(png, UNSURE_THREE, null, null, readsAtInk("17"))));
        NumberReader asked = new NumberReader(new ImagePreprocessor(InputLimits.DEFAULT), InputLimits.DEFAULT,
                ReadingSearch.Weights.DEFAULT.with(14, digits));
        assertEquals("17", text(asked.read(png, UNSURE_THREE, null, null, readsAtInk("17"))));
    }

    /** The digit model unsure of everything: a 3 at 0.12. */
    private static final DigitScorer UNSURE_THREE = digits -> digits.stream().map(d -> {
        float[] p = new float[10];
        java.util.Arrays.fill(p, 0.88f / 9);
        p[3] = 0.12f;
        return p;
    }).toArray(float[][]::new);

    /** A line reader sure of {@code digits}, the i-th at the steps of the field's i-th run of ink columns. */
    private static LineScorer readsAtInk(String digits) {
        return line -> {
            float[][] logits = new float[LineCentering.STEPS][CtcScore.CLASSES];
            for (float[] row : logits) {
                row[CtcScore.BLANK] = 40;
            }
            int run = 0, start = -1;
            for (int x = 0; x <= LineCentering.WIDTH; x++) {
                boolean ink = false;
                for (int y = 0; x < LineCentering.WIDTH && y < LineCentering.HEIGHT; y++) {
                    ink |= line[y * LineCentering.WIDTH + x] >= 0.1f;
                }
                if (ink && start < 0) {
                    start = x;
                } else if (!ink && start >= 0) {
                    // Every step wholly inside the run, or the middle one when none is.
                    int from = Math.ceilDiv(start, LineCentering.STEP), to = x / LineCentering.STEP - 1;
                    if (to < from) {
                        from = to = (start + x) / 2 / LineCentering.STEP;
                    }
                    for (int step = from; step <= to && run < digits.length(); step++) {
                        logits[step][CtcScore.BLANK] = 0;
                        logits[step][digits.charAt(run) - '0'] = 40;
                    }
                    run++;
                    start = -1;
                }
            }
            return logits;
        };
    }

    @Test
    void withAVerifierEachDigitIsTheOneBothModelsFavour() throws RecognitionException {
        byte[] png = row(SyntheticDigits.draw("1", 80, 0.1), SyntheticDigits.draw("7", 80, 0.1));
        // The digit model leans to 3 over 8 in everything; the verifier is sure that only an 8 would be whole.
        DigitScorer leaning = digits -> digits.stream().map(d -> {
            float[] p = new float[10];
            p[3] = 0.55f;
            p[8] = 0.45f;
            return p;
        }).toArray(float[][]::new);
        DigitScorer verifier = digits -> digits.stream().map(d -> {
            float[] p = new float[DigitVerifier.LABELS.size()];
            p[8] = 0.9f;
            p[DigitVerifier.NOT_ONE_DIGIT] = 0.1f;
            return p;
        }).toArray(float[][]::new);

        String without = text(reader.read(png, leaning, null, null));
        String with = text(reader.read(png, leaning, verifier, null));

        assertTrue(without.matches("3+"), without);
        assertTrue(with.matches("8+"), with);
    }

    private static String text(List<NumberReader.ScoredRegion> read) {
        StringBuilder b = new StringBuilder();
        for (NumberReader.ScoredRegion r : read) {
            int best = 0;
            for (int l = 1; l < r.probabilities().length; l++) {
                best = r.probabilities()[l] > r.probabilities()[best] ? l : best;
            }
            b.append(best);
        }
        return b.toString();
    }

    /** First and past-last column of a drawing's ink. */
    private static int[] inkSpan(InkImage d) {
        int first = d.width(), last = -1;
        for (int p = 0; p < d.ink().length; p++) {
            if (d.ink()[p] >= 0.1f) {
                first = Math.min(first, p % d.width());
                last = Math.max(last, p % d.width());
            }
        }
        return new int[] {first, last + 1};
    }

    /** Columns of a centred input that hold ink. */
    private static int inkColumns(float[] pixels) {
        int columns = 0;
        for (int x = 0; x < 28; x++) {
            boolean ink = false;
            for (int y = 0; y < 28; y++) {
                ink |= pixels[y * 28 + x] >= 0.1f;
            }
            columns += ink ? 1 : 0;
        }
        return columns;
    }

    private static byte[] row(InkImage... digits) {
        List<CanvasRenderer.Placement> row = new ArrayList<>();
        int x = 20;
        for (InkImage d : digits) {
            row.add(CanvasRenderer.place(d, x, 20, 1));
            x += d.width() + 20;
        }
        return CanvasRenderer.white(x + 20, 140).png(row);
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
