package io.mathsketch.corpus.hand;

import java.util.List;

/**
 * The stroke model of one way of writing a symbol: its pen strokes in em units, in the usual order and direction,
 * with proportions drawn afresh for every drawing. A {@link Hand} then slants, stretches, wobbles, reorders and
 * reverses them.
 */
@FunctionalInterface
public interface Glyph {

    /** The strokes of one drawing, the first stroke first. */
    List<GlyphPath> strokes(Proportions proportions);
}
