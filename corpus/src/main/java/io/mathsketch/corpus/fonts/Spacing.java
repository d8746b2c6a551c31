package io.mathsketch.corpus.fonts;

import io.mathsketch.corpus.hand.Range;

/**
 * How tightly a font number's digits are set: tracking added to the font's own advances (its kerning included), in
 * em. At {@link #TIGHT} most fonts' digits touch or overlap, as joined handwriting and a hurried hand set them; at
 * {@link #LOOSE} they stand apart by up to half a digit's width.
 */
public enum Spacing {

    TIGHT(Range.of(-0.12, -0.04)),
    NORMAL(Range.of(-0.02, 0.08)),
    LOOSE(Range.of(0.15, 0.45));

    private final Range tracking;

    Spacing(Range tracking) {
        this.tracking = tracking;
    }

    /** The tracking drawn from, in em. */
    public Range tracking() {
        return tracking;
    }
}
