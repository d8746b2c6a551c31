package io.mathsketch.engine.image;

import java.util.Objects;

/**
 * One digit found in a number: where it is in the source image and the MNIST-centred digit cut out of it (only its
 * own strokes, never a neighbour's that reach into its box).
 */
public record DigitRegion(Box box, DigitImage digit) {

    public DigitRegion {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(digit, "digit");
    }
}
