package io.mathsketch.engine;

import io.mathsketch.engine.image.Ink;

import java.util.Objects;
import java.util.Optional;

/**
 * One recognition to perform.
 *
 * @param input what to read
 * @param model model reference {@code name} or {@code name:version}; empty for the default model
 * @param mode read a single digit, a number written left to right, or an arithmetic expression
 */
public record RecognitionRequest(Input input, Optional<String> model, Mode mode) {

    public RecognitionRequest {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(mode, "mode");
    }

    public static RecognitionRequest digit(Input input) {
        return new RecognitionRequest(input, Optional.empty(), Mode.DIGIT);
    }

    /** One digit; a number written left to right; an arithmetic expression (read with the symbol model). */
    public enum Mode { DIGIT, NUMBER, EXPRESSION }

    /** The accepted inputs: encoded image bytes, digital ink, or an already-normalised 28x28 array. */
    public sealed interface Input {

        /** PNG, JPEG, GIF or BMP bytes as received. */
        record EncodedImage(byte[] bytes) implements Input {
        }

        /** Strokes as a pen, finger or mouse drew them (every mode). */
        record DigitalInk(Ink ink) implements Input {
            public DigitalInk {
                Objects.requireNonNull(ink, "ink");
            }
        }

        /**
         * 784 values, row-major 28x28, ink intensity in [0, 1] with 1 = ink (MNIST convention), already centred.
         * Only valid in digit mode.
         */
        record Pixels(float[] values) implements Input {
        }
    }
}
