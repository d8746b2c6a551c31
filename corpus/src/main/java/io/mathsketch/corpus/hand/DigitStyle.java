package io.mathsketch.corpus.hand;

import java.util.Arrays;
import java.util.List;

/**
 * The ways of writing each digit that the generator knows: the ordinary forms MNIST is full of, and the forms
 * common elsewhere in the world that MNIST (American writers of the early 1990s) lacks ({@link #mnistLacks()}).
 */
public enum DigitStyle {

    ZERO_OVAL(0, false, "oval 0", DigitGlyphs::zeroOval),
    ZERO_SLASHED(0, true, "slashed 0", DigitGlyphs::zeroSlashed),
    ONE_PLAIN(1, false, "plain stroke 1", DigitGlyphs::onePlain),
    ONE_FLAG(1, false, "1 with a short flag", DigitGlyphs::oneFlag),
    ONE_CONTINENTAL(1, true, "continental 1 (long up-stroke)", DigitGlyphs::oneContinental,
            Legibility.UP_STROKE_RISES),
    ONE_CONTINENTAL_FOOT(1, true, "continental 1 with flag and foot", DigitGlyphs::oneContinentalFoot),
    TWO_PLAIN(2, false, "plain 2", DigitGlyphs::twoPlain),
    TWO_LOOPED(2, true, "looped 2", DigitGlyphs::twoLooped),
    THREE_PLAIN(3, false, "round 3", DigitGlyphs::threePlain),
    THREE_FLAT_TOP(3, true, "flat-topped 3", DigitGlyphs::threeFlatTop),
    FOUR_PLAIN(4, false, "plain 4", DigitGlyphs::fourPlain),
    FOUR_OPEN(4, true, "open 4 (parallel arms)", DigitGlyphs::fourOpen),
    FOUR_CLOSED(4, true, "closed 4", DigitGlyphs::fourClosed),
    FIVE_PLAIN(5, false, "plain 5", DigitGlyphs::fivePlain),
    SIX_CURVED(6, false, "curved 6", DigitGlyphs::sixCurved),
    SIX_STRAIGHT(6, true, "6 with a straight stem", DigitGlyphs::sixStraight),
    SEVEN_PLAIN(7, false, "plain 7", DigitGlyphs::sevenPlain),
    SEVEN_CROSSED(7, true, "crossed 7", DigitGlyphs::sevenCrossed),
    EIGHT_PLAIN(8, false, "one-stroke 8", DigitGlyphs::eightPlain),
    EIGHT_TWO_LOOPS(8, false, "8 of two loops", DigitGlyphs::eightTwoLoops),
    NINE_CURVED(9, false, "curved 9", DigitGlyphs::nineCurved),
    NINE_STRAIGHT(9, true, "9 with a straight stem", DigitGlyphs::nineStraight);

    private final int digit;
    private final boolean mnistLacks;
    private final String description;
    private final Glyph glyph;
    private final Legibility legibility;

    DigitStyle(int digit, boolean mnistLacks, String description, Glyph glyph) {
        this(digit, mnistLacks, description, glyph, Legibility.ANY);
    }

    DigitStyle(int digit, boolean mnistLacks, String description, Glyph glyph, Legibility legibility) {
        this.digit = digit;
        this.mnistLacks = mnistLacks;
        this.description = description;
        this.glyph = glyph;
        this.legibility = legibility;
    }

    /** The digit this style writes, 0-9. */
    public int digit() {
        return digit;
    }

    /** True for the forms MNIST has few or none of. */
    public boolean mnistLacks() {
        return mnistLacks;
    }

    /** A short human description ("crossed 7"), for reports and model cards. */
    public String description() {
        return description;
    }

    public Glyph glyph() {
        return glyph;
    }

    /** What a drawing of this style must keep, as the hand placed it, to still be read as its digit. */
    Legibility legibility() {
        return legibility;
    }

    /** The styles of one digit, in declaration order. */
    public static List<DigitStyle> of(int digit) {
        return Arrays.stream(values()).filter(s -> s.digit == digit).toList();
    }
}
