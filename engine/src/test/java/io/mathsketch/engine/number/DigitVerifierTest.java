package io.mathsketch.engine.number;

import io.mathsketch.engine.expression.Symbol;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The verifier's labels (a digit model's ten digits in order, then the candidate that is not one whole digit) and how
 * it weighs a digit model's reading.
 */
class DigitVerifierTest {

    @Test
    void labelsAreTheDigitsInOrderThenNone() {
        assertEquals(Arrays.stream(Symbol.values()).filter(Symbol::isDigit).map(Symbol::text).toList(),
                DigitVerifier.LABELS.subList(0, 10));
        assertEquals(11, DigitVerifier.LABELS.size());
        assertEquals("none", DigitVerifier.LABELS.get(DigitVerifier.NOT_ONE_DIGIT));
    }

    @Test
    void weighingFavoursTheDigitBothModelsFavourAndSumsToOne() {
        float[] digit = new float[10];
        digit[3] = 0.5f;
        digit[8] = 0.45f;
        digit[9] = 0.05f;
        float[] verifier = new float[11];
        verifier[3] = 0.05f;
        verifier[8] = 0.6f;
        verifier[DigitVerifier.NOT_ONE_DIGIT] = 0.35f;

        float[] weighed = DigitVerifier.weigh(digit, verifier);

        float total = 0;
        int best = 0;
        for (int d = 0; d < weighed.length; d++) {
            total += weighed[d];
            best = weighed[d] > weighed[best] ? d : best;
        }
        assertEquals(8, best);
        assertEquals(1f, total, 1e-6f);
        assertEquals(0.45f * 0.6f / (0.5f * 0.05f + 0.45f * 0.6f), weighed[8], 1e-6f);
        assertEquals(0f, weighed[9]);
    }

    @Test
    void aVerifierSureThereIsNoWholeDigitLeavesTheDigitModelsReading() {
        float[] digit = new float[10];
        digit[4] = 1f;
        float[] verifier = new float[11];
        verifier[DigitVerifier.NOT_ONE_DIGIT] = 1f;

        assertArrayEquals(digit, DigitVerifier.weigh(digit, verifier));
    }

    @Test
    void onlyADigitModelsReadingIsWeighed() {
        assertThrows(IllegalArgumentException.class, () -> DigitVerifier.weigh(new float[12], new float[11]));
        assertThrows(IllegalArgumentException.class, () -> DigitVerifier.weigh(new float[10], new float[10]));
    }
}
