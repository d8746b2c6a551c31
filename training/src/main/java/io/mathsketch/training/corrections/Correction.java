package io.mathsketch.training.corrections;

import io.mathsketch.engine.image.DigitImage;
import java.util.Objects;

/**
 * One digit a user corrected: the 28x28 input the model saw, the label the user gave, what the model answered and
 * which model version that was.
 *
 * @param recognition id of the stored recognition
 * @param position    the digit's position in the recognised text (0 in digit mode)
 * @param pixels      784 bytes, 0 = no ink, 255 = ink (the store's format)
 * @param label       the corrected digit
 * @param predicted   the digit the model answered
 * @param modelName   the model that was wrong
 * @param modelVersion its version
 */
public record Correction(String recognition, int position, byte[] pixels, int label, int predicted,
                         String modelName, String modelVersion) {

    public Correction {
        Objects.requireNonNull(recognition, "recognition");
        if (pixels.length != DigitImage.SIZE) {
            throw new IllegalArgumentException(recognition + ": a digit input has " + DigitImage.SIZE
                    + " pixels, not " + pixels.length);
        }
        if (label < 0 || label > 9 || predicted < 0 || predicted > 9) {
            throw new IllegalArgumentException(recognition + ": labels are digits 0-9");
        }
    }

    public DigitImage digit() {
        float[] values = new float[DigitImage.SIZE];
        for (int i = 0; i < values.length; i++) {
            values[i] = (pixels[i] & 0xFF) / 255f;
        }
        return new DigitImage(values);
    }

    /** "mnist-cnn:1.1.0". */
    public String model() {
        return modelName + ":" + modelVersion;
    }
}
