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
 * The committed yardstick of the regression guard: each benchmark's median iteration time divided by the reference
 * benchmark's of the same run, with the noise of both. Written by {@link GuardCheck} from a real run, never by hand.
 *
 * @param reference key of the reference benchmark every score is divided by
 * @param tolerance slowdown always allowed on top of measured noise (0.3 = 30%)
 * @param recorded when and where the baseline run happened, for people reading the file
 * @param ratios per benchmark key: ratio to the reference and its relative noise
 */
public record GuardBaseline(String reference, double tolerance, String recorded, Map<String, Ratio> ratios) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    public GuardBaseline {
        ratios = Collections.unmodifiableMap(new TreeMap<>(ratios));
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, was " + tolerance);
        }
    }

    /**
     * A benchmark relative to the reference.
     *
     * @param ratio median time per operation / the reference's median time per operation
     * @param noise relative uncertainty of the ratio (both scores' JMH errors combined)
     */
    public record Ratio(double ratio, double noise) {
    }

    /** The ratios of one run, as a new baseline. */
    public static GuardBaseline of(List<JmhResult> run, String reference, double tolerance, String recorded) {
        return new GuardBaseline(reference, tolerance, recorded, ratios(run, reference));
    }

    /** Every benchmark of {@code run} but the reference, divided by the reference. */
    static Map<String, Ratio> ratios(List<JmhResult> run, String reference) {
        JmhResult ref = run.stream().filter(r -> r.key().equals(reference)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the run has no reference benchmark '" + reference
                        + "': include it in the benchmark selection"));
        Map<String, Ratio> ratios = new LinkedHashMap<>();
        for (JmhResult r : run) {
            if (r != ref) {
                ratios.put(r.key(), new Ratio(r.medianNanosPerOp() / ref.medianNanosPerOp(),
                        Math.hypot(r.relativeError(), ref.relativeError())));
            }
        }
        return ratios;
    }

    public static GuardBaseline read(Path file) throws IOException {
        return GSON.fromJson(Files.readString(file), GuardBaseline.class);
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, GSON.toJson(this) + "\n");
    }
}
