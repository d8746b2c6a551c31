package io.mathsketch.engine.segment;

import io.mathsketch.engine.image.Box;

import io.mathsketch.engine.testing.PixelCorrelation;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.RecognitionException.TooManyDigits;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.number.NumberReader;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.CanvasRenderer.Placement;
import io.mathsketch.engine.testing.SyntheticDigits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers written left to right: every digit found once, in order, holding the strokes of the digit it was drawn
 * from (checked by comparing each region with every source digit).
 */
class NumberSegmenterTest {

    private static final MnistSubset MNIST = MnistSubset.load();
    private final NumberSegmenter segmenter = new NumberSegmenter();
    private final ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
    private final NumberReader numbers = new NumberReader(InputLimits.DEFAULT);

    @ParameterizedTest(name = "{0} with gaps {1}")
    @CsvSource(delimiter = ';', value = {
        "2026; 12 -20 -26",
        "31415; 0 -16 8 -24",
        "90817; -24 20 -12 -28",
        "7350; 40 -30 -10",
        "68; -26"})
    void readsNumbersComposedOfMnistDigits(String number, String gapList) throws RecognitionException {
        List<DigitImage> sources = mnistDigits(number);
        int[] gaps = java.util.Arrays.stream(gapList.split(" ")).mapToInt(Integer::parseInt).toArray();
        List<Placement> row = CanvasRenderer.row(sources, 20, 30, 4, gaps);
        CanvasRenderer canvas = CanvasRenderer.white(40 + 112 * number.length(), 180);

        List<DigitRegion> regions = numbers.regions(canvas.png(row));

        assertEquals(number.length(), regions.size(), "regions of " + number);
        for (int i = 0; i < regions.size(); i++) {
            assertEquals(i, closest(regions.get(i).digit(), sources), "region " + i + " of " + number);
            Box box = regions.get(i).box();
            int left = row.get(i).x(), right = left + 112;
            assertTrue(box.x() >= left && box.x() + box.width() <= right, "box " + box + " within " + left + ".." + right);
        }
    }

    @Test
    void regionsHoldOnlyTheirOwnStrokes() throws RecognitionException {
        // The 2's and 6's boxes overlap the 0's columns; a neighbour's strokes must not leak into the cut-out digit.
        List<DigitImage> sources = mnistDigits("206");
        CanvasRenderer canvas = CanvasRenderer.white(400, 160);
        List<Placement> row = CanvasRenderer.row(sources, 10, 10, 4, -30, -30);

        List<DigitRegion> regions = segment(new InkImage(400, 160, canvas.inkField(row)));

        assertEquals(3, regions.size());
        for (int i = 0; i < 3; i++) {
            DigitImage alone = preprocessor.digit(canvas.png(row.get(i)));
            assertTrue(PixelCorrelation.of(alone.pixels(), regions.get(i).digit().pixels()) > 0.97, "region " + i);
        }
    }

    @Test
    void brokenStrokesArePutBackTogether() throws BlankImage {
        List<InkImage> sources = List.of(SyntheticDigits.draw("1", 100, 0.08),
                SyntheticDigits.draw("5-detached-bar", 100, 0.08), SyntheticDigits.draw("4-two-strokes", 100, 0.08),
                SyntheticDigits.draw("7", 100, 0.08));
        List<Placement> row = new ArrayList<>();
        int x = 15;
        for (InkImage source : sources) {
            row.add(CanvasRenderer.place(source, x, 20, 1));
            x += source.width() + 14;
        }
        CanvasRenderer canvas = CanvasRenderer.white(x + 15, 160);

        List<DigitRegion> regions = segment(new InkImage(x + 15, 160, canvas.inkField(row)));

        assertEquals(4, regions.size());
        List<DigitImage> centred = new ArrayList<>();
        for (InkImage source : sources) {
            centred.add(new MnistCentering().center(source));
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(i, closest(regions.get(i).digit(), centred), "region " + i);
        }
    }

    @Test
    void digitsJoinedByALigatureAreSplit() throws BlankImage {
        InkImage two = SyntheticDigits.draw("2", 100, 0.09);
        InkImage three = SyntheticDigits.draw("3", 100, 0.09);
        List<Placement> row = List.of(CanvasRenderer.place(two, 10, 10, 1), CanvasRenderer.place(three, 98, 10, 1));
        float[] ink = CanvasRenderer.white(220, 140).inkField(row);
        // A cursive connection from the end of the 2's base (79, 119) to the tail of the 3 (109, 109).
        for (int x = 79; x <= 109; x++) {
            int y = 119 - (x - 79) / 3;
            for (int dy = -1; dy <= 1; dy++) {
                ink[(y + dy) * 220 + x] = 1f;
            }
        }
        InkImage image = new InkImage(220, 140, ink);
        assertEquals(1, StrokeMap.of(image, NumberSegmenter.STROKE_THRESHOLD).count, "the digits must touch");

        List<DigitRegion> regions = segment(image);

        assertEquals(2, regions.size());
        List<DigitImage> centred = List.of(new MnistCentering().center(two), new MnistCentering().center(three));
        assertEquals(0, closest(regions.get(0).digit(), centred));
        assertEquals(1, closest(regions.get(1).digit(), centred));
        Box first = regions.get(0).box(), second = regions.get(1).box();
        assertTrue(first.x() + first.width() <= 109 && second.x() >= 79, first + " " + second);
    }

    @Test
    void specksAreIgnored() throws BlankImage {
        List<DigitImage> sources = mnistDigits("42");
        CanvasRenderer canvas = CanvasRenderer.white(300, 160);
        float[] ink = canvas.inkField(CanvasRenderer.row(sources, 20, 20, 4, 10));
        for (int[] speck : new int[][] {{5, 5}, {150, 150}, {290, 80}, {140, 10}}) {
            ink[speck[1] * 300 + speck[0]] = 1f;
            ink[speck[1] * 300 + speck[0] + 1] = 0.8f;
        }

        List<DigitRegion> regions = segment(new InkImage(300, 160, ink));

        assertEquals(2, regions.size());
        assertEquals(0, closest(regions.get(0).digit(), sources));
        assertEquals(1, closest(regions.get(1).digit(), sources));
    }

    @Test
    void singleDigitGivesOneRegionWithItsBox() throws BlankImage {
        InkImage seven = SyntheticDigits.draw("7", 80, 0.1);
        float[] ink = new float[200 * 150];
        for (int y = 0; y < seven.height(); y++) {
            System.arraycopy(seven.ink(), y * seven.width(), ink, (y + 30) * 200 + 50, seven.width());
        }

        List<DigitRegion> regions = segment(new InkImage(200, 150, ink));

        assertEquals(1, regions.size());
        Box box = regions.get(0).box();
        assertTrue(box.x() >= 50 && box.x() < 50 + 10 && box.y() >= 30 && box.y() < 30 + 10, box.toString());
        assertTrue(box.height() >= 80 && box.height() <= 80 + 10, box.toString());
    }

    @Test
    void blankImageHasNoDigits() {
        assertThrows(BlankImage.class, () -> segment(new InkImage(50, 40, new float[2000])));
    }

    /** The segmenter's cut-outs, each centred as number mode centres them. */
    private List<DigitRegion> segment(InkImage image) throws BlankImage {
        List<DigitRegion> regions = new ArrayList<>();
        try {
            for (Cutout cutout : segmenter.segment(image, InputLimits.DEFAULT.maxDigits())) {
                regions.add(new DigitRegion(cutout.box(), new MnistCentering().center(cutout.ink())));
            }
        } catch (TooManyDigits e) {
            throw new AssertionError(e);
        }
        return regions;
    }

    /** MNIST test digits with the given labels, a different instance for each repeated label. */
    private static List<DigitImage> mnistDigits(String labels) {
        List<DigitImage> digits = new ArrayList<>();
        int[] used = new int[10];
        for (char c : labels.toCharArray()) {
            int label = c - '0';
            int seen = 0;
            for (int i = 0; i < MNIST.count(); i++) {
                if (MNIST.labels().label(i) == label && seen++ == used[label]) {
                    digits.add(MNIST.images().digit(i));
                    used[label]++;
                    break;
                }
            }
        }
        return digits;
    }

    private static int closest(DigitImage region, List<DigitImage> sources) {
        int best = -1;
        double bestCorrelation = -2;
        for (int i = 0; i < sources.size(); i++) {
            double c = PixelCorrelation.of(region.pixels(), sources.get(i).pixels());
            if (c > bestCorrelation) {
                bestCorrelation = c;
                best = i;
            }
        }
        return best;
    }

}
