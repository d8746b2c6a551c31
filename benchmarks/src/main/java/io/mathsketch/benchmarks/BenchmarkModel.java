package io.mathsketch.benchmarks;

import io.mathsketch.engine.EngineConfig;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.preprocess.DigitImage;
import io.mathsketch.engine.preprocess.ImagePreprocessor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the benchmarks find the committed model and what they feed it. The models folder is {@code models/} of the
 * working directory (run from the repository root) unless {@code -Dmathsketch.models=<dir>} says otherwise.
 */
final class BenchmarkModel {

    static final String NAME = "mnist-cnn";

    private BenchmarkModel() {
    }

    static Path modelsDirectory() throws ModelLoadException {
        Path dir = Path.of(System.getProperty("mathsketch.models", "models")).toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve(NAME).resolve("manifest.json"))) {
            throw new ModelLoadException("no " + NAME + "/manifest.json under " + dir
                    + ": run the benchmarks from the repository root or pass -Dmathsketch.models=<models dir>");
        }
        return dir;
    }

    /** A batch of {@code size} real preprocessed canvas digits (0 to 9, repeating). */
    static DigitBatch batch(int size) throws RecognitionException {
        ImagePreprocessor preprocessor = new ImagePreprocessor(EngineConfig.InputLimits.DEFAULT);
        List<DigitImage> digits = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            digits.add(preprocessor.digit(SampleImages.canvasPng(i % 10)));
        }
        return new DigitBatch(digits);
    }
}
