package io.mathsketch.benchmarks;

import io.mathsketch.engine.codec.ImageDecoder;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DecodedImage;
import io.mathsketch.engine.preprocess.ImagePreprocessor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Where the image path's CPU goes, per payload class: the whole preprocessing pipeline (encoded bytes to the 28x28
 * digit), our decoder alone, the work after decoding alone (ink box, resampling, centring, on images decoded
 * beforehand) and a bare {@link InflateReference Inflater} pass over the same PNGs' data, measured <em>interleaved</em>
 * as CPU time ({@link GuardRun}: every round runs the pipeline back to back with each of the other three), so the split
 * holds on a loaded machine where JMH's one-after-the-other wall-clock runs of {@link PayloadBenchmark} do not. The
 * work after decoding is measured on its own rather than as pipeline minus decoder: that difference of two noisy
 * medians read 22 and 53 µs for the same work on two classes whose alpha planes are identical.
 *
 * <pre>  PipelineSplit [output.md] [rounds]</pre>
 */
public final class PipelineSplit {

    /** Issue 14's targets, for the table: the pipeline against a bare inflate, and the work after decoding. */
    static final double MAX_PIPELINE_OVER_INFLATE = 0.8;
    static final double MAX_AFTER_DECODING_MICROS = 50;

    private PipelineSplit() {
    }

    public static void main(String[] args) throws Exception {
        Path output = args.length > 0 ? Path.of(args[0]) : null;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : GuardCheck.ROUNDS;
        List<String> classes = List.of("chromium-canvas", "hand-canvas", "mnist280-rgb-dark", "mnist280-rgb-light",
                "mnist280-rgba-dark", "mnist280-rgba-light", "gray140", "mnist28", Payloads.SAMPLE_CANVAS);
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        ImageDecoder decoder = new ImageDecoder(InputLimits.DEFAULT);
        List<GuardRun.Pair> pairs = new ArrayList<>();
        List<InflateReference> references = new ArrayList<>();
        try {
            for (String c : classes) {
                Payloads forPipeline = Payloads.of(c, PayloadBenchmark.IMAGES);
                Payloads forDecoder = Payloads.of(c, PayloadBenchmark.IMAGES);
                InflateReference reference = new InflateReference(forPipeline);
                references.add(reference);
                DecodedImage[] decoded = new DecodedImage[forPipeline.size()];
                for (int i = 0; i < decoded.length; i++) {
                    decoded[i] = decoder.decode(forPipeline.get(i), DecodedImage::copy);
                }
                int[] nextDecoded = {0};
                Callable<Object> pipeline = () -> preprocessor.digit(forPipeline.next());
                pairs.add(new GuardRun.Pair(c + " decode", pipeline,
                        () -> decoder.decode(forDecoder.next(), image -> image.lum()[image.width() / 2])));
                pairs.add(new GuardRun.Pair(c + " after", pipeline,
                        () -> preprocessor.digitInImage(decoded[nextDecoded[0]++ % decoded.length])));
                pairs.add(new GuardRun.Pair(c + " inflate", pipeline, reference::inflateNext));
            }
            Map<String, GuardRun.Measurement> measured = new GuardRun(pairs).measure(GuardCheck.WARM_UP_MS, rounds)
                    .current();
            String table = table(classes, measured, rounds);
            System.out.print(table);
            if (output != null) {
                Files.createDirectories(output.toAbsolutePath().getParent());
                Files.writeString(output, table);
            }
        } finally {
            references.forEach(InflateReference::close);
        }
    }

    static String table(List<String> classes, Map<String, GuardRun.Measurement> measured, int rounds) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "CPU µs per image, median of %d interleaved"
                + " rounds (scripts/bench-split.sh; load %s)%n%n", rounds, loadAverage()));
        md.append("| class | bare inflate | our decoder | whole pipeline | after decoding (≤ ")
                .append(fmt(MAX_AFTER_DECODING_MICROS)).append(") | pipeline / inflate (≤ ")
                .append(MAX_PIPELINE_OVER_INFLATE).append("×) |\n|---|---:|---:|---:|---:|---:|\n");
        for (String c : classes) {
            GuardRun.Measurement decode = measured.get(c + " decode"), inflate = measured.get(c + " inflate");
            double pipelineMicros = decode.currentNanosPerOp() / 1e3;
            double after = measured.get(c + " after").baselineNanosPerOp() / 1e3;
            md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %s | %.2f× |%n", c,
                    fmt(inflate.baselineNanosPerOp() / 1e3), fmt(decode.baselineNanosPerOp() / 1e3),
                    fmt(pipelineMicros), fmt(after), inflate.slowdown()));
        }
        return md.toString();
    }

    private static String fmt(double micros) {
        return String.format(Locale.ROOT, micros < 100 ? "%.1f" : "%,.0f", micros);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return String.join(" ", fields[0], fields[1], fields[2]);
        } catch (Exception e) {
            return "unknown";
        }
    }
}
