package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.engine.mnist.MnistSubset;

import java.util.ArrayList;
import java.util.List;

/**
 * Tuning aid, never run by the build ({@code PhotoTuning [count]}): reads {@code count} photos per source of
 * {@link PhotoConfig#TUNING} and prints the score with every miss. Its digits are not the test's: MNIST subset digits
 * 6, 19, 32, ... (the test reads 0, 13, 26, ...) and the held-out hands with seed {@link #HAND_SEED} (the test's
 * hands keep their own), so what is tuned here is measured on {@link PhotoQualityTest}'s set only afterwards.
 */
final class PhotoTuning {

    static final long HAND_SEED = 0x9407_0121L;
    /** The held-out hands in the styles MNIST has, as the test draws them, with another seed. */
    static final HandConfig HAND = PhotoQualityTest.HAND.withSeed(HAND_SEED);

    private PhotoTuning() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        MnistSubset subset = MnistSubset.load();
        PhotoSet set = new PhotoSet(PhotoConfig.TUNING, subset.images(), subset.labels(), HAND);
        List<String> misses = new ArrayList<>();
        int mnist = 0, drawn = 0;
        try (CommittedModel model = new CommittedModel()) {
            for (int i = 0; i < count; i++) {
                mnist += PhotoQualityTest.readsItsLabel(model, set.mnist(mnistIndex(i)), misses) ? 1 : 0;
                drawn += PhotoQualityTest.readsItsLabel(model, set.hand(i), misses) ? 1 : 0;
            }
        }
        System.out.printf("photo tuning: %.2f%% (MNIST test digits %d/%d, held-out handwriting %d/%d)%n  %s%n",
                100.0 * (mnist + drawn) / (2 * count), mnist, count, drawn, count, String.join("\n  ", misses));
    }

    /** The MNIST subset digit of tuning photo {@code i}: never one {@link PhotoQualityTest} reads (0, 13, 26, ...). */
    static int mnistIndex(int i) {
        return i * 13 + 6;
    }
}
