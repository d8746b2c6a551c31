package io.mathsketch.engine.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The line reader's say among readings: weighed against their own scores, the first of equals kept. */
class LineRescoringTest {

    /** Steps that read "7" surely: the blank, 7, the blank. */
    private static final float[][] SEVEN = {row(CtcScore.BLANK), row(7), row(CtcScore.BLANK)};

    @Test
    void theReadersLogProbabilityOutweighsASmallLeadInScore() {
        LineRescoring.Winner winner = LineRescoring.best(SEVEN, 0.5, new double[] {1.0, 0.0}, new String[] {"1", "7"});
        assertEquals(1, winner.index());
        assertEquals(CtcScore.logProbability(SEVEN, "7"), winner.logProbability(), 1e-12);
    }

    @Test
    void withoutWeightTheScoreDecidesAndTheFirstOfEqualsWins() {
        assertEquals(0, LineRescoring.best(SEVEN, 0, new double[] {1.0, 0.0}, new String[] {"1", "7"}).index());
        assertEquals(0, LineRescoring.best(SEVEN, 0.5, new double[] {0, 0}, new String[] {"7", "7"}).index());
    }

    @Test
    void noReadingIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> LineRescoring.best(SEVEN, 0.5, new double[0], new String[0]));
    }

    /** Log-probabilities of one step: {@code label} almost surely. */
    private static float[] row(int label) {
        float[] logits = new float[CtcScore.CLASSES];
        Arrays.fill(logits, -10f);
        logits[label] = 10f;
        return CtcScore.logSoftmax(new float[][] {logits})[0];
    }
}
