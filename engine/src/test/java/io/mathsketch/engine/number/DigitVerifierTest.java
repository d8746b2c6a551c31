package io.mathsketch.engine.number;

import io.mathsketch.engine.expression.Symbol;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The verifier's labels: a digit model's ten digits in order, then the candidate that is not one whole digit. */
class DigitVerifierTest {

    @Test
    void labelsAreTheDigitsInOrderThenNone() {
        assertEquals(Arrays.stream(Symbol.values()).filter(Symbol::isDigit).map(Symbol::text).toList(),
                DigitVerifier.LABELS.subList(0, 10));
        assertEquals(11, DigitVerifier.LABELS.size());
        assertEquals("none", DigitVerifier.LABELS.get(DigitVerifier.NOT_ONE_DIGIT));
    }
}
