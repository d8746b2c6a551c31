package io.mathsketch.engine.inference;

import io.mathsketch.engine.config.Batching;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.testing.Checkout;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Optional;

import static io.mathsketch.engine.inference.TestModels.SUBSET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed {@code models/mnist-cnn} served end to end, on both engines. */
class MnistCnnModelTest {

    private static final String MODEL = "mnist-cnn";
    private static Path models;

    @BeforeAll
    static void findModel() {
        models = Checkout.models();
    }

    private static EngineConfig config(String engine) {
        return EngineConfig.builder().modelsDirectory(models).model(MODEL).engine(engine).workers(1)
                .batching(Batching.builder().queueCapacity(4096).build())
                .build();
    }

    private static Recognition pixels(DjlRecognizer recognizer, int i) throws Exception {
        return recognizer.recognize(RecognitionRequest.digit(new Input.Pixels(SUBSET.images().digit(i).pixels())));
    }

    @Test
    void onnxRuntimeAndPyTorchAgreeOnEverySubsetDigit() throws Exception {
        int correct = 0;
        try (DjlRecognizer onnx = DjlRecognizer.open(config("OnnxRuntime"));
             DjlRecognizer torch = DjlRecognizer.open(config("PyTorch"))) {
            for (int i = 0; i < SUBSET.count(); i++) {
                Recognition a = pixels(onnx, i);
                Recognition b = pixels(torch, i);
                assertEquals(a.text(), b.text(), "digit " + i);
                assertArrayEquals(a.digits().getFirst().probabilities(), b.digits().getFirst().probabilities(), 1e-4f,
                        "digit " + i);
                correct += a.text().equals(Integer.toString(SUBSET.labels().label(i))) ? 1 : 0;
            }
            assertEquals("PyTorch", torch.models().getFirst().engine());
        }
        assertTrue(correct >= 0.97 * SUBSET.count(), "accuracy " + correct + "/" + SUBSET.count());
    }

    @Test
    void aDigitDrawnLargeAndOffCentreOnWhiteIsReadLikeTheOriginal() throws Exception {
        try (DjlRecognizer recognizer = DjlRecognizer.open(config("OnnxRuntime"))) {
            int checked = 0, agree = 0;
            for (int i = 0; checked < 40; i += 37) {
                DigitImage digit = SUBSET.images().digit(i);
                String truth = Integer.toString(SUBSET.labels().label(i));
                if (!pixels(recognizer, i).text().equals(truth)) {
                    continue;
                }
                checked++;
                byte[] png = new DigitCanvas(640, 400).draw(digit, 380 + i % 50, 20 + i % 70, 224).png();
                Recognition r = recognizer.recognize(RecognitionRequest.digit(new Input.EncodedImage(png)));
                agree += r.text().equals(truth) ? 1 : 0;
            }
            assertTrue(agree >= 38, agree + " of " + checked + " re-rendered digits read correctly");
        }
    }

    @Test
    void aNumberOfThreeDigitsIsReadLeftToRight() throws Exception {
        try (DjlRecognizer recognizer = DjlRecognizer.open(config("OnnxRuntime"))) {
            int[] picks = {0, 1, 2};
            DigitCanvas canvas = new DigitCanvas(520, 200);
            StringBuilder truth = new StringBuilder();
            for (int k = 0; k < picks.length; k++) {
                canvas.draw(SUBSET.images().digit(picks[k]), 20 + k * 160, 30, 140);
                truth.append(SUBSET.labels().label(picks[k]));
            }
            Recognition r = recognizer.recognize(new RecognitionRequest(new Input.EncodedImage(canvas.png()),
                    Optional.empty(), RecognitionRequest.Mode.NUMBER));
            assertEquals(truth.toString(), r.text());
        }
    }
}
