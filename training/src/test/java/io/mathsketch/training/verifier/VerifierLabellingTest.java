package io.mathsketch.training.verifier;

import io.mathsketch.corpus.numbers.NumberKind;
import io.mathsketch.corpus.numbers.NumberSource;
import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.image.Box;
import io.mathsketch.training.candidates.ExampleTally;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mathsketch.training.verifier.VerifierLabelling.NOT_ONE_DIGIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier's examples: true digits by their boxes, everything far from them "not one digit". */
class VerifierLabellingTest {

    private static final WrittenNumber FORTY_TWO = new WrittenNumber("42", NumberKind.CLEAN, NumberSource.HAND,
            List.of("a", "b"), List.of(new Box(10, 10, 40, 80), new Box(70, 12, 38, 78)), new byte[0]);

    private final VerifierLabelling labelling = new VerifierLabelling();

    @Test
    void aCandidateOnATrueDigitsBoxIsThatDigit() {
        assertEquals(4, labelling.label(new Box(11, 9, 38, 82), FORTY_TWO, 8));
        assertEquals(2, labelling.label(new Box(70, 12, 38, 78), FORTY_TWO, 8));
    }

    @Test
    void aMergedPairOrAFragmentIsNotOneDigit() {
        assertEquals(NOT_ONE_DIGIT, labelling.label(new Box(10, 10, 98, 80), FORTY_TWO, 8), "pair");
        assertEquals(NOT_ONE_DIGIT, labelling.label(new Box(10, 50, 15, 40), FORTY_TWO, 8), "fragment");
    }

    @Test
    void aCandidateCloseToADigitButNotOnItIsLeftOut() {
        assertEquals(-1, labelling.label(new Box(10, 10, 52, 80), FORTY_TWO, 8));
    }

    @Test
    void writtenNumbersGiveDigitsAndNonDigits() {
        ExampleTally tally = ExampleTally.of(labelling, "verifier-test", i -> i);
        int digits = tally.kept(), others = tally.none(), written = tally.digits();
        assertTrue(digits >= written * 0.8 && digits <= written * 1.5, digits + " digit examples of " + written);
        assertTrue(others > digits, others + " non-digits");
    }
}
