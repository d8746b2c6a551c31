package io.mathsketch.corpus.numbers;

import io.mathsketch.engine.mnist.IdxFile;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the first numbers of a set as PNG files, to look at what the quality test reads:
 * {@code java -cp ... io.mathsketch.corpus.numbers.NumberSamples <data/mnist-test> <out dir> [count] [test|tuning]}.
 */
public final class NumberSamples {

    private NumberSamples() {
    }

    public static void main(String[] args) throws IOException {
        Path mnist = Path.of(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        NumberConfig config = args.length > 3 && args[3].equals("tuning") ? NumberConfig.TUNING : NumberConfig.TEST;
        MnistImages images = IdxFile.readImages(mnist.resolve("t10k-images-idx3-ubyte.gz"));
        MnistLabels labels = IdxFile.readLabels(mnist.resolve("t10k-labels-idx1-ubyte.gz"));
        NumberWriter writer = new NumberWriter(config, images, labels);
        for (int i = 0; i < count; i++) {
            WrittenNumber number = writer.number(i);
            Files.write(out.resolve(String.format("%04d-%s-%s-%s.png", i, number.kind(), number.source(),
                    number.text())), number.png());
            System.out.println(i + " " + number);
        }
    }
}
