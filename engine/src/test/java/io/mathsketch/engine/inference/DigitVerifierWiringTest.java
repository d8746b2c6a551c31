package io.mathsketch.engine.inference;

import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.testing.Checkout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static io.mathsketch.engine.inference.TestModels.FITTED;
import static io.mathsketch.engine.inference.TestModels.SUBSET;
import static io.mathsketch.engine.inference.TestModels.config;
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
        Map<String, Integer> digitsPerModel = new ConcurrentHashMap<>();
        InferenceListener listener = new InferenceListener() {
            @Override
            public void onBatch(String name, int digits, int requests, long nanos) {
                digitsPerModel.merge(name, digits, Integer::sum);
            }
        };
        int[] picks = {FITTED + 3, FITTED + 7, FITTED + 11};
        DigitCanvas canvas = new DigitCanvas(400, 160);
        StringBuilder written = new StringBuilder();
        for (int k = 0; k < picks.length; k++) {
            canvas.draw(SUBSET.images().digit(picks[k]), 20 + k * 120, 20, 112);
            written.append(SUBSET.labels().label(picks[k]));
        }
        Input png = new Input.EncodedImage(canvas.png());
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(Checkout.models(), List.of("mnist-cnn", VERIFIER),
                1, 8, 16), listener)) {
            digitsPerModel.clear();
            Recognition number = recognizer.recognize(new RecognitionRequest(png, Optional.empty(),
                    RecognitionRequest.Mode.NUMBER));
            assertEquals(written.toString(), number.text());
            assertEquals("mnist-cnn", number.model().name());
            assertEquals(10, number.digits().getFirst().probabilities().length, "the digit model's probabilities");
            assertTrue(digitsPerModel.getOrDefault(VERIFIER, 0) >= 3, digitsPerModel.toString());
            assertEquals(digitsPerModel.get("mnist-cnn"), digitsPerModel.get(VERIFIER), "every candidate, once");

            digitsPerModel.clear();
            recognizer.recognize(new RecognitionRequest(png, Optional.empty(), RecognitionRequest.Mode.DIGIT));
            assertFalse(digitsPerModel.containsKey(VERIFIER), digitsPerModel.toString());
        }
    }
}
