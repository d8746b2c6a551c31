package io.mathsketch.training.candidates;

import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;
import io.mathsketch.training.augment.DigitAugmenter;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The rule that sets one candidate classifier's examples apart from another's: which numbers and candidates it sees,
 * how it centres them (as number mode centres them for it) and how it labels them against the true digits' boxes.
 */
public interface CandidateLabelling {

    /** The labels' names, in label order (the model's outputs); the last is {@link #none()}'s. */
    List<String> labels();

    /** The label of a candidate that is not what the model reads ("none"). */
    int none();

    /** Whether {@link #augmenter()} may augment the examples (it must re-centre them as {@link #center} does). */
    boolean augmentable();

    /**
     * The augmenter of the examples: the digit augmenter, which re-centres one digit the MNIST way, unless a model
     * says otherwise.
     */
    default DigitAugmenter augmenter() {
        return new DigitAugmenter(new MnistCentering());
    }

    /** The boxes of what the model reads in {@code number}, in the source image's pixels. */
    List<Box> targets(WrittenNumber number);

    /** The label of {@code number}'s target {@code t} ({@link #targets}). */
    int targetLabel(WrittenNumber number, int t);

    /**
     * The candidate's label: the first target's whose box has every side within {@code tolerance} pixels of the
     * candidate's, {@link #none()} when every target is further than twice that, or -1 in between (close to a target
     * but not it: neither label is sure, so it is left out).
     */
    default int label(Box b, WrittenNumber number, double tolerance) {
        double nearest = Double.POSITIVE_INFINITY;
        List<Box> targets = targets(number);
        for (int t = 0; t < targets.size(); t++) {
            Box k = targets.get(t);
            double off = Math.max(Math.max(Math.abs(b.x() - k.x()), Math.abs(b.x() + b.width() - k.x() - k.width())),
                    Math.max(Math.abs(b.y() - k.y()), Math.abs(b.y() + b.height() - k.y() - k.height())));
            if (off <= tolerance) {
                return targetLabel(number, t);
            }
            nearest = Math.min(nearest, off);
        }
        return nearest <= 2 * tolerance ? -1 : none();
    }

    /** The candidate's ink as the model is fed it. */
    DigitImage center(InkImage ink) throws RecognitionException;

    /**
     * Which numbers of {@link CandidateTrainingSet#training()} the model trains on, {@code count} of them: numbers
     * {@code 0..count-1} unless a model says otherwise.
     */
    default long[] trainingNumbers(int count) {
        return IntStream.range(0, count).asLongStream().toArray();
    }

    /** Whether the model is asked about this candidate at all; every candidate unless a model says otherwise. */
    default boolean sees(Candidate candidate) {
        return true;
    }

    /**
     * Share of the {@link #none()} candidates kept (chosen per candidate by a seeded draw), so that they do not drown
     * the others; all of them unless a model says otherwise.
     */
    default double noneShare() {
        return 1;
    }
}
