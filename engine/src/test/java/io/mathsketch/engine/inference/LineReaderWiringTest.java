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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.mathsketch.engine.inference.TestModels.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed line reader, listed in {@code engine.models}, is loaded beside the pools as number mode's helper:
 * listed by {@code models()} and reloadable like them, but not a model a request can name, and never the default.
 */
class LineReaderWiringTest {

    private static final String LINES = "mathsketch-line-reader";
    private static final List<String> MODELS = List.of("mnist-cnn", "mathsketch-digit-verifier",
            "mathsketch-digit-pairs", LINES);

    private static RecognitionRequest number(Optional<String> model) {
        byte[] png = CanvasRenderer.white(300, 140).png(List.of(
                CanvasRenderer.place(SyntheticDigits.draw("4", 100, 0.08), 20, 20, 1),
                CanvasRenderer.place(SyntheticDigits.draw("7", 100, 0.08), 160, 20, 1)));
        return new RecognitionRequest(new RecognitionRequest.Input.EncodedImage(png), model,
                RecognitionRequest.Mode.NUMBER);
    }

    @Test
    void theLineReaderHelpsNumberModeIsListedAndCannotBeNamed() throws Exception {
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(Checkout.models(), MODELS, 1, 8, 16))) {
            List<ModelInfo> models = recognizer.models();
            assertEquals(MODELS, models.stream().map(ModelInfo::name).toList());
            ModelInfo lines = models.getLast();
            assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "blank"), lines.labels());
            assertEquals(LineReaderModel.WORKERS, lines.workers());
            assertTrue(!lines.isDefault() && !lines.readsDigits(), lines.toString());
            assertEquals("47", recognizer.recognize(number(Optional.empty())).text());
            assertThrows(RecognitionException.UnsuitableModel.class,
                    () -> recognizer.recognize(number(Optional.of(LINES))));
        }
    }

    @Test
    void aReloadSwapsTheLineReaderWhileNumbersAreRead() throws Exception {
        try (DjlRecognizer recognizer = DjlRecognizer.open(config(Checkout.models(), MODELS, 1, 8, 16));
             ExecutorService readers = Executors.newFixedThreadPool(2)) {
            AtomicBoolean reloading = new AtomicBoolean(true);
            List<Future<Integer>> reads = List.of(readers.submit(() -> readWhile(recognizer, reloading)),
                    readers.submit(() -> readWhile(recognizer, reloading)));
            for (int i = 0; i < 3; i++) {
                ModelInfo fresh = recognizer.reload(LINES);
                assertEquals(LINES, fresh.name());
            }
            reloading.set(false);
            for (Future<Integer> read : reads) {
                assertTrue(read.get() > 0, "numbers read during the reloads");
            }
            assertEquals("47", recognizer.recognize(number(Optional.empty())).text());
        }
    }

    /** Reads the number until told to stop, failing on any error; how many were read. */
    private static int readWhile(DjlRecognizer recognizer, AtomicBoolean going) throws RecognitionException {
        int read = 0;
        do {
            assertEquals("47", recognizer.recognize(number(Optional.empty())).text());
            read++;
        } while (going.get());
        return read;
    }

    @Test
    void theLineReaderCannotBeTheDefaultModel() {
        ModelLoadException e = assertThrows(ModelLoadException.class,
                () -> DjlRecognizer.open(config(Checkout.models(), List.of(LINES, "mnist-cnn"), 1, 8, 16)).close());
        assertTrue(e.getMessage().contains("line reader"), e.getMessage());
    }

    @Test
    void aRecognizerShutDownRefusesToReloadIt() throws Exception {
        DjlRecognizer recognizer = DjlRecognizer.open(config(Checkout.models(), MODELS, 1, 8, 16));
        recognizer.close();
        assertThrows(ModelLoadException.class, () -> recognizer.reload(LINES));
    }
}
