package io.mathsketch.benchmarks;

/**
 * A deliberate, opt-in slowdown for proving that the regression guard catches regressions: with
 * {@code -Dmathsketch.bench.slowdown=<benchmark method>} that benchmark does its work twice. Benchmark code only;
 * nothing in the engine or server reads it.
 */
record Slowdown(String method) {

    static final String PROPERTY = "mathsketch.bench.slowdown";

    static Slowdown fromSystemProperty() {
        return new Slowdown(System.getProperty(PROPERTY, ""));
    }

    /** How many times {@code benchmarkMethod} should run its work: 2 when slowed down, else 1. */
    int runs(String benchmarkMethod) {
        return method.equals(benchmarkMethod) ? 2 : 1;
    }
}
