package io.mathsketch.training.data;

import java.nio.file.Path;

/** The four verified, uncompressed MNIST IDX files. */
public record MnistFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {
}
