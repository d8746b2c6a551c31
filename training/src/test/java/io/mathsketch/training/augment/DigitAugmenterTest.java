package io.mathsketch.training.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.preprocess.MnistCentering;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DigitAugmenterTest {

    private static final MnistImages IMAGES = MnistSubset.load().images().first(200);
    private final DigitAugmenter augmenter = new DigitAugmenter(new MnistCentering());

    @Test
    void sameRandomStateGivesTheSameDigit() {
        DigitImage a = augmenter.augment(IMAGES, 3, new SplittableRandom(11));
        DigitImage b = augmenter.augment(IMAGES, 3, new SplittableRandom(11));
        assertArrayEquals(a.pixels(), b.pixels());
    }

    @Test
    void differentRandomStatesGiveDifferentVariants() {
        DigitImage a = augmenter.augment(IMAGES, 3, new SplittableRandom(11));
        DigitImage b = augmenter.augment(IMAGES, 3, new SplittableRandom(12));
        assertFalse(Arrays.equals(a.pixels(), b.pixels()));
    }

    @Test
    void variantsAreCentredTheMnistWay() {
        for (int i = 0; i < IMAGES.count(); i++) {
            float[] p = augmenter.augment(IMAGES, i, new SplittableRandom(i)).pixels();
            double mass = 0, mx = 0, my = 0;
            int minX = 28, maxX = -1, minY = 28, maxY = -1;
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    float v = p[y * 28 + x];
                    assertTrue(v >= 0 && v <= 1);
                    mass += v;
                    mx += v * (x + 0.5);
                    my += v * (y + 0.5);
                    if (v >= MnistCentering.INK_THRESHOLD) {
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = Math.max(maxY, y);
                    }
                }
            }
            assertTrue(mass > 10, "digit " + i + " keeps its ink");
            assertEquals(14, mx / mass, 1.5, "horizontal centre of mass of digit " + i);
            assertEquals(14, my / mass, 1.5, "vertical centre of mass of digit " + i);
            assertTrue(Math.max(maxX - minX, maxY - minY) + 1 <= 21, "ink fits the 20x20 box, digit " + i);
        }
    }

    @Test
    void variantsStayCloseToTheirDigit() {
        // An augmented digit should still look more like its own source than like a random other digit.
        int closer = 0;
        for (int i = 0; i < 100; i++) {
            float[] variant = augmenter.augment(IMAGES, i, new SplittableRandom(i)).pixels();
            double own = distance(variant, IMAGES.digit(i).pixels());
            double other = distance(variant, IMAGES.digit((i + 37) % IMAGES.count()).pixels());
            if (own < other) {
                closer++;
            }
        }
        assertTrue(closer >= 85, closer + " of 100 variants are closer to their own digit");
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return sum;
    }
}
