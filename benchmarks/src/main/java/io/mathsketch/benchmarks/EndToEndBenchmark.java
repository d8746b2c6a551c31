package io.mathsketch.benchmarks;

import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.inference.DjlRecognizer;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * A whole recognition in process, as the server performs it without HTTP and storage: canvas PNG bytes in,
 * {@link Recognition} out through {@link DjlRecognizer} (preprocess on the caller's thread, queue, batched ONNX Runtime
 * inference on the worker, softmax, readings), with the engine's default configuration for this machine
 * ({@link EngineConfig#builder}). Measured single-threaded and with two caller threads, where requests can share a
 * batch; reported as time per recognition per thread, so 2-thread throughput is twice the inverse. Compare with the
 * sum of {@link PreprocessingBenchmark#canvasPipeline} and {@link InferenceBenchmark} batch 1 to see the hand-off cost.
 */
public class EndToEndBenchmark extends JmhSettings {

    private DjlRecognizer recognizer;
    private Slowdown slowdown;
    private RecognitionRequest canvas;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        recognizer = DjlRecognizer.open(EngineConfig.builder()
                .modelsDirectory(BenchmarkModel.modelsDirectory()).model(BenchmarkModel.NAME).build());
        slowdown = Slowdown.fromSystemProperty();
        canvas = RecognitionRequest.digit(new RecognitionRequest.Input.EncodedImage(SampleImages.canvasPng(3)));
        String text = recognizer.recognize(canvas).text();
        if (!text.equals("3")) {
            // Still measured (speed does not depend on the answer), but worth knowing when reading the numbers.
            System.err.println("note: the model reads the benchmark's canvas '3' as '" + text + "'");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        recognizer.close();
    }

    @Benchmark
    @Threads(1)
    public Recognition canvasOneThread() throws RecognitionException {
        Recognition r = recognizer.recognize(canvas);
        for (int i = slowdown.extraRuns("EndToEndBenchmark.canvasOneThread"); i > 0; i--) {
            r = recognizer.recognize(canvas);
        }
        return r;
    }

    @Benchmark
    @Threads(2)
    public Recognition canvasTwoThreads() throws RecognitionException {
        return recognizer.recognize(canvas);
    }
}
