package io.mathsketch.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent by this JVM's Java threads since {@link #start()}: the calling thread, an inference worker, ONNX
 * Runtime's calls on them. JIT compiler and GC threads are not Java threads and are left out; the process clock would
 * count them but ticks in 10 ms steps. The clock of both the regression guard and {@link ProcessCpuProfiler}. Not
 * thread-safe.
 */
final class JavaThreadsCpu {

    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> atStart = new HashMap<>();

    void start() {
        atStart.clear();
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        for (int i = 0; i < ids.length; i++) {
            atStart.put(ids[i], Math.max(0, cpu[i]));
        }
    }

    /** Nanoseconds of CPU since {@link #start()}. */
    long elapsed() {
        long[] ids = threads.getAllThreadIds();
        long[] cpu = threads.getThreadCpuTime(ids);
        long spent = 0;
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] >= 0) {
                spent += cpu[i] - atStart.getOrDefault(ids[i], 0L);
            }
        }
        return spent;
    }
}
