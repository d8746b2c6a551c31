package io.mathsketch.corpus;

import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.photo.InkSource;
import io.mathsketch.engine.mnist.MnistSubset;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The digits the cameras written apart (scans, whiteboards, chalkboards) photograph for their held-out sets and tuning
 * twins: MNIST test digits one residue of 13 apart per set, and the held-out hands re-seeded per set.
 */
public final class HeldOutDigits {

    private HeldOutDigits() {
    }

    /** The held-out hands in the styles MNIST has, re-seeded. */
    public static HandConfig hand(long seed) {
        return HandConfig.HELD_OUT.withStyles(List.of(DigitStyle.values()).stream().filter(s -> !s.mnistLacks())
                .toList()).withSeed(seed);
    }

    /** {@code perSource} MNIST test digits {@code first}, {@code first + 13}, ... and as many drawings of a hand. */
    public static List<InkSource> sources(MnistSubset subset, int first, long handSeed, int perSource) {
        int[] indices = IntStream.range(0, perSource).map(i -> first + 13 * i).toArray();
        List<InkSource> sources = new ArrayList<>(InkSource.mnist(subset.images(), subset.labels(), indices));
        sources.addAll(InkSource.hand(hand(handSeed), perSource));
        return sources;
    }
}
