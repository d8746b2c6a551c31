package io.mathsketch.training.candidates;

import io.mathsketch.corpus.hand.Range;
import io.mathsketch.corpus.numbers.NumberConfig;
import io.mathsketch.corpus.numbers.NumberWriter;
import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.preprocess.ImagePreprocessor;

import java.util.SplittableRandom;
import java.util.function.LongUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test fixture: what a labelling makes of the candidates of {@value #NUMBERS} written numbers, each example checked
 * on the way (784 pixels a label, every label but {@code none} below it).
 *
 * @param digits the digits written in the numbers
 * @param kept   the examples labelled with what the model reads
 * @param none   the examples labelled {@code none}
 */
public record ExampleTally(int digits, int kept, int none) {

    /** Numbers written for a tally. */
    public static final int NUMBERS = 8;

    /**
     * The examples of numbers {@code number(0..7)} of a set named {@code name} in the training hand. The committed
     * MNIST test digits stand in for the training digits here (the tests read no training data).
     */
    public static ExampleTally of(CandidateLabelling labelling, String name, LongUnaryOperator number) {
        MnistSubset subset = MnistSubset.load();
        NumberConfig config = new NumberConfig(name, 7, CandidateTrainingSet.training().hand(), 0, 2_000,
                Range.of(40, 110));
        NumberWriter writer = new NumberWriter(config, subset.images(), subset.labels());
        CandidateTrainingSet set = new CandidateTrainingSet(labelling);
        int digits = 0, kept = 0, none = 0;
        for (int i = 0; i < NUMBERS; i++) {
            WrittenNumber n = writer.number(number.applyAsLong(i));
            digits += n.text().length();
            byte[][] examples = set.examples(n, new ImagePreprocessor(InputLimits.DEFAULT), new SplittableRandom(i));
            assertEquals(examples[1].length * 784, examples[0].length);
            for (byte label : examples[1]) {
                if (label == labelling.none()) {
                    none++;
                } else {
                    assertTrue(label >= 0 && label < labelling.none());
                    kept++;
                }
            }
        }
        return new ExampleTally(digits, kept, none);
    }
}
