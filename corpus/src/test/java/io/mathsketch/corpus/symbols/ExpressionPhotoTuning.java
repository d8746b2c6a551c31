package io.mathsketch.corpus.symbols;

import org.junit.jupiter.api.Test;

/**
 * Tuning aid, never run by the build ({@code -Dtest=ExpressionPhotoTuning}): {@link ExpressionPhotoQualityTest}'s
 * measure on a set of its own ({@link #SEED}, expressions from {@link #FIRST}), never the held-out one. A second
 * tuning set checks a change chosen on the first: {@code -Dtuning.seed=0x5A4F0043 -Dtuning.first=30000} (any seed but
 * the held-out camera's, any expressions but the held-out ones).
 */
class ExpressionPhotoTuning {

    static final long SEED = 0x5A4F_0041L;
    static final int FIRST = 10_000;

    @Test
    void report() throws Exception {
        int count = Integer.getInteger("tuning.count", 60);
        long seed = Long.decode(System.getProperty("tuning.seed", Long.toString(SEED)));
        int first = Integer.getInteger("tuning.first", FIRST);
        if (seed == ExpressionPhotoQualityTest.SEED || first < ExpressionPhotoQualityTest.FIRST + ExpressionPhotoQualityTest.COUNT
                && first + count > ExpressionPhotoQualityTest.FIRST) {
            throw new IllegalArgumentException("the held-out camera or expressions are not a tuning set");
        }
        System.out.println("expression photos (tuning): " + ExpressionPhotoQualityTest.score(seed, first, count)
                .report());
    }
}
