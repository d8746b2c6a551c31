package io.mathsketch.engine.image;

/**
 * A digit prepared the MNIST way: 28x28, ink intensity in [0, 1] (1 = ink), the ink fitted into a 20x20 box and
 * centred by centre of mass. Model-specific normalisation (mean/std, polarity, layout) is applied later, per model.
 */
public record DigitImage(float[] pixels) {

    public static final int SIDE = 28;
    public static final int SIZE = SIDE * SIDE;

    public DigitImage {
        if (pixels.length != SIZE) {
            throw new IllegalArgumentException("a digit image has " + SIZE + " pixels, not " + pixels.length);
        }
    }
}
