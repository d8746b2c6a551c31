package io.mathsketch.training.styles;

import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.engine.image.DigitImage;

/** One generated drawing as the model receives it, with the style it was drawn in and the path it took. */
public record StyledSample(DigitStyle style, RenderPath path, DigitImage digit) {

    /** The label a recogniser should answer. */
    public int label() {
        return style.digit();
    }
}
