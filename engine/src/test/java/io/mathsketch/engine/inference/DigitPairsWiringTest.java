package io.mathsketch.engine.inference;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed pair reader, when loaded beside the digit model and the verifier, is asked about number mode's wide
 * candidates (and only those, never in digit mode); digits are answered with ten probabilities each, and the digit
 * model stays the default.
 */
class DigitPairsWiringTest {

    private static final String VERIFIER = "mathsketch-digit-verifier";
    private static final String PAIRS = "mathsketch-digit-pairs";

    @Test
    void numberModeAsksThePairReaderAboutWideCandidatesAndDigitModeDoesNot() throws Exception {
        ModelCalls calls = ModelCalls.recognize(List.of("mnist-cnn", VERIFIER, PAIRS));
        calls.assertReadByTheDigitModel();
        Map<String, Integer> digitsPerModel = calls.numberModeCalls();
        assertEquals(digitsPerModel.get("mnist-cnn"), digitsPerModel.get(VERIFIER), "every candidate, once");
        assertTrue(digitsPerModel.getOrDefault(PAIRS, 0) >= 1, digitsPerModel.toString());
        assertTrue(digitsPerModel.get(PAIRS) <= digitsPerModel.get("mnist-cnn"), "at most every candidate");

        assertFalse(calls.digitModeCalls().containsKey(PAIRS), calls.digitModeCalls().toString());
    }
}
