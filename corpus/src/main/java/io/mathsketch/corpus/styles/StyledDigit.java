package io.mathsketch.corpus.styles;

import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.engine.image.DigitImage;

/** One generated drawing as the model receives it: the engine's 28x28 input, with the style it was drawn in. */
public record StyledDigit(DigitStyle style, DigitImage digit) {

    /** The label a recogniser should answer. */
    public int label() {
        return style.digit();
    }
}
