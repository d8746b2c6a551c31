package io.mathsketch.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed yardstick of the regression guard: each guarded workload's CPU time per operation divided by the
 * reference workloads' of the same round, median over the rounds of one {@link GuardRun}. Written by
 * {@link GuardCheck} from a real run, never by hand.
 *
 * @param reference how the yardstick every ratio divides by is made
 * @param tolerance slowdown allowed before the guard fails (0.25 = a workload may get 25% slower)
 * @param recorded when and where the baseline run happened, for people reading the file
 * @param metric {@value #CPU}: CPU time of the JVM's Java threads per operation
 * @param ratios per workload: ratio to the yardstick and the spread of the per-round ratios
 */
public record GuardBaseline(String reference, double tolerance, String recorded, String metric,
                            Map<String, Ratio> ratios) {

    public static final String CPU = "cpu";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public GuardBaseline {
        ratios = Collections.unmodifiableMap(new TreeMap<>(ratios));
        if (!CPU.equals(metric)) {
            throw new IllegalArgumentException("metric must be '" + CPU + "', was " + metric
                    + ": re-record the baseline with scripts/bench-guard.sh --record");
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
        }
    }

    /**
     * A workload relative to the yardstick.
     *
     * @param ratio median over rounds of (CPU time per operation / yardstick)
     * @param noise interquartile range of the per-round ratios divided by the median
     */
    public record Ratio(double ratio, double noise) {
    }

    /** The ratios of one run, as a new baseline (or as the current run, to compare with one). */
    public static GuardBaseline of(Map<String, GuardRun.Measurement> run, double tolerance, String recorded) {
        Map<String, Ratio> ratios = new LinkedHashMap<>();
        run.forEach((name, m) -> ratios.put(name, new Ratio(m.ratio(), m.spread())));
        return new GuardBaseline(GuardRun.YARDSTICK, tolerance, recorded, CPU, ratios);
    }

    public static GuardBaseline read(Path file) throws IOException {
        return GSON.fromJson(Files.readString(file), GuardBaseline.class);
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, GSON.toJson(this) + "\n");
    }
}
