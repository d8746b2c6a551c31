package io.mathsketch.benchmarks;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A JMH profiler ({@code -prof io.mathsketch.benchmarks.ProcessCpuProfiler}) reporting the CPU time the benchmark
 * JVM's Java threads spent per operation ({@code cpu.time/op}: the benchmark threads, the inference worker, ONNX
 * Runtime's calls on them). Unlike wall-clock time it barely moves when other processes compete for the cores, which
 * is what a regression guard on a shared machine needs. JIT compiler and GC threads are not Java threads and are left
 * out on purpose: compilations landing in a measurement iteration would otherwise make it noisy. Per-thread clocks
 * have nanosecond resolution (the process clock of {@code OperatingSystemMXBean} ticks in 10 ms).
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    /** The secondary metric's name in JMH's results (JMH may prefix it). */
    public static final String METRIC = "cpu.time/op";

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> cpuAtStart = new HashMap<>();

    @Override
    public String getDescription() {
        return "CPU time of all Java threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart.clear();
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        for (int i = 0; i < ids.length; i++) {
            cpuAtStart.put(ids[i], Math.max(0, cpu[i]));
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        long spent = 0;
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0) {
                spent += cpu[i] - cpuAtStart.getOrDefault(ids[i], 0L);
            }
        }
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult(METRIC, (double) spent / ops, "ns/op", AggregationPolicy.AVG));
    }
}
