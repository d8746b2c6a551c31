package io.mathsketch.engine.mnist;

import java.util.Arrays;
import java.util.Objects;

/** Digit labels as stored in an IDX label file: one byte per image, each 0 to 9. */
public record MnistLabels(byte[] labels) {

    public MnistLabels {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > 9) {
                throw new IllegalArgumentException("label " + i + " is " + (labels[i] & 0xFF) + ", not a digit 0-9");
            }
        }
    }

    public int count() {
        return labels.length;
    }

    /** The digit of image {@code i}. */
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
