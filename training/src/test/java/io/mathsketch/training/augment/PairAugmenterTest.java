package io.mathsketch.training.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.preprocess.PairCentering;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link DigitAugmenter#forPairs()}: distorted pairs keep both digits whole and are centred as number mode does. */
class PairAugmenterTest {

    private static final int PAIRS = 100;
    private static final MnistImages PAIR_IMAGES = pairs();
    private final DigitAugmenter augmenter = DigitAugmenter.forPairs();

    @Test
    void sameRandomStateGivesTheSamePair() {
        assertArrayEquals(augmenter.augment(PAIR_IMAGES, 5, new SplittableRandom(3)).pixels(),
                augmenter.augment(PAIR_IMAGES, 5, new SplittableRandom(3)).pixels());
        assertFalse(Arrays.equals(augmenter.augment(PAIR_IMAGES, 5, new SplittableRandom(3)).pixels(),
                augmenter.augment(PAIR_IMAGES, 5, new SplittableRandom(4)).pixels()));
    }

    @Test
    void variantsAreCentredThePairWayWithBothDigitsWhole() {
        for (int i = 0; i < PAIRS; i++) {
            float[] p = augmenter.augment(PAIR_IMAGES, i, new SplittableRandom(i)).pixels();
            int[] box = bounds(p);
            int w = box[2] - box[0] + 1, h = box[3] - box[1] + 1;
            // PairCentering fits the ink box into 28 x 20: one side fills it (a pixel of rounding either way).
            assertTrue(w <= 28 && h <= 21, "pair " + i + " fits 28 x 20: " + w + " x " + h);
            assertTrue(w >= 26 || h >= 19, "pair " + i + " fills its box on one side: " + w + " x " + h);
            assertEquals(14, (box[0] + box[2] + 1) / 2.0, 1.5, "pair " + i + " box centred across");
            assertEquals(14, (box[1] + box[3] + 1) / 2.0, 1.5, "pair " + i + " box centred down");
            // A pair clipped by the canvas would lose a digit's edge: both halves keep about their ink.
            float[] source = PAIR_IMAGES.digit(i).pixels();
            double kept = (half(p, true) / half(p, false)) / (half(source, true) / half(source, false));
            assertTrue(kept > 0.4 && kept < 2.5, "pair " + i + " keeps both digits: ink ratio changed " + kept);
        }
    }

    /** Pairs as number mode's pair reader sees them: two MNIST digits side by side, centred by PairCentering. */
    private static MnistImages pairs() {
        MnistImages digits = MnistSubset.load().images();
        byte[] pixels = new byte[PAIRS * DigitImage.SIZE];
        PairCentering centering = new PairCentering();
        for (int i = 0; i < PAIRS; i++) {
            float[] ink = new float[48 * 28];
            InkImage left = digits.ink(2 * i), right = digits.ink(2 * i + 1);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    ink[y * 48 + x] = Math.max(ink[y * 48 + x], left.at(x, y));
                    ink[y * 48 + x + 20] = Math.max(ink[y * 48 + x + 20], right.at(x, y));
                }
            }
            try {
                float[] p = centering.center(new InkImage(48, 28, ink)).pixels();
                for (int k = 0; k < p.length; k++) {
                    pixels[i * DigitImage.SIZE + k] = (byte) Math.round(p[k] * 255);
                }
            } catch (RecognitionException.BlankImage e) {
                throw new AssertionError(e);
            }
        }
        return new MnistImages(PAIRS, DigitImage.SIDE, DigitImage.SIDE, pixels);
    }

    private static int[] bounds(float[] p) {
        int[] box = {28, 28, -1, -1};
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (p[y * 28 + x] >= MnistCentering.INK_THRESHOLD) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }

    private static double half(float[] p, boolean left) {
        double sum = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = left ? 0 : 14; x < (left ? 14 : 28); x++) {
                sum += p[y * 28 + x];
            }
        }
        return sum;
    }
}
