package io.mathsketch.engine.mnist;

import io.mathsketch.engine.testing.Checkout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Test helper shared through the engine's test-jar: the committed first 2,000 MNIST test digits
 * ({@code data/mnist-subset/}) of this {@link Checkout}.
 */
public record MnistSubset(MnistImages images, MnistLabels labels) {

    public MnistSubset {
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(images.count() + " images but " + labels.count() + " labels");
        }
    }

    /** Loads the committed subset. */
    public static MnistSubset load() {
        Path folder = folder();
        try {
            return new MnistSubset(IdxFile.readImages(folder.resolve(CommittedSubset.IMAGES)),
                    IdxFile.readLabels(folder.resolve(CommittedSubset.LABELS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code data/mnist-subset} folder of this checkout. */
    public static Path folder() {
        return Checkout.folder(CommittedSubset.FOLDER);
    }

    public int count() {
        return labels.count();
    }
}
