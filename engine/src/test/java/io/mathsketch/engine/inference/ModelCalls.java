package io.mathsketch.engine.inference;

import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.testing.Checkout;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static io.mathsketch.engine.inference.TestModels.FITTED;
import static io.mathsketch.engine.inference.TestModels.SUBSET;
import static io.mathsketch.engine.inference.TestModels.config;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Test fixture: three subset digits written side by side, recognised by the committed {@code models} loaded together,
 * first in number mode and then in digit mode, with the digits each model was asked about in each.
 *
 * @param written         the digits written
 * @param number          number mode's recognition
 * @param numberModeCalls digits per model name in number mode
 * @param digitModeCalls  digits per model name in digit mode
 */
record ModelCalls(String written, Recognition number, Map<String, Integer> numberModeCalls,
                  Map<String, Integer> digitModeCalls) {

    static ModelCalls recognize(List<String> models) throws Exception {
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
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(Checkout.models(), models, 1, 8, 16), listener)) {
            digitsPerModel.clear();
            Recognition number = recognizer.recognize(new RecognitionRequest(png, Optional.empty(),
                    RecognitionRequest.Mode.NUMBER));
            Map<String, Integer> numberMode = Map.copyOf(digitsPerModel);

            digitsPerModel.clear();
            recognizer.recognize(new RecognitionRequest(png, Optional.empty(), RecognitionRequest.Mode.DIGIT));
            return new ModelCalls(written.toString(), number, numberMode, Map.copyOf(digitsPerModel));
        }
    }

    /** The number is read right by the digit model, which stays the default, with its ten probabilities a digit. */
    void assertReadByTheDigitModel() {
        assertEquals(written, number.text());
        assertEquals("mnist-cnn", number.model().name());
        assertEquals(10, number.digits().getFirst().probabilities().length, "the digit model's probabilities");
    }
}
