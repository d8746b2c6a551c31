package io.mathsketch.engine.mnist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper shared through the engine's test-jar: the committed first 2,000 MNIST test digits
 * ({@code data/mnist-subset/}), found by walking up from the working directory to the repository root.
 */
public record MnistSubset(MnistImages images, MnistLabels labels) {

    public static final String FOLDER = "data/mnist-subset";
    public static final String IMAGES = "t10k-images-first2000-idx3-ubyte.gz";
    public static final String LABELS = "t10k-labels-first2000-idx1-ubyte.gz";

    public MnistSubset {
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(images.count() + " images but " + labels.count() + " labels");
        }
    }

    /** Loads the committed subset. */
    public static MnistSubset load() {
        Path folder = folder();
        try {
            return new MnistSubset(IdxFile.readImages(folder.resolve(IMAGES)), IdxFile.readLabels(folder.resolve(LABELS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code data/mnist-subset} folder of this checkout. */
    public static Path folder() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(FOLDER))) {
                return dir.resolve(FOLDER);
            }
        }
        throw new IllegalStateException("no " + FOLDER + " folder above " + start);
    }

    public int count() {
        return labels.count();
    }
}
