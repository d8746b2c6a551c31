package io.mathsketch.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.DoublePredicate;

/**
 * Turns JMH JSON result files into a markdown page: every score, then the targets with the measured ratios.
 *
 * <pre>  ResultsTable &lt;out.md&gt; &lt;note&gt; &lt;jmh-result.json&gt;...</pre>
 */
public final class ResultsTable {

    private final List<JmhResult> results;

    ResultsTable(List<JmhResult> results) {
        this.results = List.copyOf(results);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: ResultsTable <out.md> <note> <jmh-result.json>...");
            System.exit(2);
        }
        List<JmhResult> all = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            all.addAll(JmhResult.read(Path.of(args[i])));
            sources.add(Path.of(args[i]).getFileName().toString());
        }
        String page = new ResultsTable(all).markdown(args[1], sources);
        Files.writeString(Path.of(args[0]), page);
        System.out.print(page);
    }

    String markdown(String note, List<String> sources) {
        StringBuilder md = new StringBuilder("# MathSketch JMH results\n\n");
        md.append("- Generated: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(" from ").append(String.join(", ", sources)).append('\n');
        md.append("- Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", JDK ").append(System.getProperty("java.version")).append('\n');
        md.append("- Samples: ").append(PreprocessingBenchmark.describeSamples()).append('\n');
        md.append("- Note: ").append(note).append("\n\n");
        md.append("| Benchmark | Params | Threads | Score | ± (99.9%) | Unit | CPU µs/op (median) |\n"
                + "|---|---|---:|---:|---:|---|---:|\n");
        for (JmhResult r : results) {
            String cpu = r.cpu().map(c -> String.format(Locale.ROOT, "%.3f", c.medianNanosPerOp() / 1e3)).orElse("");
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %s | %s |%n", r.method(), r.params(),
                    r.threads(), r.score(), r.score() * r.relativeError(), r.unit(), cpu));
        }
        perClass(md);
        md.append("\n## Targets (wall-clock scores)\n\n| Target | Measured | Goal | Met |\n|---|---:|---:|---|\n");
        ratio("canvas PNG pipeline / bare Inflater on the same PNG", "PreprocessingBenchmark.canvasPipeline",
                "PreprocessingBenchmark.canvasInflateReference", "≤ 1.4x", r -> r <= 1.4, md);
        ratio("baseline (ImageIO + getRGB + DJL) / pipeline", "PreprocessingBenchmark.canvasBaseline",
                "PreprocessingBenchmark.canvasPipeline", "≥ 3x", r -> r >= 3, md);
        find("PreprocessingBenchmark.mnistPngPipeline").ifPresent(r -> row("28x28 PNG pipeline",
                String.format(Locale.ROOT, "%.2f µs", r.nanosPerOp() / 1e3), "≤ 20 µs", r.nanosPerOp() <= 20_000, md));
        ratio("batch 1: DJL predictor / direct OrtSession.run", "DjlOverheadBenchmark.djlPredict[batch=1]",
                "DjlOverheadBenchmark.ortRun[batch=1]", "≤ 1.2x", r -> r <= 1.2, md);
        for (String engine : List.of("OnnxRuntime", "PyTorch")) {
            ratio(engine + ": batch 32 / batch 1, time per image",
                    "InferenceBenchmark.batch32[engine=" + engine + "]",
                    "InferenceBenchmark.batch1[engine=" + engine + "]", "≤ 0.40", r -> r <= 0.4, md);
        }
        return md.toString();
    }

    /**
     * {@link PayloadBenchmark} per corpus class: the pipeline against the bare Inflater on the same PNGs (target at
     * most 0.8x on canvas classes) and the work after decoding, pipeline minus decode (target at most 50 µs), in
     * wall-clock and CPU time.
     */
    private void perClass(StringBuilder md) {
        List<String> classes = results.stream().filter(r -> r.method().equals("PayloadBenchmark.pipeline"))
                .map(JmhResult::params).toList();
        if (classes.isEmpty()) {
            return;
        }
        md.append("\n## Per payload class (PayloadBenchmark; µs per image, CPU time in brackets)\n\n"
                + "| Class | pipeline | decode | bare Inflater | pipeline / Inflater (≤ 0.8x on canvases) |"
                + " after decoding = pipeline − decode (≤ 50 µs) |\n|---|---:|---:|---:|---:|---:|\n");
        for (String params : classes) {
            Optional<JmhResult> pipeline = find("PayloadBenchmark.pipeline[" + params + "]");
            Optional<JmhResult> decode = find("PayloadBenchmark.decode[" + params + "]");
            Optional<JmhResult> inflate = find("PayloadBenchmark.inflateReference[" + params + "]");
            md.append("| ").append(params.replace("payload=", "")).append(" | ").append(micros(pipeline))
                    .append(" | ").append(micros(decode)).append(" | ").append(micros(inflate)).append(" | ");
            if (pipeline.isPresent() && inflate.isPresent()) {
                md.append(String.format(Locale.ROOT, "%.2fx", pipeline.get().nanosPerOp() / inflate.get().nanosPerOp()));
                cpu(pipeline).ifPresent(p -> cpu(inflate).ifPresent(i -> md.append(String.format(Locale.ROOT,
                        " (%.2fx)", p / i))));
            }
            md.append(" | ");
            if (pipeline.isPresent() && decode.isPresent()) {
                md.append(String.format(Locale.ROOT, "%.1f", (pipeline.get().nanosPerOp() - decode.get().nanosPerOp())
                        / 1e3));
                cpu(pipeline).ifPresent(p -> cpu(decode).ifPresent(d -> md.append(String.format(Locale.ROOT,
                        " (%.1f)", (p - d) / 1e3))));
            }
            md.append(" |\n");
        }
    }

    private static String micros(Optional<JmhResult> r) {
        return r.map(x -> String.format(Locale.ROOT, "%.1f", x.nanosPerOp() / 1e3)
                + x.cpu().map(c -> String.format(Locale.ROOT, " (%.1f)", c.medianNanosPerOp() / 1e3)).orElse(""))
                .orElse("");
    }

    private static Optional<Double> cpu(Optional<JmhResult> r) {
        return r.flatMap(JmhResult::cpu).map(JmhResult.Cpu::medianNanosPerOp);
    }

    private void ratio(String label, String key, String referenceKey, String goal, DoublePredicate met,
                       StringBuilder md) {
        Optional<JmhResult> a = find(key), b = find(referenceKey);
        if (a.isPresent() && b.isPresent()) {
            double r = a.get().nanosPerOp() / b.get().nanosPerOp();
            row(label, String.format(Locale.ROOT, "%.2f", r), goal, met.test(r), md);
        } else {
            row(label, "not measured in these files", goal, false, md);
        }
    }

    private static void row(String label, String measured, String goal, boolean met, StringBuilder md) {
        md.append("| ").append(label).append(" | ").append(measured).append(" | ").append(goal).append(" | ")
                .append(met ? "yes" : "**no**").append(" |\n");
    }

    private Optional<JmhResult> find(String key) {
        return results.stream().filter(r -> r.key().equals(key)).findFirst();
    }
}
