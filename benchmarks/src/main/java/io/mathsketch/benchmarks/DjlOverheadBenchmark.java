package io.mathsketch.benchmarks;

import ai.djl.translate.TranslateException;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.EngineResolver;
import io.mathsketch.engine.model.InputEncoder;
import io.mathsketch.engine.model.ModelFolder;
import io.mathsketch.engine.model.OutputDecoder;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.FloatBuffer;
import java.util.Map;

/**
 * DJL's overhead on ONNX Runtime: the same batch of digits through our DJL predictor ({@link #djlPredict}) and
 * through ONNX Runtime's own Java API ({@link #ortRun}: {@code OnnxTensor.createTensor}, {@code OrtSession.run},
 * copy the output), on the same .onnx file with the same session settings (1 intra-op and 1 inter-op thread, ORT's
 * default optimisation level, as DJL's {@code OrtModel} leaves it). Both sides do the same Java work around the call
 * (the engine's {@link InputEncoder} and {@link OutputDecoder}), so the difference is DJL itself: NDManager and
 * NDArray wrapping, translator plumbing. Target: batch 1 through DJL within 1.2x of the direct call. Time per call;
 * JMH settings and the predictor: {@link PredictorBenchmark}.
 */
public class DjlOverheadBenchmark extends PredictorBenchmark {

    @Param({"1", "32"})
    public int batch;

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
        openPredictor(folder, EngineResolver.ONNX_RUNTIME);

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
    public void closeSession() throws OrtException {
        session.close();
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
