package io.mathsketch.training.verifier;

import io.mathsketch.corpus.numbers.NumberKind;
import io.mathsketch.corpus.numbers.NumberSource;
import io.mathsketch.corpus.numbers.NumberWriter;
import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mathsketch.training.verifier.VerifierTrainingSet.NOT_ONE_DIGIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier's examples: true digits by their boxes, everything far from them "not one digit". */
class VerifierTrainingSetTest {

    private static final WrittenNumber FORTY_TWO = new WrittenNumber("42", NumberKind.CLEAN, NumberSource.HAND,
            List.of("a", "b"), List.of(new Box(10, 10, 40, 80), new Box(70, 12, 38, 78)), new byte[0]);

    @Test
    void aCandidateOnATrueDigitsBoxIsThatDigit() {
        assertEquals(4, VerifierTrainingSet.label(new Box(11, 9, 38, 82), FORTY_TWO, 8));
        assertEquals(2, VerifierTrainingSet.label(new Box(70, 12, 38, 78), FORTY_TWO, 8));
    }

    @Test
    void aMergedPairOrAFragmentIsNotOneDigit() {
        assertEquals(NOT_ONE_DIGIT, VerifierTrainingSet.label(new Box(10, 10, 98, 80), FORTY_TWO, 8), "pair");
        assertEquals(NOT_ONE_DIGIT, VerifierTrainingSet.label(new Box(10, 50, 15, 40), FORTY_TWO, 8), "fragment");
    }

    @Test
    void aCandidateCloseToADigitButNotOnItIsLeftOut() {
        assertEquals(-1, VerifierTrainingSet.label(new Box(10, 10, 52, 80), FORTY_TWO, 8));
    }

    @Test
    void writtenNumbersGiveDigitsAndNonDigits() throws Exception {
        // The committed MNIST test digits stand in for the training digits here (the test reads no training data).
        MnistImages images = MnistSubset.load().images();
        MnistLabels labels = MnistSubset.load().labels();
        var config = new io.mathsketch.corpus.numbers.NumberConfig("verifier-test", 7, VerifierTrainingSet.training()
                .hand(), 0, 2_000, io.mathsketch.corpus.hand.Range.of(40, 110));
        NumberWriter writer = new NumberWriter(config, images, labels);
        int digits = 0, others = 0, written = 0;
        for (int i = 0; i < 8; i++) {
            WrittenNumber n = writer.number(i);
            written += n.text().length();
            byte[][] examples = VerifierTrainingSet.examples(n, new ImagePreprocessor(InputLimits.DEFAULT));
            assertEquals(examples[1].length * 784, examples[0].length);
            for (byte label : examples[1]) {
                if (label == NOT_ONE_DIGIT) {
                    others++;
                } else {
                    digits++;
                }
            }
        }
        assertTrue(digits >= written * 0.8 && digits <= written * 1.5, digits + " digit examples of " + written);
        assertTrue(others > digits, others + " non-digits");
    }
}
