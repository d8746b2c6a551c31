package io.mathsketch.corpus.numbers;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.Range;

/**
 * How a set of written numbers is drawn. Number {@code i} of a configuration is the same on every machine: it
 * depends only on the seed and {@code i}.
 *
 * @param name         shown in reports
 * @param seed         mixed into every number's random stream
 * @param hand         the hands that draw the {@link NumberSource#HAND} numbers
 * @param mnistFrom    first MNIST test digit this set may use (sets tuned on and tested on use disjoint halves)
 * @param mnistTo      end (exclusive) of the MNIST test digits this set may use
 * @param digitHeight  the digits' common height in canvas pixels
 */
public record NumberConfig(String name, long seed, HandConfig hand, int mnistFrom, int mnistTo, Range digitHeight) {

    /**
     * The set the segmenter's parameters were tuned on: MNIST test digits 0-4,999 and the held-out hands with
     * another seed than the test's.
     */
    public static final NumberConfig TUNING = new NumberConfig("numbers-tuning", 0x4E55_0001L,
            HandConfig.HELD_OUT.withSeed(0x4E55_0101L), 0, 5_000, Range.of(40, 110));

    /**
     * The held-out set of the quality floor: another seed, MNIST test digits 5,000-9,999 (none the tuning saw) and
     * the held-out hands with their own seed.
     */
    public static final NumberConfig TEST = new NumberConfig("numbers-test", 0x4E55_0011L, HandConfig.HELD_OUT,
            5_000, 10_000, Range.of(40, 110));

    /**
     * The numbers of the held-out number photos ({@code NumberPhotoQualityTest}): a seed of their own, MNIST test
     * digits 5,000-9,999 and the held-out hands re-seeded; drawn 80-140 pixels high so that the camera mostly shrinks
     * them (a line 10-60% of a frame's shorter side is up to 576 pixels high).
     */
    public static final NumberConfig PHOTO_TEST = new NumberConfig("number-photos-test", 0x4E55_2011L,
            HandConfig.HELD_OUT.withSeed(0x4E55_2111L), 5_000, 10_000, Range.of(80, 140));

    /** The numbers of the number photos to tune on: other seeds, MNIST test digits 0-4,999. */
    public static final NumberConfig PHOTO_TUNING = new NumberConfig("number-photos-tuning", 0x4E55_2021L,
            HandConfig.HELD_OUT.withSeed(0x4E55_2121L), 0, 5_000, Range.of(80, 140));

    public NumberConfig {
        if (mnistFrom < 0 || mnistTo <= mnistFrom) {
            throw new IllegalArgumentException(name + ": MNIST range [" + mnistFrom + ", " + mnistTo + ") is empty");
        }
        if (digitHeight.min() < 16) {
            throw new IllegalArgumentException(name + ": digits under 16 pixels are not written numbers");
        }
    }
}
