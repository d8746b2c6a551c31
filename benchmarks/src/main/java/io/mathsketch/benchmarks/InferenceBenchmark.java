package io.mathsketch.benchmarks;

import ai.djl.translate.TranslateException;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.EngineResolver;
import io.mathsketch.engine.model.ModelLoader;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Inference cost per image through our DJL path (the engine's {@link ModelLoader} and translator: encode, one tensor,
 * forward pass, softmax back to Java arrays) for each engine, at batch sizes 1, 8, 32 and 128. Each method runs one
 * batch and counts it as {@code batch} operations, so every score is time per image and the batch sizes compare
 * directly with each other (target: batch 32 at most 40% of batch 1 per image) and across engines. One intra-op
 * thread, as the server runs by default. JMH settings and the predictor: {@link PredictorBenchmark}.
 */
public class InferenceBenchmark extends PredictorBenchmark {

    @Param({"OnnxRuntime", "PyTorch"})
    public String engine;

    private DigitBatch batch1;
    private DigitBatch batch8;
    private DigitBatch batch32;
    private DigitBatch batch128;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String name = EngineResolver.canonicalName(engine);
        openPredictor(BenchmarkModel.folder(name), name);
        batch1 = BenchmarkModel.batch(1);
        batch8 = BenchmarkModel.batch(8);
        batch32 = BenchmarkModel.batch(32);
        batch128 = BenchmarkModel.batch(128);
    }

    @Benchmark
    @OperationsPerInvocation(1)
    public float[][] batch1() throws TranslateException {
        return predictor.predict(batch1);
    }

    @Benchmark
    @OperationsPerInvocation(8)
    public float[][] batch8() throws TranslateException {
        return predictor.predict(batch8);
    }

    @Benchmark
    @OperationsPerInvocation(32)
    public float[][] batch32() throws TranslateException {
        return predictor.predict(batch32);
    }

    @Benchmark
    @OperationsPerInvocation(128)
    public float[][] batch128() throws TranslateException {
        return predictor.predict(batch128);
    }
}
