package io.mathsketch.corpus.symbols;

import org.junit.jupiter.api.Test;

/**
 * Tuning aid, never run by the build ({@code -Dtest=ExpressionPhotoTuning}): {@link ExpressionPhotoQualityTest}'s
 * measure on a set of its own ({@link #SEED}, expressions from {@link #FIRST}), never the held-out one.
 */
class ExpressionPhotoTuning {

    static final long SEED = 0x5A4F_0041L;
    static final int FIRST = 10_000;

    @Test
    void report() throws Exception {
        int count = Integer.getInteger("tuning.count", 60);
        System.out.println("expression photos (tuning): " + ExpressionPhotoQualityTest.score(SEED, FIRST, count)
                .report());
    }
}
