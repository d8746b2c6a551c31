package io.mathsketch.engine.testing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PixelDifferenceTest {

    @Test
    void averagesTheAbsoluteDifferencesEitherWay() {
        float[] a = {0f, 1f, 0.5f, 0.25f}, b = {1f, 1f, 0f, 0.75f};
        assertEquals(0.5, PixelDifference.meanAbsolute(a, b), 1e-9);
        assertEquals(0.5, PixelDifference.meanAbsolute(b, a), 1e-9);
        assertEquals(0.0, PixelDifference.meanAbsolute(a, a.clone()));
    }

    @Test
    void arraysOfDifferentLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PixelDifference.meanAbsolute(new float[2], new float[3]));
    }
}
