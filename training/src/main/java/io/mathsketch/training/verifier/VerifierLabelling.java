package io.mathsketch.training.verifier;

import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.number.DigitVerifier;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.training.candidates.CandidateLabelling;

import java.util.List;

/**
 * The verifier's labelling: every candidate, centred as number mode centres it ({@link MnistCentering}), labelled
 * with its digit when its box is a true digit's box (every side within the tolerance) and {@link #NOT_ONE_DIGIT} when
 * it is far from every true digit (a fragment, a merged pair, a sliver).
 */
public final class VerifierLabelling implements CandidateLabelling {

    /** The label of a candidate that is not one whole digit. */
    public static final int NOT_ONE_DIGIT = DigitVerifier.NOT_ONE_DIGIT;
    /** The labels, as serving finds the verifier by them: the digits, then the candidate that is not one digit. */
    static final List<String> LABELS = DigitVerifier.LABELS;

    private final MnistCentering centering = new MnistCentering();

    @Override
    public List<String> labels() {
        return LABELS;
    }

    @Override
    public int none() {
        return NOT_ONE_DIGIT;
    }

    /** Augmented as the digit model is: the examples are centred the MNIST way, as the augmenter re-centres them. */
    @Override
    public boolean augmentable() {
        return true;
    }

    @Override
    public DigitImage center(InkImage ink) throws RecognitionException {
        return centering.center(ink);
    }

    /** The true digits' boxes. */
    @Override
    public List<Box> targets(WrittenNumber number) {
        return number.boxes();
    }

    /** Digit {@code t} of the number. */
    @Override
    public int targetLabel(WrittenNumber number, int t) {
        return number.text().charAt(t) - '0';
    }
}
