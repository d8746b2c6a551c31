package io.mathsketch.training.pairs;

import io.mathsketch.corpus.hand.Range;
import io.mathsketch.corpus.numbers.NumberConfig;
import io.mathsketch.corpus.numbers.NumberKind;
import io.mathsketch.corpus.numbers.NumberSource;
import io.mathsketch.corpus.numbers.NumberWriter;
import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.training.verifier.VerifierTrainingSet;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static io.mathsketch.training.pairs.PairTrainingSet.NOT_TWO_DIGITS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pair reader's examples: two neighbouring digits by their boxes together, everything far from them "none". */
class PairTrainingSetTest {

    private static final WrittenNumber FOUR_TWO_SEVEN = new WrittenNumber("427", NumberKind.TOUCHING,
            NumberSource.HAND, List.of("a", "b", "c"),
            List.of(new Box(10, 10, 40, 80), new Box(48, 12, 38, 78), new Box(84, 8, 40, 80)), new byte[0]);

    @Test
    void aCandidateOnTwoNeighboursBoxesIsThatPair() {
        assertEquals(42, PairTrainingSet.label(new Box(11, 9, 75, 82), FOUR_TWO_SEVEN, 8));
        assertEquals(27, PairTrainingSet.label(new Box(48, 8, 76, 80), FOUR_TWO_SEVEN, 8));
    }

    @Test
    void oneDigitOrThreeAreNotTwoDigits() {
        assertEquals(NOT_TWO_DIGITS, PairTrainingSet.label(new Box(10, 10, 40, 80), FOUR_TWO_SEVEN, 8), "one");
        assertEquals(NOT_TWO_DIGITS, PairTrainingSet.label(new Box(10, 8, 114, 82), FOUR_TWO_SEVEN, 8), "three");
    }

    @Test
    void aCandidateCloseToAPairButNotOnItIsLeftOut() {
        assertEquals(-1, PairTrainingSet.label(new Box(10, 10, 64, 80), FOUR_TWO_SEVEN, 8));
    }

    @Test
    void touchingNumbersGivePairsAndNones() {
        // The committed MNIST test digits stand in for the training digits here (the test reads no training data).
        var subset = MnistSubset.load();
        NumberConfig config = new NumberConfig("pairs-test", 7, VerifierTrainingSet.training().hand(), 0, 2_000,
                Range.of(40, 110));
        NumberWriter writer = new NumberWriter(config, subset.images(), subset.labels());
        int pairs = 0, nones = 0, neighbours = 0;
        for (int i = 0; i < 8; i++) {
            WrittenNumber n = writer.number(4L * i + NumberKind.TOUCHING.ordinal());
            neighbours += n.text().length() - 1;
            byte[][] examples = PairTrainingSet.examples(n, new ImagePreprocessor(InputLimits.DEFAULT),
                    new SplittableRandom(i));
            assertEquals(examples[1].length * 784, examples[0].length);
            for (byte label : examples[1]) {
                if (label == NOT_TWO_DIGITS) {
                    nones++;
                } else {
                    assertTrue(label >= 0 && label < NOT_TWO_DIGITS);
                    pairs++;
                }
            }
        }
        assertTrue(pairs >= neighbours / 3 && pairs <= neighbours, pairs + " pairs of " + neighbours + " neighbours");
        assertTrue(nones > 0, nones + " nones");
    }
}
