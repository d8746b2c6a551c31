package io.mathsketch.corpus;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.RecognitionRequest.Input;
import io.mathsketch.engine.config.Batching;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.testing.Checkout;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Test helper: the committed {@code models/mnist-cnn} served by the engine as the server serves it (ONNX Runtime, one
 * worker), for the recognition-quality floors. A reading is the answered text, or the problem's name when the engine
 * refuses the input (a blank image counts as a miss, never as an error of the test).
 */
public final class CommittedModel implements AutoCloseable {

    private final DjlRecognizer recognizer;

    public CommittedModel() throws Exception {
        this(List.of("mnist-cnn"));
    }

    /** The committed model folders named, the first the default (number mode: the digit model and its verifier). */
    public CommittedModel(List<String> names) throws Exception {
        this(names, InputLimits.DEFAULT);
    }

    /** The committed model folders named, with these input limits (a server's heap, a larger payload). */
    public CommittedModel(List<String> names, InputLimits limits) throws Exception {
        Path models = Checkout.models();
        recognizer = DjlRecognizer.open(EngineConfig.builder().modelsDirectory(models).models(names).workers(1)
                .batching(Batching.builder().queueCapacity(64).build()).limits(limits).build());
    }

    /**
     * The digit model with the digit verifier and the pair reader number mode reads its candidates with, and the line
     * reader that rescores the search's best readings.
     */
    public static CommittedModel forNumbers() throws Exception {
        return new CommittedModel(List.of("mnist-cnn", "mathsketch-digit-verifier", "mathsketch-digit-pairs",
                "mathsketch-line-reader"));
    }

    /** What the model reads in encoded image bytes, as a client posting them would get it. */
    public String read(byte[] encoded) {
        return read(new Input.EncodedImage(encoded));
    }

    /** The number ({@code mode=number}) the model reads in encoded image bytes, as a client would get it. */
    public String readNumber(byte[] encoded) {
        return readNumber(new Input.EncodedImage(encoded));
    }

    /** The number ({@code mode=number}) the model reads in any input (an image, digital ink). */
    public String readNumber(Input input) {
        try {
            return recognizer.recognize(new RecognitionRequest(input, Optional.empty(),
                    RecognitionRequest.Mode.NUMBER)).text();
        } catch (RecognitionException e) {
            return e.getClass().getSimpleName();
        }
    }

    /** What the model reads in an already-centred 28x28 input. */
    public String read(DigitImage digit) {
        return read(new Input.Pixels(digit.pixels()));
    }

    private String read(Input input) {
        try {
            return recognizer.recognize(RecognitionRequest.digit(input)).text();
        } catch (RecognitionException e) {
            return e.getClass().getSimpleName();
        }
    }

    @Override
    public void close() {
        recognizer.close();
    }
}
