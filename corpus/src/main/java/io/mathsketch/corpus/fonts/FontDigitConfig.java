package io.mathsketch.corpus.fonts;

import io.mathsketch.corpus.hand.Range;
import io.mathsketch.corpus.photo.PhotoConfig;

/**
 * How a set of font digits varies, each drawing's values drawn from these ranges with a generator seeded by
 * {@code seed}, the font, the digit and the drawing's index.
 *
 * @param perDigit drawings of each digit of each font
 * @param height   the glyph's height once turned, as a share of the canvas's height (capped so it fits the width)
 * @param rotation turn in degrees, clockwise positive
 * @param shear    horizontal shear (x += shear * -y): positive leans the top to the right
 * @param weight   width of an outline stroked around the glyph, as a share of its height (0: the font's own weight)
 * @param camera   the conditions the canvas exports are photographed in
 * @param snapshotSeed the seed of the second camera ({@code corpus.snapshot}) the canvas exports are also
 *                     photographed with: notebook paper and a camera model the photo path was not tuned on
 */
public record FontDigitConfig(String name, long seed, int perDigit, Range height, Range rotation, Range shear,
                              Range weight, PhotoConfig camera, long snapshotSeed) {

    /**
     * The measured set: never trained or tuned on. Sizes like the held-out hands' (35-85% of the canvas), turns of
     * up to 10 degrees, a slight shear, and up to 5% of the glyph's height stroked around it, so thin fonts reach the
     * page's pen widths.
     */
    public static final FontDigitConfig TEST = new FontDigitConfig("font-test", 0x464F_0011L, 4,
            Range.of(0.35, 0.85), Range.of(-10, 10), Range.of(-0.15, 0.15), Range.of(0, 0.05), PhotoConfig.FONT_TEST,
            0x5A4F_0061L);

    public FontDigitConfig {
        if (perDigit <= 0 || height.min() <= 0 || height.max() > 0.95 || weight.min() < 0) {
            throw new IllegalArgumentException(name + ": drawings per digit must be positive, the height a share of the"
                    + " canvas in (0, 0.95], the weight not negative");
        }
    }
}
