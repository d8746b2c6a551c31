package io.mathsketch.benchmarks;

import io.mathsketch.corpus.payload.PayloadClass;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.LoadedModel;
import io.mathsketch.engine.number.NumberReader;
import io.mathsketch.engine.preprocess.ImagePreprocessor;

import ai.djl.inference.Predictor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The workloads the regression guard measures, as this build does them: preprocessing on five payload-corpus classes,
 * ONNX Runtime inference through our DJL predictor at batch 1 and 32, number segmentation, and a control with no code
 * of ours in it ({@value #CONTROL}).
 *
 * <p>Its surface is JDK types only ({@link Supplier}, {@link Callable}, {@link AutoCloseable}, a static
 * {@code open(Path, String)}) because {@link GuardCheck} loads the <em>baseline commit's</em> build of this class in
 * a class loader of its own ({@link BaselineClassLoader}) and runs both builds' workloads side by side in one JVM.
 * Keep that surface when changing this class: the guard calls it by reflection on older builds too.
 *
 * <p>A whole recognition in process ({@code DjlRecognizer}) is not guarded: its hand-off to the inference thread made
 * its per-round times spread by 27-42%; its parts (preprocessing, inference) are guarded.
 */
public final class GuardWorkloads implements Supplier<Map<String, Callable<Object>>>, AutoCloseable {

    /** The workload with no code of ours in it. */
    public static final String CONTROL = "control.inflate";
    /** The preprocessing workload whose PNGs the control inflates. */
    public static final String INFLATED = "preprocess." + PayloadClass.MNIST_RGBA_DARK.id();

    private final Map<String, Callable<Object>> workloads = new LinkedHashMap<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    private GuardWorkloads() {
    }

    /**
     * This build's workloads.
     *
     * @param modelsDirectory the models folder whose {@value BenchmarkModel#NAME} the inference workloads run
     * @param slowdown a deliberate slowdown ({@link Slowdown} syntax, empty for none), to prove the guard
     */
    public static GuardWorkloads open(Path modelsDirectory, String slowdown) throws Exception {
        GuardWorkloads guarded = new GuardWorkloads();
        try {
            guarded.add(modelsDirectory, new Slowdown(slowdown));
            return guarded;
        } catch (Exception | Error e) {
            guarded.close();
            throw e;
        }
    }

    private void add(Path modelsDirectory, Slowdown slowdown) throws Exception {
        // The control: the JDK's native zlib inflating the mnist280-rgba-dark PNGs' data. No code of ours runs in it,
        // so both builds must measure 1.0x: what it shows instead is the guard's own error on this run. It is also the
        // floor preprocessing is compared with (a PNG decoder must inflate).
        InflateReference control = new InflateReference(
                Payloads.of(PayloadClass.MNIST_RGBA_DARK.id(), PayloadBenchmark.IMAGES));
        resources.add(control::close);
        put(CONTROL, slowdown, control::inflateNext);

        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        for (PayloadClass c : List.of(PayloadClass.HAND_CANVAS, PayloadClass.MNIST_RGBA_DARK,
                PayloadClass.MNIST_RGB_LIGHT, PayloadClass.GRAY_140, PayloadClass.MNIST_28)) {
            Payloads images = Payloads.of(c.id(), PayloadBenchmark.IMAGES);
            put("preprocess." + c.id(), slowdown, () -> preprocessor.digit(images.next()));
        }

        LoadedModel model = BenchmarkModel.load(BenchmarkModel.folder(modelsDirectory, "OnnxRuntime"), "OnnxRuntime");
        resources.add(model::close);
        Predictor<DigitBatch, float[][]> predictor = model.model().newPredictor();
        resources.add(predictor::close);
        DigitBatch batch1 = BenchmarkModel.batch(1), batch32 = BenchmarkModel.batch(32);
        put("inference.batch1", slowdown, () -> predictor.predict(batch1));
        put("inference.batch32", slowdown, () -> predictor.predict(batch32));

        byte[] number = SampleImages.numberPng("2026");
        NumberReader numbers = new NumberReader(InputLimits.DEFAULT);
        put("segment.sample-number", slowdown, () -> numbers.regions(number));
    }

    /**
     * Adds a workload. A slowed one pads each operation with busy work until its thread has spent {@code factor}
     * times the operation's own CPU time: exactly the slowdown asked for. Repeating the operation, as the JMH
     * benchmarks do, costs less than a first run once its data is in the caches: a 1.5x repeat measured only
     * 1.29-1.40x on the small images, too close to the 1.25x allowance for a proof.
     */
    private void put(String name, Slowdown slowdown, Callable<Object> operation) {
        if (!slowdown.applies(name)) {
            workloads.put(name, operation);
            return;
        }
        double factor = slowdown.factor();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] spin = {0x9E3779B97F4A7C15L};
        workloads.put(name, () -> {
            long start = threads.getCurrentThreadCpuTime();
            Object result = operation.call();
            long until = start + (long) ((threads.getCurrentThreadCpuTime() - start) * factor);
            long x = spin[0];
            while (threads.getCurrentThreadCpuTime() < until) {
                for (int i = 0; i < 64; i++) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17;
                }
            }
            spin[0] = x; // kept, so that no JIT can drop the padding
            return result;
        });
    }

    /** Workload name to one operation; not thread-safe (the guard runs them one at a time). */
    @Override
    public Map<String, Callable<Object>> get() {
        return workloads;
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (AutoCloseable r : resources.reversed()) {
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        resources.clear();
        if (first != null) {
            throw first;
        }
    }
}
