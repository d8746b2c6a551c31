package io.mathsketch.engine.image;

/**
 * A greyscale image as ink intensity: 0 is background, 1 is full ink, whatever the polarity and colours of the
 * source. Row-major, {@code width * height} values. This is the one representation every decoder produces and
 * every later stage (centering, segmentation, training augmentation) consumes.
 */
public record InkImage(int width, int height, float[] ink) {

    public InkImage {
        if (width <= 0 || height <= 0 || ink.length != width * height) {
            throw new IllegalArgumentException("ink buffer of " + ink.length + " values does not fit " + width + "x" + height);
        }
    }

    public float at(int x, int y) {
        return ink[y * width + x];
    }
}
