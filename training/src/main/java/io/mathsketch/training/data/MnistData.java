package io.mathsketch.training.data;

import io.mathsketch.engine.mnist.IdxFile;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import java.io.IOException;

/** MNIST training and test digits with their labels, held in memory as the IDX bytes. */
public record MnistData(MnistImages trainImages, MnistLabels trainLabels, MnistImages testImages,
                        MnistLabels testLabels) {

    public MnistData {
        if (trainImages.count() != trainLabels.count() || testImages.count() != testLabels.count()) {
            throw new IllegalArgumentException("image and label counts differ: " + trainImages.count() + "/"
                    + trainLabels.count() + " training, " + testImages.count() + "/" + testLabels.count() + " test");
        }
    }

    public static MnistData load(MnistFiles files) throws IOException {
        return new MnistData(IdxFile.readImages(files.trainImages()), IdxFile.readLabels(files.trainLabels()),
                IdxFile.readImages(files.testImages()), IdxFile.readLabels(files.testLabels()));
    }

    /** The same test set, with {@code images} appended to the training digits. */
    public MnistData withMoreTraining(MnistImages images, MnistLabels labels) {
        if (images.count() != labels.count()) {
            throw new IllegalArgumentException(images.count() + " images but " + labels.count() + " labels");
        }
        if (images.imageSize() != trainImages.imageSize()) {
            throw new IllegalArgumentException("images of " + images.rows() + "x" + images.cols() + " cannot join "
                    + trainImages.rows() + "x" + trainImages.cols() + " training digits");
        }
        byte[] pixels = new byte[trainImages.pixels().length + images.pixels().length];
        System.arraycopy(trainImages.pixels(), 0, pixels, 0, trainImages.pixels().length);
        System.arraycopy(images.pixels(), 0, pixels, trainImages.pixels().length, images.pixels().length);
        byte[] allLabels = new byte[trainLabels.count() + labels.count()];
        System.arraycopy(trainLabels.labels(), 0, allLabels, 0, trainLabels.count());
        System.arraycopy(labels.labels(), 0, allLabels, trainLabels.count(), labels.count());
        return new MnistData(new MnistImages(trainImages.count() + images.count(), trainImages.rows(),
                trainImages.cols(), pixels), new MnistLabels(allLabels), testImages, testLabels);
    }

    /** The same test set with only the first {@code n} training digits (all of them when {@code n} is 0). */
    public MnistData limitTraining(int n) {
        if (n == 0 || n >= trainImages.count()) {
            return this;
        }
        return new MnistData(trainImages.first(n), trainLabels.first(n), testImages, testLabels);
    }
}
