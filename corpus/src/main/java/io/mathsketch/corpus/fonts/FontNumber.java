package io.mathsketch.corpus.fonts;

/**
 * One number set in a font as the drawing page's number mode would post it.
 *
 * @param font      the font it was set in
 * @param text      the digits, left to right
 * @param index     the number's index among the font's numbers
 * @param spacing   how tightly its digits are set
 * @param variation how it was drawn (digit height in canvas pixels, turn, shear, tracking, outline stroke width)
 * @param png       the canvas export: the number page's 560x280 8-bit RGBA PNG, dark ink on opaque white
 */
public record FontNumber(DigitFont font, String text, int index, Spacing spacing, String variation, byte[] png) {

    @Override
    public String toString() {
        return text + " in " + font.family() + " #" + index + " " + spacing + " (" + variation + ")";
    }
}
