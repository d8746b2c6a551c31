package io.mathsketch.engine.inference;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed digit verifier, when loaded beside the digit model, is asked about number mode's candidates (and
 * only those): the digits are still the digit model's, which stays the default.
 */
class DigitVerifierWiringTest {

    private static final String VERIFIER = "mathsketch-digit-verifier";

    @Test
    void numberModeAsksTheVerifierAboutEveryCandidateAndDigitModeDoesNot() throws Exception {
        ModelCalls calls = ModelCalls.recognize(List.of("mnist-cnn", VERIFIER));
        calls.assertReadByTheDigitModel();
        Map<String, Integer> digitsPerModel = calls.numberModeCalls();
        assertTrue(digitsPerModel.getOrDefault(VERIFIER, 0) >= 3, digitsPerModel.toString());
        assertEquals(digitsPerModel.get("mnist-cnn"), digitsPerModel.get(VERIFIER), "every candidate, once");

        assertFalse(calls.digitModeCalls().containsKey(VERIFIER), calls.digitModeCalls().toString());
    }
}
