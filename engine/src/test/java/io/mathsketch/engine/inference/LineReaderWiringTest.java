package io.mathsketch.engine.inference;

import io.mathsketch.engine.ModelInfo;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.Checkout;
import io.mathsketch.engine.testing.SyntheticDigits;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.mathsketch.engine.inference.TestModels.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed line reader, listed in {@code engine.models}, is loaded beside the pools as number mode's helper: it
 * is not a model a request can name nor one {@code models()} lists, and it cannot be the default model.
 */
class LineReaderWiringTest {

    private static final String LINES = "mathsketch-line-reader";

    @Test
    void theLineReaderHelpsNumberModeAndIsNoPool() throws Exception {
        List<String> models = List.of("mnist-cnn", "mathsketch-digit-verifier", "mathsketch-digit-pairs", LINES);
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(Checkout.models(), models, 1, 8, 16))) {
            assertEquals(List.of("mnist-cnn", "mathsketch-digit-verifier", "mathsketch-digit-pairs"),
                    recognizer.models().stream().map(ModelInfo::name).toList());
            byte[] png = CanvasRenderer.white(300, 140).png(List.of(
                    CanvasRenderer.place(SyntheticDigits.draw("4", 100, 0.08), 20, 20, 1),
                    CanvasRenderer.place(SyntheticDigits.draw("7", 100, 0.08), 160, 20, 1)));
            String read = recognizer.recognize(new RecognitionRequest(new RecognitionRequest.Input.EncodedImage(png),
                    Optional.empty(), RecognitionRequest.Mode.NUMBER)).text();
            assertEquals("47", read);
            assertThrows(RecognitionException.UnknownModel.class, () -> recognizer.recognize(new RecognitionRequest(
                    new RecognitionRequest.Input.EncodedImage(png), Optional.of(LINES),
                    RecognitionRequest.Mode.NUMBER)));
            assertThrows(RecognitionException.UnknownModel.class, () -> recognizer.reload(LINES));
        }
    }

    @Test
    void theLineReaderCannotBeTheDefaultModel() {
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> DjlRecognizer.open(config(Checkout.models(), List.of(LINES, "mnist-cnn"), 1, 8, 16)).close());
        assertTrue(e.getMessage().contains("line reader"), e.getMessage());
    }
}
