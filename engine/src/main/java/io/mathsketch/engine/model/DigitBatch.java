package io.mathsketch.engine.model;

import io.mathsketch.engine.image.DigitImage;

import java.util.List;

/** The input of one inference call: digits that go through the network together, as one tensor. */
public record DigitBatch(List<DigitImage> digits) {

    public DigitBatch {
        digits = List.copyOf(digits);
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one digit");
        }
    }

    public int size() {
        return digits.size();
    }
}
