package io.mathsketch.benchmarks;

import io.mathsketch.corpus.numbers.NumberConfig;
import io.mathsketch.corpus.numbers.NumberWriter;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.ModelLoadException;
import io.mathsketch.engine.RecognitionException;
import ai.djl.Device;
import io.mathsketch.engine.model.DigitBatch;
import io.mathsketch.engine.model.EngineResolver;
import io.mathsketch.engine.model.LoadedModel;
import io.mathsketch.engine.model.ModelFolder;
import io.mathsketch.engine.model.ModelLoader;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.mnist.IdxFile;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.preprocess.ImagePreprocessor;

import java.io.IOException;
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

    /** The committed model's folder for an engine, with DJL's process settings as served (one intra-op thread). */
    static ModelFolder folder(String engine) throws ModelLoadException {
        return folder(modelsDirectory(), engine);
    }

    /** The same from another models folder (the guard's baseline build runs its own commit's model). */
    static ModelFolder folder(Path modelsDirectory, String engine) throws ModelLoadException {
        EngineResolver.applyProcessSettings(1);
        EngineResolver.engine(engine);
        return ModelFolder.open(modelsDirectory.resolve(NAME), engine);
    }

    /** Loads a folder on the CPU with one intra-op thread, the way the server does by default. */
    static LoadedModel load(ModelFolder folder, String engine) throws ModelLoadException {
        return new ModelLoader(engine, Device.cpu(), 1).load(folder);
    }

    /**
     * The PNGs of the first {@code count} numbers of {@link NumberConfig#TEST} (the held-out numbers of
     * {@code NumberQualityTest}), written from the MNIST test digits in {@code data/mnist-test} beside the models.
     */
    static byte[][] heldOutNumberPngs(int count) throws ModelLoadException, IOException {
        Path mnist = modelsDirectory().getParent().resolve("data/mnist-test");
        MnistImages images = IdxFile.readImages(mnist.resolve("t10k-images-idx3-ubyte.gz"));
        MnistLabels labels = IdxFile.readLabels(mnist.resolve("t10k-labels-idx1-ubyte.gz"));
        NumberWriter writer = new NumberWriter(NumberConfig.TEST, images, labels);
        byte[][] pngs = new byte[count][];
        for (int i = 0; i < count; i++) {
            pngs[i] = writer.number(i).png();
        }
        return pngs;
    }

    /** A batch of {@code size} real preprocessed canvas digits (0 to 9, repeating). */
    static DigitBatch batch(int size) throws RecognitionException {
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        List<DigitImage> digits = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            digits.add(preprocessor.digit(SampleImages.canvasPng(i % 10)));
        }
        return new DigitBatch(digits);
    }
}
