package io.mathsketch.benchmarks;

import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.EngineResolver;
import io.mathsketch.engine.model.InputEncoder;
import io.mathsketch.engine.model.LoadedModel;
import io.mathsketch.engine.model.ModelFolder;
import io.mathsketch.engine.model.OutputDecoder;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * DJL's overhead on ONNX Runtime: the same batch of digits through our DJL predictor ({@link #djlPredict}) and
 * through ONNX Runtime's own Java API ({@link #ortRun}: {@code OnnxTensor.createTensor}, {@code OrtSession.run},
 * copy the output), on the same .onnx file with the same session settings (1 intra-op and 1 inter-op thread, ORT's
 * default optimisation level, as DJL's {@code OrtModel} leaves it). Both sides do the same Java work around the call
 * (the engine's {@link InputEncoder} and {@link OutputDecoder}), so the difference is DJL itself: NDManager and
 * NDArray wrapping, translator plumbing. Target: batch 1 through DJL within 1.2x of the direct call. Time per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class DjlOverheadBenchmark {

    @Param({"1", "32"})
    public int batch;

    private LoadedModel model;
    private Predictor<DigitBatch, float[][]> predictor;
    private OrtEnvironment environment;
    private OrtSession session;
    private InputEncoder encoder;
    private OutputDecoder decoder;
    private String inputName;
    private String outputName;
    private DigitBatch digits;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ModelFolder folder = BenchmarkModel.folder(EngineResolver.ONNX_RUNTIME);
        model = BenchmarkModel.load(folder, EngineResolver.ONNX_RUNTIME);
        predictor = model.model().newPredictor();

        environment = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = environment.createSession(folder.artifactPath().toString(), options);
        }
        encoder = new InputEncoder(folder.manifest());
        decoder = new OutputDecoder(folder.manifest());
        inputName = folder.manifest().input().name();
        outputName = folder.manifest().output().name();
        digits = BenchmarkModel.batch(batch);

        float[][] viaDjl = djlPredict();
        float[][] direct = ortRun();
        for (int i = 0; i < batch; i++) {
            for (int k = 0; k < direct[i].length; k++) {
                if (Math.abs(viaDjl[i][k] - direct[i][k]) > 1e-4f) {
                    throw new IllegalStateException("DJL and direct ONNX Runtime disagree on digit " + i);
                }
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws OrtException {
        session.close();
        predictor.close();
        model.close();
    }

    @Benchmark
    public float[][] djlPredict() throws TranslateException {
        return predictor.predict(digits);
    }

    @Benchmark
    public float[][] ortRun() throws OrtException {
        long[] shape = encoder.shape(digits.size());
        try (OnnxTensor input = OnnxTensor.createTensor(environment, FloatBuffer.wrap(encoder.encode(digits)), shape);
             OrtSession.Result result = session.run(Map.of(inputName, input))) {
            OnnxTensor output = (OnnxTensor) result.get(outputName).orElseThrow();
            FloatBuffer buffer = output.getFloatBuffer();
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            return decoder.decode(values, output.getInfo().getShape(), digits.size());
        }
    }
}
