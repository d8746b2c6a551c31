package io.mathsketch.corpus.hand;

import java.util.SplittableRandom;

/**
 * The proportions of one drawing of a glyph: each shape parameter a glyph asks for (a loop's width, a flag's length,
 * where a crossbar sits) is drawn from the glyph's nominal range, widened or narrowed about its centre by the
 * configuration's {@code spread}. A held-out configuration with a wider spread therefore draws shapes the training
 * configuration never produced.
 */
public final class Proportions {

    private final SplittableRandom random;
    private final double spread;

    Proportions(SplittableRandom random, double spread) {
        this.random = random;
        this.spread = spread;
    }

    /** A value of the parameter whose nominal range is {@code [low, high]}. */
    public double between(double low, double high) {
        double centre = (low + high) / 2, half = (high - low) / 2 * spread;
        return centre + (random.nextDouble() * 2 - 1) * half;
    }

    /** True with probability {@code p}: a discrete variant of the glyph (a serif, an overshoot). */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }
}
