package io.mathsketch.corpus.styles;

import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.HandwritingGenerator;
import io.mathsketch.corpus.render.CanvasDigits;
import java.util.ArrayList;
import java.util.List;

/**
 * Digits in the world's styles as the engine receives them from the drawing page: drawn by a
 * {@link HandwritingGenerator}, rendered and decoded by {@link CanvasDigits}. Drawing {@code i} of a style is always
 * the same, so a held-out set is a fixed test set. Thread-safe.
 */
public final class StyleSet {

    private final HandwritingGenerator hand;
    private final CanvasDigits canvas = new CanvasDigits();

    public StyleSet(HandConfig config) {
        this.hand = new HandwritingGenerator(config);
    }

    public HandConfig config() {
        return hand.config();
    }

    /** Drawing {@code index} of {@code style}. */
    public StyledDigit digit(DigitStyle style, long index) {
        return new StyledDigit(style, canvas.digit(hand.draw(style, index).pageInk()));
    }

    /** Drawing {@code index} of the configuration's set (the styles take turns). */
    public StyledDigit sample(long index) {
        var drawing = hand.sample(index);
        return new StyledDigit(drawing.style(), canvas.digit(drawing.pageInk()));
    }

    /** The first {@code perStyle} drawings of each of the configuration's styles, style by style. */
    public List<StyledDigit> firstOfEachStyle(int perStyle) {
        List<StyledDigit> out = new ArrayList<>(perStyle * config().styles().size());
        for (DigitStyle style : config().styles()) {
            for (int i = 0; i < perStyle; i++) {
                out.add(digit(style, i));
            }
        }
        return out;
    }
}
