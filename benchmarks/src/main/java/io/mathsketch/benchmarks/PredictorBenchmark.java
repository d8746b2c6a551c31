package io.mathsketch.benchmarks;

import ai.djl.inference.Predictor;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.LoadedModel;
import io.mathsketch.engine.model.ModelFolder;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What the benchmarks of our DJL predictor ({@link InferenceBenchmark}, {@link DjlOverheadBenchmark}) share: their JMH
 * settings (average time per call in microseconds, one fork, 4 x 2 s warm-up, 5 x 2 s measured; JMH's annotations are
 * inherited) and the committed model loaded as the server loads it, with one predictor open on it, both closed
 * after the trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class PredictorBenchmark {

    private LoadedModel model;
    /** Open between {@link #openPredictor} in the subclass's trial set-up and the end of the trial. */
    protected Predictor<DigitBatch, float[][]> predictor;

    /** Loads the folder on the engine (one intra-op thread, as served) and opens {@link #predictor} on it. */
    protected void openPredictor(ModelFolder folder, String engine) throws ModelLoadException {
        model = BenchmarkModel.load(folder, engine);
        predictor = model.model().newPredictor();
    }

    @TearDown(Level.Trial)
    public void closePredictor() {
        predictor.close();
        model.close();
    }
}
