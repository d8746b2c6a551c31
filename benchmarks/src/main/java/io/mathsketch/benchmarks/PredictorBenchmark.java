package io.mathsketch.benchmarks;

import ai.djl.inference.Predictor;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.LoadedModel;
import io.mathsketch.engine.model.ModelFolder;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the benchmarks of our DJL predictor ({@link InferenceBenchmark}, {@link DjlOverheadBenchmark}) share: the
 * committed model loaded as the server loads it, with one predictor open on it, both closed after the trial (JMH
 * settings from {@link JmhSettings}).
 */
public abstract class PredictorBenchmark extends JmhSettings {

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
