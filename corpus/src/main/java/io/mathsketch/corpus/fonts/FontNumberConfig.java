package io.mathsketch.corpus.fonts;

import io.mathsketch.corpus.hand.Range;
import io.mathsketch.corpus.photo.PhotoConfig;

import java.util.Arrays;
import java.util.List;

/**
 * How a set of font numbers varies: which fonts, how many numbers each, and the ranges each number's values are
 * drawn from with a generator seeded by {@code seed}, the font and the number's index. The spacing takes turns
 * ({@code i % 3}: tight, normal, loose).
 *
 * @param fonts     the fonts the set is written in
 * @param perFont   numbers of each font
 * @param minDigits fewest digits in a number
 * @param maxDigits most digits in a number
 * @param height    the digits' height (the line's before it is turned) as a share of the canvas's height, capped so
 *                  that the line fits the canvas
 * @param rotation  turn in degrees, clockwise positive
 * @param shear     horizontal shear (x += shear * -y): positive leans the top to the right
 * @param weight    width of an outline stroked around the glyphs, as a share of the digits' height
 * @param camera    the conditions the canvas exports are photographed in
 */
public record FontNumberConfig(String name, long seed, List<DigitFont> fonts, int perFont, int minDigits,
                               int maxDigits, Range height, Range rotation, Range shear, Range weight,
                               PhotoConfig camera) {

    /**
     * The fonts number mode may be tuned on: four handwriting fonts (Dancing Script, the joined script whose digits
     * touch at any spacing; Steve's and Comic Neue's round hands; Because We Build, one of the six Because We ...
     * hands) and two printed ones (DejaVu Serif's serifed 1, Liberation Mono's tabular widths and flagged 1).
     */
    public static final List<DigitFont> TUNING_FONTS = List.of(DigitFont.DANCING_SCRIPT, DigitFont.STEVE,
            DigitFont.COMIC_NEUE, DigitFont.BECAUSE_WE_BUILD, DigitFont.DEJAVU_SERIF, DigitFont.LIBERATION_MONO);

    /** Every other font: never looked at while number mode is tuned. */
    public static final List<DigitFont> HELD_OUT_FONTS = Arrays.stream(DigitFont.values())
            .filter(f -> !TUNING_FONTS.contains(f)).toList();

    /**
     * The measured set ({@code FontNumberQualityTest}): the held-out fonts, 12 numbers each (4 per spacing), 2-8
     * digits 15-45% of the canvas high, turns of up to 6 degrees, a slight shear, up to 4% of the digits' height
     * stroked around them.
     */
    public static final FontNumberConfig TEST = new FontNumberConfig("font-numbers-test", 0x464E_0011L,
            HELD_OUT_FONTS, 12, 2, 8, Range.of(0.15, 0.45), Range.of(-6, 6), Range.of(-0.15, 0.15),
            Range.of(0, 0.04), PhotoConfig.FONT_NUMBER_TEST);

    /** The set to tune on: the tuning fonts, the test's ranges, another seed and camera. */
    public static final FontNumberConfig TUNING = new FontNumberConfig("font-numbers-tuning", 0x464E_0021L,
            TUNING_FONTS, 30, 2, 8, TEST.height, TEST.rotation, TEST.shear, TEST.weight,
            PhotoConfig.FONT_NUMBER_TUNING);

    public FontNumberConfig {
        fonts = List.copyOf(fonts);
        if (fonts.isEmpty() || perFont <= 0 || minDigits < 1 || maxDigits < minDigits || height.min() <= 0
                || height.max() > 0.95 || weight.min() < 0) {
            throw new IllegalArgumentException(name + ": fonts and numbers per font needed, 1 <= min digits <= max,"
                    + " the height a share of the canvas in (0, 0.95], the weight not negative");
        }
    }
}
