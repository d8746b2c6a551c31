package io.mathsketch.engine.inference;

import io.mathsketch.engine.config.Batching;
import io.mathsketch.engine.config.EngineConfig;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.model.LinearOnnxModel;
import io.mathsketch.engine.model.ModelManifest.InkPolarity;
import io.mathsketch.engine.model.ModelManifest.Layout;
import io.mathsketch.engine.model.ModelManifest.OutputKind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Shared fixtures: foreign linear ONNX models fitted on the first 1,000 subset digits, and engine configurations. */
final class TestModels {

    /** Digits the models were fitted on; tests read digits from here on. */
    static final int FITTED = 1000;

    static final MnistSubset SUBSET = MnistSubset.load();

    private TestModels() {
    }

    /** FLAT input, probabilities output, dark-on-light in [-1, 1], weights in an external-data file. */
    static LinearOnnxModel flatProbabilities(String name, String version) {
        return LinearOnnxModel.classMeans(SUBSET, FITTED, name, version, Layout.FLAT, OutputKind.PROBABILITIES,
                InkPolarity.DARK_ON_LIGHT, 0.5f, 0.5f, true);
    }

    /** NCHW input, logits output, MNIST polarity and normalisation, weights inline. */
    static LinearOnnxModel nchwLogits(String name, String version) {
        return LinearOnnxModel.classMeans(SUBSET, FITTED, name, version, Layout.NCHW, OutputKind.LOGITS,
                InkPolarity.LIGHT_ON_DARK, 0.1307f, 0.3081f, false);
    }

    static EngineConfig config(Path modelsDirectory, List<String> models, int workers, int maxBatchSize,
                               int queueCapacity) {
        return config(modelsDirectory, models, "OnnxRuntime", workers, maxBatchSize, queueCapacity);
    }

    static EngineConfig config(Path modelsDirectory, List<String> models, String engine, int workers,
                               int maxBatchSize, int queueCapacity) {
        return EngineConfig.builder().modelsDirectory(modelsDirectory).models(models).engine(engine).workers(workers)
                .batching(Batching.builder().maxBatchSize(maxBatchSize).queueCapacity(queueCapacity).build())
                .build();
    }
}
