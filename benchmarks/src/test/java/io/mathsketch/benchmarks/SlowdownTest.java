package io.mathsketch.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SlowdownTest {

    @Test
    void aFactorOfOneAndAHalfAddsOneRunEverySecondOperation() {
        Slowdown slowdown = new Slowdown("PayloadBenchmark.pipeline:1.5");
        int extra = 0;
        for (int i = 0; i < 1000; i++) {
            extra += slowdown.extraRuns("PayloadBenchmark.pipeline");
        }
        assertEquals(500, extra);
    }

    @Test
    void onlyTheNamedBenchmarkOrAllAreSlowed() {
        assertEquals(0, new Slowdown("pipeline:2").extraRuns("PayloadBenchmark.decode"));
        assertEquals(1, new Slowdown("pipeline:2").extraRuns("PayloadBenchmark.pipeline"));
        assertEquals(1, new Slowdown("canvasOneThread").extraRuns("EndToEndBenchmark.canvasOneThread"));
        assertEquals(2, new Slowdown("all:3").extraRuns("InferenceBenchmark.batch1"));
        assertEquals(0, new Slowdown("").extraRuns("InferenceBenchmark.batch1"));
    }

    @Test
    void theFactorIsOneWhenNothingIsSlowed() {
        assertEquals(1.5, new Slowdown("all:1.5").factor());
        assertEquals(2, new Slowdown("pipeline").factor());
        assertEquals(1, new Slowdown("").factor());
    }

    @Test
    void refusesASpeedUp() {
        assertThrows(IllegalArgumentException.class, () -> new Slowdown("all:0.5"));
    }
}
