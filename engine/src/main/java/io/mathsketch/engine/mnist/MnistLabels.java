package io.mathsketch.engine.mnist;

import java.util.Arrays;
import java.util.Objects;

/**
 * Class labels, one byte per image as in an IDX label file: digits 0 to 9 for MNIST ({@link IdxFile} insists on that
 * when it reads a label file), class indices up to 127 for larger label sets such as the symbol model's 18.
 */
public record MnistLabels(byte[] labels) {

    public MnistLabels {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + i + " is " + (labels[i] & 0xFF) + ", not a class 0-127");
            }
        }
    }

    public int count() {
        return labels.length;
    }

    /** The class (the digit, for MNIST) of image {@code i}. */
    public int label(int i) {
        Objects.checkIndex(i, labels.length);
        return labels[i];
    }

    /** The first {@code n} labels. */
    public MnistLabels first(int n) {
        Objects.checkIndex(n, labels.length + 1);
        return new MnistLabels(Arrays.copyOf(labels, n));
    }
}
