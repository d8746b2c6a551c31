package io.mathsketch.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A fixed CPU-bound yardstick: 100,000 steps of a xorshift generator, a dependent chain of shifts and xors that no
 * JIT can shorten. It measures nothing of MathSketch; the regression guard divides every other score by it, so that
 * a faster or slower (or busier) machine cancels out and only relative changes in our code remain. It runs with the
 * same JMH settings as the benchmarks it divides ({@link JmhSettings}).
 */
@State(Scope.Thread)
public class ReferenceBenchmark extends JmhSettings {

    public long seed = 0x9E3779B97F4A7C15L;

    @Benchmark
    public long cpuLoop() {
        long x = seed;
        for (int i = 0; i < 100_000; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
        }
        return x;
    }
}
