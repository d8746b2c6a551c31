package io.mathsketch.corpus;

import io.mathsketch.engine.mnist.IdxFile;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.mnist.MnistSubset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The committed complete MNIST test set ({@code data/mnist-test}, beside the committed subset of its first 2,000):
 * digit {@code i} here is digit {@code i} of the subset. Loaded once, on first use.
 */
public final class CompleteMnistTest {

    public static final MnistImages IMAGES;
    public static final MnistLabels LABELS;

    static {
        Path folder = MnistSubset.folder().resolveSibling("mnist-test");
        try {
            IMAGES = IdxFile.readImages(folder.resolve("t10k-images-idx3-ubyte.gz"));
            LABELS = IdxFile.readLabels(folder.resolve("t10k-labels-idx1-ubyte.gz"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CompleteMnistTest() {
    }
}
