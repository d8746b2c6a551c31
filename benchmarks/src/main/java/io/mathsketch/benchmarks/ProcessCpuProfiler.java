package io.mathsketch.benchmarks;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.util.Collection;
import java.util.List;

/**
 * A JMH profiler ({@code -prof io.mathsketch.benchmarks.ProcessCpuProfiler}) reporting the CPU time the benchmark
 * JVM's Java threads spent per operation ({@code cpu.time/op}: the benchmark threads, the inference worker, ONNX
 * Runtime's calls on them). Unlike wall-clock time it barely moves when other processes compete for the cores, which
 * is what a regression guard on a shared machine needs. JIT compiler and GC threads are not Java threads and are left
 * out on purpose: compilations landing in a measurement iteration would otherwise make it noisy. Per-thread clocks
 * have nanosecond resolution (the process clock of {@code OperatingSystemMXBean} ticks in 10 ms). The clock is
 * {@link JavaThreadsCpu}, the one the regression guard reads too.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    /** The secondary metric's name in JMH's results (JMH may prefix it). */
    public static final String METRIC = "cpu.time/op";

    private final JavaThreadsCpu cpu = new JavaThreadsCpu();

    @Override
    public String getDescription() {
        return "CPU time of all Java threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpu.start();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long spent = cpu.elapsed();
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult(METRIC, (double) spent / ops, "ns/op", AggregationPolicy.AVG));
    }
}
