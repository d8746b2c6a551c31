package io.mathsketch.corpus.photo;

import io.mathsketch.engine.image.Box;

import java.awt.image.BufferedImage;

/**
 * One generated photo of a digit on paper, upright as the viewer sees it.
 *
 * @param label the digit a reader should answer
 * @param source where the digit's shape came from, e.g. {@code mnist-test #17} or {@code hand held-out #4 FOUR_OPEN}
 * @param digitBox where the digit's ink box was placed in the frame
 */
public record Photo(int label, String source, PhotoConditions conditions, BufferedImage image, Box digitBox) {

    /** The photo as the phone would send it: a JPEG at the conditions' quality. */
    public byte[] jpeg() {
        return Encoding.jpeg(image, conditions.jpegQuality());
    }

    @Override
    public String toString() {
        return label + " from " + source + ": " + conditions;
    }
}
