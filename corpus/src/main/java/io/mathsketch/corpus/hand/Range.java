package io.mathsketch.corpus.hand;

import java.util.SplittableRandom;

/** A closed interval that a writer's parameter is drawn from, uniformly. */
public record Range(double min, double max) {

    public Range {
        if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("a range needs finite min <= max, not [" + min + ", " + max + "]");
        }
    }

    public static Range of(double min, double max) {
        return new Range(min, max);
    }

    public double draw(SplittableRandom random) {
        return min == max ? min : min + random.nextDouble() * (max - min);
    }
}
