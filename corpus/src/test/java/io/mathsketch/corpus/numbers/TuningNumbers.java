package io.mathsketch.corpus.numbers;

import io.mathsketch.corpus.CompleteMnistTest;

/**
 * The numbers a tuning aid of number mode reads, from its arguments {@code [count [first]]}: {@code count} numbers
 * of {@link NumberConfig#TUNING} (400 by default) from number {@code first} (0 by default).
 */
record TuningNumbers(int count, int first) {

    static TuningNumbers from(String[] args) {
        return new TuningNumbers(args.length > 0 ? Integer.parseInt(args[0]) : 400,
                args.length > 1 ? Integer.parseInt(args[1]) : 0);
    }

    /** One past the last number read. */
    int end() {
        return first + count;
    }

    /** Writes the tuning numbers from the committed MNIST test set, the same ones each time. */
    static NumberWriter writer() {
        return new NumberWriter(NumberConfig.TUNING, CompleteMnistTest.IMAGES, CompleteMnistTest.LABELS);
    }
}
