package io.mathsketch.benchmarks;

/**
 * A deliberate, opt-in slowdown for proving that the regression guard catches regressions:
 * {@code -Dmathsketch.bench.slowdown=<target>[:<factor>]} makes the benchmarks named by {@code target}
 * ({@code Class.method}, a plain method name, or {@code all}) do their work {@code factor} times on average (default
 * 2; 1.5 = one extra run every second operation). Benchmark code only; nothing in the engine or server reads it.
 * Keeps a running count, so one instance per benchmark state and thread.
 */
final class Slowdown {

    static final String PROPERTY = "mathsketch.bench.slowdown";
    /** Target that slows every benchmark that asks. */
    static final String ALL = "all";

    private final String spec;
    private final String target;
    private final double extra;
    private double owed;

    Slowdown(String spec) {
        this.spec = spec;
        int colon = spec.lastIndexOf(':');
        this.target = colon < 0 ? spec : spec.substring(0, colon);
        double factor = colon < 0 ? 2 : Double.parseDouble(spec.substring(colon + 1));
        if (!(factor >= 1)) {
            throw new IllegalArgumentException(PROPERTY + " factor must be at least 1: " + spec);
        }
        this.extra = factor - 1;
    }

    static Slowdown fromSystemProperty() {
        return new Slowdown(System.getProperty(PROPERTY, ""));
    }

    /** How many times its work a slowed benchmark does (1 when nothing is slowed). */
    double factor() {
        return target.isEmpty() ? 1 : 1 + extra;
    }

    /** What it was made from, to hand to another build's {@code Slowdown}. */
    String spec() {
        return spec;
    }

    /** The same slowdown with its own running count, for another benchmark or thread. */
    Slowdown fresh() {
        return new Slowdown(spec);
    }

    /** Whether {@code benchmark} ({@code Class.method}) is slowed down. */
    boolean applies(String benchmark) {
        return !target.isEmpty() && (target.equals(ALL) || target.equals(benchmark)
                || benchmark.endsWith("." + target));
    }

    /** How many extra times {@code benchmark} should repeat its work this operation (0 unless slowed down). */
    int extraRuns(String benchmark) {
        if (!applies(benchmark)) {
            return 0;
        }
        owed += extra;
        int runs = (int) owed;
        owed -= runs;
        return runs;
    }

    /** The factor and target, for logs. */
    @Override
    public String toString() {
        return target.isEmpty() ? "none" : target + " x" + (1 + extra);
    }
}
