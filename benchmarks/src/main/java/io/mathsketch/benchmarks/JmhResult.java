package io.mathsketch.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One benchmark score from a JMH JSON result file ({@code -rf json}), in nanoseconds per operation whatever the mode
 * and unit JMH reported, so scores of different benchmarks divide into unit-free ratios.
 *
 * @param key benchmark method without our package, plus its parameters: {@code InferenceBenchmark.batch1[engine=PyTorch]}
 * @param nanosPerOp the score (JMH's mean over iterations) as time per operation
 * @param medianNanosPerOp the median over all measurement iterations as time per operation: robust to a burst of load
 *                         from other processes during one iteration, so the regression guard uses it
 * @param relativeError JMH's 99.9% confidence half-width divided by the score; 0 when JMH could not compute one
 * @param cpu the benchmark JVM's CPU time per operation from {@link ProcessCpuProfiler}, when the run used it
 * @param score the score as JMH reported it
 * @param unit JMH's unit for {@code score}
 * @param threads caller threads of the benchmark
 */
public record JmhResult(String key, double nanosPerOp, double medianNanosPerOp, double relativeError, double score,
                        String unit, int threads, Optional<Cpu> cpu) {

    /**
     * CPU time per operation.
     *
     * @param medianNanosPerOp median over the measurement iterations
     * @param relativeError JMH's 99.9% confidence half-width divided by the mean; 0 when unknown
     */
    public record Cpu(double medianNanosPerOp, double relativeError) {
    }

    private static final String PACKAGE = "io.mathsketch.benchmarks.";

    public static List<JmhResult> read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static List<JmhResult> parse(String json) {
        JsonArray runs = JsonParser.parseString(json).getAsJsonArray();
        List<JmhResult> results = new ArrayList<>();
        for (JsonElement element : runs) {
            JsonObject run = element.getAsJsonObject();
            JsonObject metric = run.getAsJsonObject("primaryMetric");
            double score = metric.get("score").getAsDouble();
            double error = metric.has("scoreError") ? metric.get("scoreError").getAsDouble() : Double.NaN;
            String unit = metric.get("scoreUnit").getAsString();
            int threads = run.has("threads") ? run.get("threads").getAsInt() : 1;
            double relative = Double.isFinite(error) && score > 0 ? Math.abs(error) / score : 0;
            double median = median(metric.getAsJsonArray("rawData")).orElse(score);
            results.add(new JmhResult(key(run), toNanosPerOp(score, unit), toNanosPerOp(median, unit), relative, score,
                    unit, threads, cpu(run)));
        }
        return List.copyOf(results);
    }

    /** The {@code [name=value,...]} part of the key, empty without parameters. */
    public String params() {
        int open = key.indexOf('[');
        return open < 0 ? "" : key.substring(open + 1, key.length() - 1);
    }

    /** The key without parameters: {@code Class.method}. */
    public String method() {
        int open = key.indexOf('[');
        return open < 0 ? key : key.substring(0, open);
    }

    private static String key(JsonObject run) {
        String name = run.get("benchmark").getAsString();
        if (name.startsWith(PACKAGE)) {
            name = name.substring(PACKAGE.length());
        }
        if (!run.has("params")) {
            return name;
        }
        Map<String, String> params = new TreeMap<>();
        run.getAsJsonObject("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
        StringBuilder key = new StringBuilder(name).append('[');
        params.forEach((k, v) -> key.append(k).append('=').append(v).append(','));
        key.setCharAt(key.length() - 1, ']');
        return key.toString();
    }

    private static Optional<Cpu> cpu(JsonObject run) {
        JsonObject secondary = run.getAsJsonObject("secondaryMetrics");
        if (secondary == null) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonElement> e : secondary.entrySet()) {
            if (e.getKey().endsWith(ProcessCpuProfiler.METRIC)) {
                JsonObject metric = e.getValue().getAsJsonObject();
                double score = metric.get("score").getAsDouble();
                double error = metric.has("scoreError") ? metric.get("scoreError").getAsDouble() : Double.NaN;
                String unit = metric.get("scoreUnit").getAsString();
                double median = median(metric.getAsJsonArray("rawData")).orElse(score);
                double relative = Double.isFinite(error) && score > 0 ? Math.abs(error) / score : 0;
                return Optional.of(new Cpu(toNanosPerOp(median, unit), relative));
            }
        }
        return Optional.empty();
    }

    /** Median of the iteration scores of every fork ({@code rawData}), if JMH wrote any. */
    private static OptionalDouble median(JsonArray rawData) {
        if (rawData == null) {
            return OptionalDouble.empty();
        }
        List<Double> values = new ArrayList<>();
        rawData.forEach(fork -> fork.getAsJsonArray().forEach(v -> values.add(v.getAsDouble())));
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        Collections.sort(values);
        int n = values.size();
        return OptionalDouble.of(n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2);
    }

    static double toNanosPerOp(double score, String unit) {
        String[] parts = unit.split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("unsupported JMH unit '" + unit + "'");
        }
        if (parts[1].equals("op")) {
            return score * nanos(parts[0], unit);
        }
        if (parts[0].equals("ops")) {
            return nanos(parts[1], unit) / score;
        }
        throw new IllegalArgumentException("unsupported JMH unit '" + unit + "'");
    }

    private static double nanos(String timeUnit, String unit) {
        return switch (timeUnit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw new IllegalArgumentException("unsupported time unit in JMH unit '" + unit + "'");
        };
    }
}
