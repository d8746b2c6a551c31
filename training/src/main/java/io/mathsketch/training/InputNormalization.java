package io.mathsketch.training;

import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import java.util.List;

/**
 * How the model expects its input: ink in [0, 1] with ink as high values (MNIST's light-on-dark polarity), then
 * {@code (x - mean) / std}. The values are the MNIST training set's pixel mean and standard deviation; they go into
 * the manifest so that the engine applies exactly the same transform.
 */
public record InputNormalization(float mean, float std) {

    public static final InputNormalization MNIST = new InputNormalization(0.1307f, 0.3081f);
    public static final InkPolarity INK_POLARITY = InkPolarity.LIGHT_ON_DARK;

    public InputNormalization {
        if (!(std > 0) || !Float.isFinite(mean)) {
            throw new IllegalArgumentException("normalisation needs a finite mean and a positive std");
        }
    }

    /** Writes the normalised pixels of one 28x28 digit into {@code out} at {@code offset}. */
    public void apply(float[] ink, float[] out, int offset) {
        for (int i = 0; i < ink.length; i++) {
            out[offset + i] = (ink[i] - mean) / std;
        }
    }

    /** The normalised pixels of {@code count} digits, one after the other. */
    public float[] apply(List<DigitImage> digits) {
        float[] out = new float[digits.size() * DigitImage.SIZE];
        for (int i = 0; i < digits.size(); i++) {
            apply(digits.get(i).pixels(), out, i * DigitImage.SIZE);
        }
        return out;
    }
}
