package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.engine.mnist.MnistSubset;

import java.util.ArrayList;
import java.util.List;

/**
 * Tuning aid, never run by the build ({@code PhotoTuning [count] [sets]}): reads {@code count} photos per source of
 * each of the first {@code sets} (1-4, default 4) tuning sets and prints the score of each and of all, with every
 * miss. Set 0 is {@link PhotoConfig#TUNING} itself; set {@code s} takes its conditions with seed
 * {@code 0x94070021 + 0x10 s}. Their digits are never the test's: MNIST subset digits {@code 13 i + r} with r = 6, 3,
 * 9, 11 per set (the test reads 0, 13, 26, ...) and the held-out hands re-seeded {@code 0x94070121 + 0x10 s} (the
 * test's hands keep their own), so what is tuned here is measured on {@link PhotoQualityTest}'s set only afterwards.
 */
final class PhotoTuning {

    static final long HAND_SEED = 0x9407_0121L;
    /** The held-out hands in the styles MNIST has, as the test draws them, with another seed. */
    static final HandConfig HAND = PhotoQualityTest.HAND.withSeed(HAND_SEED);
    /** Per set, the MNIST subset digits' residue modulo 13: never 0, the test's. */
    private static final int[] RESIDUES = {6, 3, 9, 11};

    private PhotoTuning() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        int sets = args.length > 1 ? Integer.parseInt(args[1]) : RESIDUES.length;
        MnistSubset subset = MnistSubset.load();
        int mnist = 0, drawn = 0;
        int[][] perDigit = new int[2][10];
        try (CommittedModel model = new CommittedModel()) {
            for (int s = 0; s < sets; s++) {
                PhotoSet set = new PhotoSet(config(s), subset.images(), subset.labels(), hand(s));
                List<String> misses = new ArrayList<>();
                int setMnist = 0, setDrawn = 0;
                for (int i = 0; i < count; i++) {
                    setMnist += PhotoQualityTest.readsItsLabel(model, set.mnist(mnistIndex(s, i)), misses, perDigit)
                            ? 1 : 0;
                    setDrawn += PhotoQualityTest.readsItsLabel(model, set.hand(i), misses, perDigit) ? 1 : 0;
                }
                System.out.printf("photo tuning set %d: %.2f%% (MNIST test digits %d/%d, held-out handwriting %d/%d)"
                        + "%n  %s%n", s, 100.0 * (setMnist + setDrawn) / (2 * count), setMnist, count, setDrawn, count,
                        String.join("\n  ", misses));
                mnist += setMnist;
                drawn += setDrawn;
            }
        }
        System.out.printf("photo tuning, %d sets: %.2f%% (MNIST test digits %d/%d, held-out handwriting %d/%d)%n"
                + "  per digit:%s%n", sets, 100.0 * (mnist + drawn) / (2 * count * sets), mnist, count * sets, drawn,
                count * sets, PhotoQualityTest.perDigit(perDigit));
    }

    /** The photo conditions of tuning set {@code s}. */
    static PhotoConfig config(int s) {
        return PhotoConfig.TUNING.withSeed(PhotoConfig.TUNING.seed() + 0x10L * s);
    }

    /** The hands of tuning set {@code s}. */
    static HandConfig hand(int s) {
        return HAND.withSeed(HAND_SEED + 0x10L * s);
    }

    /** How many tuning sets there are. */
    static int sets() {
        return RESIDUES.length;
    }

    /**
     * The MNIST subset digit of photo {@code i} of tuning set {@code s}: never one {@link PhotoQualityTest} reads
     * (0, 13, 26, ...).
     */
    static int mnistIndex(int s, int i) {
        return i * 13 + RESIDUES[s];
    }
}
