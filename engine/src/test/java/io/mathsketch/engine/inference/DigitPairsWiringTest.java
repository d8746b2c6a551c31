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
 * The committed pair reader, when loaded beside the digit model and the verifier, is asked about number mode's wide
 * candidates (and only those, never in digit mode); digits are answered with ten probabilities each, and the digit
 * model stays the default.
 */
class DigitPairsWiringTest {

    private static final String VERIFIER = "mathsketch-digit-verifier";
    private static final String PAIRS = "mathsketch-digit-pairs";

    @Test
    void numberModeAsksThePairReaderAboutWideCandidatesAndDigitModeDoesNot() throws Exception {
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
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(Checkout.models(), List.of("mnist-cnn", VERIFIER, PAIRS),
                1, 8, 16), listener)) {
            digitsPerModel.clear();
            Recognition number = recognizer.recognize(new RecognitionRequest(png, Optional.empty(),
                    RecognitionRequest.Mode.NUMBER));
            assertEquals(written.toString(), number.text());
            assertEquals("mnist-cnn", number.model().name());
            assertEquals(10, number.digits().getFirst().probabilities().length, "the digit model's probabilities");
            assertEquals(digitsPerModel.get("mnist-cnn"), digitsPerModel.get(VERIFIER), "every candidate, once");
            assertTrue(digitsPerModel.getOrDefault(PAIRS, 0) >= 1, digitsPerModel.toString());
            assertTrue(digitsPerModel.get(PAIRS) <= digitsPerModel.get("mnist-cnn"), "at most every candidate");

            digitsPerModel.clear();
            recognizer.recognize(new RecognitionRequest(png, Optional.empty(), RecognitionRequest.Mode.DIGIT));
            assertFalse(digitsPerModel.containsKey(PAIRS), digitsPerModel.toString());
        }
    }
}
