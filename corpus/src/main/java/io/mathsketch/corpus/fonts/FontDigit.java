package io.mathsketch.corpus.fonts;

/**
 * One digit of a font as the drawing page would post it.
 *
 * @param font    the font it was set in
 * @param label   the digit
 * @param index   the drawing's index among the font's drawings of that digit
 * @param variation how it was drawn (height in canvas pixels, turn, shear, outline stroke width)
 * @param png     the canvas export: the page's 280x280 8-bit RGBA PNG, dark ink on opaque white
 */
public record FontDigit(DigitFont font, int label, int index, String variation, byte[] png) {

    @Override
    public String toString() {
        return label + " in " + font.family() + " #" + index + " (" + variation + ")";
    }
}
