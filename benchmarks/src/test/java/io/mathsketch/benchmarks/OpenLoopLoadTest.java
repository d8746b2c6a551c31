package io.mathsketch.benchmarks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenLoopLoadTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = (i + 1) * 1_000_000L;
        }

        assertEquals(50.0, OpenLoopLoad.percentile(sorted, 50));
        assertEquals(99.0, OpenLoopLoad.percentile(sorted, 99));
        assertEquals(100.0, OpenLoopLoad.percentile(sorted, 100));
        assertEquals(7.0, OpenLoopLoad.percentile(new long[] {7_000_000L}, 99));
        assertTrue(Double.isNaN(OpenLoopLoad.percentile(new long[0], 50)));
    }
}
