package io.mathsketch.engine.symbols;

import io.mathsketch.engine.expression.Symbol;

/**
 * Whether a lone tall stroke is a {@code 1} or the slash people write for division, from what the centred image
 * hides and the model's own odds: the same stroke is either, and the 20x20 box keeps only its lean. The model's odds
 * of {@code ÷} against {@code 1} are weighted and the stroke's place on the line added (a log-linear rule), and the
 * two symbols' joint probability is shared out again by the new odds; the other symbols keep theirs.
 *
 * @param model weight of the model's log-odds
 * @param lean  per unit of lean ({@link SymbolGeometry.Features#lean})
 * @param height per line height of the stroke's height
 * @param top   per line height of its top below the line's top
 * @param bottom per line height of its bottom below the baseline
 * @param above per line height its top reaches above the line's top (none when it starts lower): with {@code top},
 *              a stroke starting above the line is not read as more of a 1 the higher it starts
 * @param below per line height its bottom reaches below the baseline (none when it ends higher)
 * @param bias  the constant
 */
public record SlashOdds(double model, double lean, double height, double top, double bottom, double above,
                        double below, double bias) {

    /** The model's odds unchanged. */
    public static final SlashOdds MODEL = new SlashOdds(1, 0, 0, 0, 0, 0, 0, 0);

    /** A stroke this share of the line high, or higher, may be a slash; a shorter one is left as the model reads it. */
    static final double TALL = 0.6;

    /** {@code probabilities} (the model's, in label order) with the 1 and ÷ shares re-divided for this stroke. */
    float[] apply(float[] probabilities, SymbolGeometry.Features f, SymbolChoice choice) {
        int one = choice.labelIndex(Symbol.ONE), divide = choice.labelIndex(Symbol.DIVIDE);
        double p1 = Math.max(ExpressionLayout.MIN_PROBABILITY, probabilities[one]);
        double pd = Math.max(ExpressionLayout.MIN_PROBABILITY, probabilities[divide]);
        double odds = model * Math.log(pd / p1) + lean * f.lean() + height * f.height() + top * f.top()
                + bottom * f.bottom() + above * Math.max(0, -f.top()) + below * Math.max(0, f.bottom()) + bias;
        double mass = probabilities[one] + probabilities[divide];
        double slash = 1 / (1 + Math.exp(-odds));
        float[] out = probabilities.clone();
        out[divide] = (float) (mass * slash);
        out[one] = (float) (mass * (1 - slash));
        return out;
    }
}
