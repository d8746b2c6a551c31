package io.mathsketch.engine.preprocess;

/** Counting histograms of the photo path ({@link PhotoInk}, {@link InkPolarity}): their quantiles. */
final class Histogram {

    private Histogram() {
    }

    /**
     * The least bin at or below which at least {@code q} of {@code total} counts lie (the last bin when none is
     * counted).
     */
    static int quantile(int[] counts, int total, double q) {
        long target = (long) Math.ceil(q * total);
        long seen = 0;
        for (int v = 0; v < counts.length; v++) {
            seen += counts[v];
            if (seen >= target && seen > 0) {
                return v;
            }
        }
        return counts.length - 1;
    }
}
