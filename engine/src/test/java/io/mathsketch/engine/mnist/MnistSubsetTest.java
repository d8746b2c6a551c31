package io.mathsketch.engine.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.image.DigitImage;
import org.junit.jupiter.api.Test;

/** The committed subset is what its README says: 2,000 MNIST test digits in the original order. */
class MnistSubsetTest {

    @Test
    void subsetHoldsTwoThousandMnistTestDigitsInOriginalOrder() {
        MnistSubset subset = MnistSubset.load();

        assertEquals(2000, subset.count());
        assertEquals(28, subset.images().rows());
        // The MNIST test set famously starts 7, 2, 1, 0, 4, 1, 4, 9, 5, 9.
        byte[] head = new byte[10];
        System.arraycopy(subset.labels().labels(), 0, head, 0, 10);
        assertArrayEquals(new byte[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, head);
        int[] perDigit = new int[10];
        for (int i = 0; i < subset.count(); i++) {
            perDigit[subset.labels().label(i)]++;
        }
        for (int count : perDigit) {
            assertTrue(count > 150, "every digit is well represented");
        }
    }

    @Test
    void digitsAreInkOnBackgroundInTheUnitRange() {
        DigitImage seven = MnistSubset.load().images().digit(0);
        float max = 0, corner = seven.pixels()[0];
        for (float v : seven.pixels()) {
            max = Math.max(max, v);
            assertTrue(v >= 0 && v <= 1);
        }
        assertEquals(1f, max);
        assertEquals(0f, corner);
    }
}
