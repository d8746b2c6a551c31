package io.mathsketch.benchmarks;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The committed yardstick of the regression guard: each benchmark's median iteration time (CPU time when measured,
 * else wall-clock) divided by the reference benchmark's of the same run, with the noise of both. Written by
 * {@link GuardCheck} from a real run, never by hand.
 *
 * @param reference key of the reference benchmark every score is divided by
 * @param tolerance slowdown always allowed on top of measured noise (0.3 = 30%)
 * @param recorded when and where the baseline run happened, for people reading the file
 * @param metric {@code cpu} (CPU time per operation) or {@code wall} (wall-clock); a check must use the same
 * @param ratios per benchmark key: ratio to the reference and its relative noise
 */
public record GuardBaseline(String reference, double tolerance, String recorded, String metric,
                            Map<String, Ratio> ratios) {

    public static final String CPU = "cpu";
    public static final String WALL = "wall";
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public GuardBaseline {
        ratios = Collections.unmodifiableMap(new TreeMap<>(ratios));
        if (!CPU.equals(metric) && !WALL.equals(metric)) {
            throw new IllegalArgumentException("metric must be '" + CPU + "' or '" + WALL + "', was " + metric);
        }
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
        }
    }

    /**
     * A benchmark relative to the reference.
     *
     * @param ratio median (CPU or wall-clock) time per operation / the reference's
     * @param noise relative uncertainty of the ratio (both scores' JMH errors combined)
     */
    public record Ratio(double ratio, double noise) {
    }

    /** The ratios of one run, as a new baseline. */
    public static GuardBaseline of(List<JmhResult> run, String reference, double tolerance, String recorded) {
        return new GuardBaseline(reference, tolerance, recorded, usesCpuTime(run) ? CPU : WALL, ratios(run, reference));
    }

    /**
     * Every benchmark of {@code run} but the reference, divided by the reference: CPU time per operation when the run
     * measured it for every benchmark ({@link ProcessCpuProfiler}), else wall-clock time per operation.
     */
    static Map<String, Ratio> ratios(List<JmhResult> run, String reference) {
        JmhResult ref = run.stream().filter(r -> r.key().equals(reference)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the run has no reference benchmark '" + reference
                        + "': include it in the benchmark selection"));
        boolean cpu = usesCpuTime(run);
        Map<String, Ratio> ratios = new LinkedHashMap<>();
        for (JmhResult r : run) {
            if (r == ref) {
                continue;
            }
            ratios.put(r.key(), cpu
                    ? new Ratio(r.cpu().orElseThrow().medianNanosPerOp() / ref.cpu().orElseThrow().medianNanosPerOp(),
                            Math.hypot(r.cpu().get().relativeError(), ref.cpu().get().relativeError()))
                    : new Ratio(r.medianNanosPerOp() / ref.medianNanosPerOp(),
                            Math.hypot(r.relativeError(), ref.relativeError())));
        }
        return ratios;
    }

    /** True when every result of the run carries CPU time per operation. */
    static boolean usesCpuTime(List<JmhResult> run) {
        return run.stream().allMatch(r -> r.cpu().isPresent());
    }

    public static GuardBaseline read(Path file) throws IOException {
        return GSON.fromJson(Files.readString(file), GuardBaseline.class);
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, GSON.toJson(this) + "\n");
    }
}
