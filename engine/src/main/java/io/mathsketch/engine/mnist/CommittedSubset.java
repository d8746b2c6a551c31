package io.mathsketch.engine.mnist;

/**
 * Where a checkout keeps the committed MNIST subset (the first 2,000 digits of the MNIST test set, gzipped IDX
 * files): read by the engine's {@code evaluate} command, the tests, the corpus and the benchmarks.
 */
public final class CommittedSubset {

    /** The subset's folder below the checkout's {@code data} folder. */
    public static final String NAME = "mnist-subset";
    /** The subset's folder below the repository root. */
    public static final String FOLDER = "data/" + NAME;
    public static final String IMAGES = "t10k-images-first2000-idx3-ubyte.gz";
    public static final String LABELS = "t10k-labels-first2000-idx1-ubyte.gz";

    private CommittedSubset() {
    }
}
