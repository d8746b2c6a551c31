package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.HandwritingGenerator;
import io.mathsketch.corpus.hand.HandwrittenDigit;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;

import java.util.SplittableRandom;

/**
 * Photos of digits written on paper, from two sources of shapes: MNIST <em>test</em> digits (never trained on) and
 * pen strokes drawn by a {@link HandwritingGenerator} (use a held-out {@link HandConfig}). Photo {@code i} of a
 * source is the same on every machine and thread: its conditions, shape and noise all come from a generator seeded
 * by the configuration's seed, the source and {@code i}. Thread-safe.
 */
public final class PhotoSet {

    private final PhotoConfig config;
    private final MnistImages images;
    private final MnistLabels labels;
    private final HandwritingGenerator hand;

    public PhotoSet(PhotoConfig config, MnistImages images, MnistLabels labels, HandConfig handConfig) {
        this.config = config;
        this.images = images;
        this.labels = labels;
        this.hand = new HandwritingGenerator(handConfig);
    }

    public PhotoConfig config() {
        return config;
    }

    /** A photo of MNIST test digit {@code i}. */
    public Photo mnist(int i) {
        SplittableRandom random = random(1, i);
        PhotoConditions conditions = PhotoConditions.draw(config, random);
        InkCoverage digit = InkCoverage.mnist(images, i, conditions.digitHeight());
        return photo(labels.label(i), "mnist-test #" + i, conditions, digit, random);
    }

    /** A photo of drawing {@code i} of the handwriting configuration (its styles take turns). */
    public Photo hand(long i) {
        SplittableRandom random = random(2, i);
        PhotoConditions conditions = PhotoConditions.draw(config, random);
        HandwrittenDigit drawing = hand.sample(i);
        InkCoverage digit = InkCoverage.strokes(drawing.pageInk(), conditions.digitHeight());
        return photo(drawing.digit(), "hand " + hand.config().name() + " #" + i + " " + drawing.style(), conditions,
                digit, random);
    }

    private static Photo photo(int label, String source, PhotoConditions conditions, InkCoverage digit,
                               SplittableRandom random) {
        int[] at = new int[2];
        var image = new PaperPhoto(conditions, random).render(digit, at);
        return new Photo(label, source, conditions, image, new Box(at[0], at[1], digit.width(), digit.height()));
    }

    private SplittableRandom random(int source, long index) {
        return new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + source * 0xBF58476D1CE4E5B9L + index);
    }
}
