package io.mathsketch.training;

import io.mathsketch.engine.mnist.IdxFile;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.testing.Checkout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The committed complete MNIST test set ({@code data/mnist-test/}), of this {@link Checkout}. */
public record MnistTestSet(MnistImages images, MnistLabels labels) {

    public static final String FOLDER = "data/mnist-test";

    public static MnistTestSet load() {
        Path folder = Checkout.folder(FOLDER);
        try {
            return new MnistTestSet(IdxFile.readImages(folder.resolve("t10k-images-idx3-ubyte.gz")),
                    IdxFile.readLabels(folder.resolve("t10k-labels-idx1-ubyte.gz")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
