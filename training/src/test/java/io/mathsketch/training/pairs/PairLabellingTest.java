package io.mathsketch.training.pairs;

import io.mathsketch.corpus.numbers.NumberKind;
import io.mathsketch.corpus.numbers.NumberSource;
import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.image.Box;
import io.mathsketch.training.candidates.ExampleTally;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.mathsketch.training.pairs.PairLabelling.NOT_TWO_DIGITS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pair reader's examples: two neighbouring digits by their boxes together, everything far from them "none". */
class PairLabellingTest {

    private static final WrittenNumber FOUR_TWO_SEVEN = new WrittenNumber("427", NumberKind.TOUCHING,
            NumberSource.HAND, List.of("a", "b", "c"),
            List.of(new Box(10, 10, 40, 80), new Box(48, 12, 38, 78), new Box(84, 8, 40, 80)), new byte[0]);

    private final PairLabelling labelling = new PairLabelling();

    @Test
    void aCandidateOnTwoNeighboursBoxesIsThatPair() {
        assertEquals(42, labelling.label(new Box(11, 9, 75, 82), FOUR_TWO_SEVEN, 8));
        assertEquals(27, labelling.label(new Box(48, 8, 76, 80), FOUR_TWO_SEVEN, 8));
    }

    @Test
    void oneDigitOrThreeAreNotTwoDigits() {
        assertEquals(NOT_TWO_DIGITS, labelling.label(new Box(10, 10, 40, 80), FOUR_TWO_SEVEN, 8), "one");
        assertEquals(NOT_TWO_DIGITS, labelling.label(new Box(10, 8, 114, 82), FOUR_TWO_SEVEN, 8), "three");
    }

    @Test
    void aCandidateCloseToAPairButNotOnItIsLeftOut() {
        assertEquals(-1, labelling.label(new Box(10, 10, 64, 80), FOUR_TWO_SEVEN, 8));
    }

    @Test
    void touchingNumbersGivePairsAndNones() {
        ExampleTally tally = ExampleTally.of(labelling, "pairs-test", i -> 4L * i + NumberKind.TOUCHING.ordinal());
        int pairs = tally.kept(), nones = tally.none();
        int neighbours = tally.digits() - ExampleTally.NUMBERS;
        assertTrue(pairs >= neighbours / 3 && pairs <= neighbours, pairs + " pairs of " + neighbours + " neighbours");
        assertTrue(nones > 0, nones + " nones");
    }
}
