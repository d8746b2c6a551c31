package io.mathsketch.benchmarks;

import io.mathsketch.corpus.payload.PayloadClass;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.LoadedModel;
import io.mathsketch.engine.number.NumberReader;
import io.mathsketch.engine.preprocess.ImagePreprocessor;

import ai.djl.inference.Predictor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The regression guard's measurement: the guarded workloads and three reference workloads measured <em>interleaved</em>
 * in one JVM, round after round (each workload one slice of about {@value #SLICE_MS} ms of CPU per round, in a fresh
 * random order every round), as CPU time of the JVM's Java threads per operation.
 *
 * <p>Why this shape rather than JMH's one benchmark after the other: on a shared 2-core machine the speed of the
 * cores (other processes' cache and memory traffic, a busy hyper-thread sibling, frequency) changes from one minute to
 * the next. A ratio between two benchmarks measured minutes apart carries that change; a ratio between slices measured
 * within the same second does not. Each round's ratio is a workload's CPU time per operation divided by the geometric
 * mean of the three references' in the same round: {@code reference.cpuLoop}, a dependent chain of shifts and xors
 * (pure arithmetic), {@code reference.inflate}, the JDK's native zlib inflating canvas PNG data (memory and branches,
 * like image decoding) and {@code reference.rows}, a frozen copy of a PNG decoder's row work (Paeth unfiltering and
 * luminance over a 280x280 RGBA image: array traffic like preprocessing's). The guard judges the median over rounds,
 * so a disturbed round does not decide.
 *
 * <p>With {@code -Dmathsketch.bench.slowdown=<workload or all>[:factor]} the named workloads repeat their work
 * ({@link Slowdown}); the references never do.
 */
final class GuardRun {

    static final long SLICE_MS = 30;
    static final String CPU_LOOP = "reference.cpuLoop";
    static final String INFLATE = "reference.inflate";
    static final String ROWS = "reference.rows";
    /** How the yardstick is made, for the baseline file. */
    static final String YARDSTICK = "geometric mean of " + CPU_LOOP + ", " + INFLATE + " and " + ROWS
            + ", same round";

    /** One operation of a workload. */
    @FunctionalInterface
    interface Operation {
        Object run() throws Exception;
    }

    /** A named workload; the references are not guarded and never slowed down. */
    record Workload(String name, Operation operation, boolean reference) {
    }

    /**
     * What a run measured for one guarded workload.
     *
     * @param ratio median over rounds of CPU time per operation / the round's yardstick
     * @param spread interquartile range of the per-round ratios divided by the median (how noisy the run was)
     * @param cpuNanosPerOp median CPU time per operation, for people reading the log (machine dependent)
     */
    record Measurement(double ratio, double spread, double cpuNanosPerOp) {
    }

    private final List<Workload> workloads;
    private final JavaThreadsCpu cpu = new JavaThreadsCpu();
    private final Map<String, Double> references = new LinkedHashMap<>();
    private Object sink;

    GuardRun(List<Workload> workloads) {
        this.workloads = List.copyOf(workloads);
    }

    /** Warms every workload up for {@code warmUpMs} of CPU, then measures {@code rounds} interleaved rounds. */
    Map<String, Measurement> measure(long warmUpMs, int rounds) throws Exception {
        Map<String, Integer> opsPerSlice = new LinkedHashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            // Two passes, so that code every workload shares is compiled in the mix that measuring will see.
            for (Workload w : workloads) {
                double nanosPerOp = slice(w, warmUpMs * 1_000_000 / 2);
                opsPerSlice.put(w.name(), (int) Math.max(1, Math.round(SLICE_MS * 1e6 / nanosPerOp)));
            }
        }
        Map<String, double[]> perOp = new LinkedHashMap<>();
        workloads.forEach(w -> perOp.put(w.name(), new double[rounds]));
        List<Workload> order = new ArrayList<>(workloads);
        Random shuffle = new Random(42);
        for (int r = 0; r < rounds; r++) {
            Collections.shuffle(order, shuffle);
            for (Workload w : order) {
                perOp.get(w.name())[r] = fixedSlice(w, opsPerSlice.get(w.name()));
            }
        }
        double[] yardstick = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            yardstick[r] = Math.cbrt(perOp.get(CPU_LOOP)[r] * perOp.get(INFLATE)[r] * perOp.get(ROWS)[r]);
        }
        Map<String, Measurement> out = new LinkedHashMap<>();
        for (Workload w : workloads) {
            if (w.reference()) {
                double[] ops = perOp.get(w.name()).clone();
                Arrays.sort(ops);
                references.put(w.name(), quantile(ops, 0.5));
                continue;
            }
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = perOp.get(w.name())[r] / yardstick[r];
            }
            double[] sorted = ratios.clone();
            Arrays.sort(sorted);
            double median = quantile(sorted, 0.5);
            double[] ops = perOp.get(w.name()).clone();
            Arrays.sort(ops);
            out.put(w.name(), new Measurement(median, (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / median,
                    quantile(ops, 0.5)));
        }
        return out;
    }

    /** Runs {@code w} until it used {@code budgetNanos} of CPU; returns CPU nanoseconds per operation. */
    private double slice(Workload w, long budgetNanos) throws Exception {
        cpu.start();
        long ops = 0, spent;
        do {
            sink = w.operation().run();
            ops++;
        } while ((spent = cpu.elapsed()) < budgetNanos);
        return (double) spent / ops;
    }

    private double fixedSlice(Workload w, int ops) throws Exception {
        cpu.start();
        for (int i = 0; i < ops; i++) {
            sink = w.operation().run();
        }
        return (double) cpu.elapsed() / ops;
    }

    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position), high = (int) Math.ceil(position);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }

    /** Median CPU nanoseconds per operation of each reference in the last {@link #measure}, for the log. */
    Map<String, Double> references() {
        return references;
    }

    /** Whatever the last operation returned, so that no JIT can drop the work. */
    Object sink() {
        return sink;
    }

    /**
     * The guarded workloads: preprocessing on five corpus classes, ONNX Runtime inference at batch 1 and 32 through
     * our DJL predictor, and number segmentation; and the three references. A whole recognition in process
     * ({@code DjlRecognizer}) is not guarded: its hand-off to the inference thread made its per-round ratios spread by
     * 27-42%, so a 25% allowance would have been a coin toss for it; its parts (preprocessing, inference) are guarded.
     */
    static List<Workload> standard(Slowdown slowdown, List<AutoCloseable> resources) throws Exception {
        List<Workload> list = new ArrayList<>();
        long[] seed = {0x9E3779B97F4A7C15L};
        list.add(new Workload(CPU_LOOP, () -> {
            long x = seed[0];
            for (int i = 0; i < 100_000; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
            seed[0] = x | 1;
            return x;
        }, true));
        Payloads inflateInput = Payloads.of(PayloadClass.MNIST_RGBA_DARK.id(), PayloadBenchmark.IMAGES);
        PngIdat[] idat = new PngIdat[inflateInput.size()];
        int largest = 0;
        for (int i = 0; i < idat.length; i++) {
            idat[i] = PngIdat.of(inflateInput.get(i));
            largest = Math.max(largest, idat[i].inflatedSize());
        }
        Inflater inflater = new Inflater();
        resources.add(inflater::end);
        byte[] inflated = new byte[largest];
        int[] nextIdat = {0};
        list.add(new Workload(INFLATE, () -> inflate(inflater, idat[nextIdat[0]++ % idat.length], inflated), true));

        // Row work like a PNG decoder's, frozen here: Paeth-unfilter and convert 280 rows of 1,120 RGBA bytes.
        byte[] raw = new byte[280 * 1121];
        new Random(7).nextBytes(raw);
        byte[] rowsOut = new byte[280 * 280];
        list.add(new Workload(ROWS, () -> rows(raw, rowsOut), true));

        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        for (PayloadClass c : List.of(PayloadClass.HAND_CANVAS, PayloadClass.MNIST_RGBA_DARK,
                PayloadClass.MNIST_RGB_LIGHT, PayloadClass.GRAY_140, PayloadClass.MNIST_28)) {
            Payloads images = Payloads.of(c.id(), PayloadBenchmark.IMAGES);
            list.add(slowed("preprocess." + c.id(), slowdown, () -> preprocessor.digit(images.next())));
        }

        LoadedModel model = BenchmarkModel.load(BenchmarkModel.folder("OnnxRuntime"), "OnnxRuntime");
        resources.add(model::close);
        Predictor<DigitBatch, float[][]> predictor = model.model().newPredictor();
        resources.add(predictor::close);
        DigitBatch batch1 = BenchmarkModel.batch(1), batch32 = BenchmarkModel.batch(32);
        list.add(slowed("inference.batch1", slowdown, () -> predictor.predict(batch1)));
        list.add(slowed("inference.batch32", slowdown, () -> predictor.predict(batch32)));

        byte[] number = SampleImages.numberPng("2026");
        NumberReader numbers = new NumberReader(InputLimits.DEFAULT);
        list.add(slowed("segment.sample-number", slowdown, () -> numbers.regions(number)));
        return list;
    }

    private static Workload slowed(String name, Slowdown slowdown, Operation operation) {
        if (!slowdown.applies(name)) {
            return new Workload(name, operation, false);
        }
        Slowdown own = slowdown.fresh();
        return new Workload(name, () -> {
            Object result = operation.run();
            for (int i = own.extraRuns(name); i > 0; i--) {
                result = operation.run();
            }
            return result;
        }, false);
    }

    /** The reference row work: Paeth prediction over RGBA rows, then luminance of every pixel. */
    private static int rows(byte[] raw, byte[] lum) {
        int stride = 1120;
        byte[] previous = new byte[stride], current = new byte[stride];
        int sum = 0;
        for (int y = 0; y < 280; y++) {
            int s = y * (stride + 1) + 1;
            for (int i = 0; i < stride; i++) {
                int a = i >= 4 ? current[i - 4] & 0xFF : 0;
                int up = previous[i] & 0xFF;
                int c = i >= 4 ? previous[i - 4] & 0xFF : 0;
                int pa = Math.abs(up - c), pb = Math.abs(a - c), pc = Math.abs(a + up - 2 * c);
                int predictor = pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
                current[i] = (byte) (raw[s + i] + predictor);
            }
            for (int x = 0, o = y * 280; x < 280; x++) {
                int p = x * 4;
                int v = ((current[p] & 0xFF) * 77 + (current[p + 1] & 0xFF) * 150 + (current[p + 2] & 0xFF) * 29) >>> 8;
                lum[o + x] = (byte) v;
                sum += v;
            }
            byte[] swap = previous;
            previous = current;
            current = swap;
        }
        return sum;
    }

    private static int inflate(Inflater inflater, PngIdat png, byte[] into) throws DataFormatException {
        inflater.reset();
        inflater.setInput(png.zlib());
        int total = 0;
        while (!inflater.finished() && total < png.inflatedSize()) {
            int n = inflater.inflate(into, total, png.inflatedSize() - total);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** For the log: one line per workload. */
    static String describe(Map<String, Measurement> run) {
        StringBuilder out = new StringBuilder();
        run.forEach((name, m) -> out.append(String.format(Locale.ROOT, "  %-34s ratio %8.4f  spread %5.1f%%  cpu %9.1f µs/op%n",
                name, m.ratio(), m.spread() * 100, m.cpuNanosPerOp() / 1e3)));
        return out.toString();
    }
}
