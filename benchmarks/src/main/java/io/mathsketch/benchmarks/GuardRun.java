package io.mathsketch.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * The regression guard's measurement: each guarded workload as this build does it and as the baseline commit's build
 * does it, measured <em>side by side</em> in one JVM, round after round. In every round the workloads come in a fresh
 * random order and each one's two builds run back to back (in a random order too), one slice of about
 * {@value #SLICE_MS} ms of CPU each; the round's slowdown of a workload is this build's CPU time per operation divided
 * by the baseline's, measured within the same ~60 ms. A workload may bring a third build, this one deliberately
 * slowed down (the guard's proof): it runs in the same rounds, in the random order with the other two, and is judged
 * against the same baseline slices, so one run both guards and proves the guard.
 *
 * <p>Why this shape: on a shared 2-core machine the speed of the cores (other processes' cache and memory traffic, a
 * busy hyper-thread sibling, frequency) changes from one minute to the next, and from one machine to the next much
 * more. A ratio of two measurements taken within the same fraction of a second on the same machine carries neither
 * change; a ratio against a number recorded on another day or machine carries both (the guard that compared against
 * recorded figures failed CI when the machine changed). The guard judges the median over rounds, so a disturbed round
 * does not decide. Time is CPU time of the JVM's Java threads ({@link JavaThreadsCpu}): other processes competing for
 * the cores do not count.
 */
final class GuardRun {

    static final long SLICE_MS = 30;

    /** One workload in both builds, and optionally in this build deliberately slowed down (the proof). */
    record Pair(String name, Callable<Object> current, Callable<Object> baseline, Optional<Callable<Object>> slowed) {

        Pair(String name, Callable<Object> current, Callable<Object> baseline) {
            this(name, current, baseline, Optional.empty());
        }

        /** Every build measured in a round: this build, the baseline, then the slowed copy when there is one. */
        List<Callable<Object>> builds() {
            List<Callable<Object>> builds = new ArrayList<>(List.of(current, baseline));
            slowed.ifPresent(builds::add);
            return builds;
        }
    }

    /**
     * What a run measured.
     *
     * @param current this build against the baseline, per workload
     * @param slowed  the slowed copy of this build against the same baseline slices, per workload that has one
     */
    record Result(Map<String, Measurement> current, Map<String, Measurement> slowed) {
    }

    /**
     * What a run measured for one workload.
     *
     * @param slowdown median over rounds of (this build's CPU time per operation / the baseline's): 1.5 = 50% slower
     * @param spread interquartile range of the per-round slowdowns divided by the median (how noisy the run was)
     * @param currentNanosPerOp median CPU time per operation of this build, for people reading the log
     * @param baselineNanosPerOp median CPU time per operation of the baseline build
     */
    record Measurement(double slowdown, double spread, double currentNanosPerOp, double baselineNanosPerOp) {
    }

    private final List<Pair> pairs;
    private final JavaThreadsCpu cpu = new JavaThreadsCpu();
    private Object sink;

    GuardRun(List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
    }

    /** Warms every workload of every build up for {@code warmUpMs} of CPU, then measures {@code rounds} rounds. */
    Result measure(long warmUpMs, int rounds) throws Exception {
        Map<Callable<Object>, Integer> opsPerSlice = new LinkedHashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            // Two passes, so that code every workload shares is compiled in the mix that measuring will see.
            for (Pair p : pairs) {
                for (Callable<Object> build : p.builds()) {
                    double nanosPerOp = slice(build, warmUpMs * 1_000_000 / 4);
                    opsPerSlice.put(build, (int) Math.max(1, Math.round(SLICE_MS * 1e6 / nanosPerOp)));
                }
            }
        }
        // Per pair, per build (its index in builds()): a pipeline may be paired with several references.
        Map<Pair, double[][]> nanosPerOp = new IdentityHashMap<>();
        pairs.forEach(p -> nanosPerOp.put(p, new double[p.builds().size()][rounds]));
        List<Pair> order = new ArrayList<>(pairs);
        Random shuffle = new Random(42);
        for (int r = 0; r < rounds; r++) {
            Collections.shuffle(order, shuffle);
            for (Pair p : order) {
                List<Callable<Object>> builds = p.builds();
                List<Integer> turns = new ArrayList<>(IntStream.range(0, builds.size()).boxed().toList());
                Collections.shuffle(turns, shuffle);
                for (int b : turns) {
                    nanosPerOp.get(p)[b][r] = fixedSlice(builds.get(b), opsPerSlice.get(builds.get(b)));
                }
            }
        }
        Map<String, Measurement> current = new LinkedHashMap<>(), slowed = new LinkedHashMap<>();
        for (Pair p : pairs) {
            double[][] times = nanosPerOp.get(p);
            current.put(p.name(), summarise(times[0], times[1]));
            if (p.slowed().isPresent()) {
                slowed.put(p.name(), summarise(times[2], times[1]));
            }
        }
        return new Result(current, slowed);
    }

    /** The median slowdown over rounds and its spread, from per-round CPU nanoseconds per operation of both builds. */
    static Measurement summarise(double[] current, double[] baseline) {
        double[] slowdowns = new double[current.length];
        for (int r = 0; r < current.length; r++) {
            slowdowns[r] = current[r] / baseline[r];
        }
        Arrays.sort(slowdowns);
        double median = quantile(slowdowns, 0.5);
        double spread = (quantile(slowdowns, 0.75) - quantile(slowdowns, 0.25)) / median;
        return new Measurement(median, spread, median(current), median(baseline));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantile(sorted, 0.5);
    }

    /** Runs {@code operation} until it used {@code budgetNanos} of CPU; returns CPU nanoseconds per operation. */
    private double slice(Callable<Object> operation, long budgetNanos) throws Exception {
        cpu.start();
        long ops = 0, spent;
        do {
            sink = operation.call();
            ops++;
        } while ((spent = cpu.elapsed()) < budgetNanos);
        return (double) spent / ops;
    }

    private double fixedSlice(Callable<Object> operation, int ops) throws Exception {
        cpu.start();
        for (int i = 0; i < ops; i++) {
            sink = operation.call();
        }
        return (double) cpu.elapsed() / ops;
    }

    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position), high = (int) Math.ceil(position);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }

    /** Whatever the last operation returned, so that no JIT can drop the work. */
    Object sink() {
        return sink;
    }
}
