package io.mathsketch.corpus.hand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.Stroke;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A continental 1 is never drawn with its up-stroke as flat as a 7's bar, whatever the hand does to it, while the
 * 7s of the same hands keep their flat bars: the rule separates the two digits instead of labelling 7s as 1s.
 */
class LegibilityTest {

    private static final List<HandConfig> HANDS = List.of(HandConfig.TRAINING, HandConfig.HELD_OUT,
            HandConfig.TRAINING_ONES_AND_SEVENS);
    private static final int DRAWINGS = 300;
    /** The tremor, added after the rule is checked, moves a drawn corner by a few degrees at most. */
    private static final double TREMOR_TOLERANCE = 5;

    @Test
    void everyContinentalOneRisesMoreSteeplyThanASevensBar() {
        for (HandConfig config : HANDS) {
            HandwritingGenerator hand = new HandwritingGenerator(config);
            for (int i = 0; i < DRAWINGS; i++) {
                double rise = rise(hand.draw(DigitStyle.ONE_CONTINENTAL, i).strokes().getFirst());
                assertTrue(rise >= Legibility.MIN_UP_STROKE_RISE - TREMOR_TOLERANCE,
                        config.name() + " continental 1 #" + i + " rises only " + rise + " degrees");
                double boxed = rise(hand.draw(DigitStyle.ONE_CONTINENTAL, i, new Box(0, 0, 60, 100)).strokes()
                        .getFirst());
                assertTrue(boxed >= Legibility.MIN_UP_STROKE_RISE - TREMOR_TOLERANCE,
                        config.name() + " continental 1 #" + i + " in a box rises only " + boxed + " degrees");
            }
        }
    }

    @Test
    void theSameHandsDrawSevensWithBarsFlatterThanTheRule() {
        for (HandConfig config : HANDS) {
            HandwritingGenerator hand = new HandwritingGenerator(config);
            int flat = 0;
            for (int i = 0; i < DRAWINGS; i++) {
                if (barRise(hand.draw(DigitStyle.SEVEN_PLAIN, i).strokes().getFirst())
                        < Legibility.MIN_UP_STROKE_RISE - TREMOR_TOLERANCE) {
                    flat++;
                }
            }
            assertTrue(flat >= DRAWINGS * 0.99, config.name() + ": only " + flat + " of " + DRAWINGS
                    + " plain 7s have a bar flatter than a continental 1's up-stroke may be");
        }
    }

    @Test
    void redrawingIsDeterministicAndLeavesOtherStylesAlone() {
        HandwritingGenerator a = new HandwritingGenerator(HandConfig.HELD_OUT);
        HandwritingGenerator b = new HandwritingGenerator(HandConfig.HELD_OUT);
        for (int i = 0; i < 50; i++) {
            Stroke x = a.draw(DigitStyle.ONE_CONTINENTAL, i).strokes().getFirst();
            Stroke y = b.draw(DigitStyle.ONE_CONTINENTAL, i).strokes().getFirst();
            assertArrayEquals(x.x(), y.x());
            assertArrayEquals(x.y(), y.y());
        }
        assertEquals(Legibility.ANY, DigitStyle.SEVEN_PLAIN.legibility());
        assertEquals(Legibility.ANY, DigitStyle.ONE_CONTINENTAL_FOOT.legibility());
    }

    /**
     * The rise of a drawn 7's bar: from the stroke's first point to its rightmost point, the bar's end. (The corner
     * of {@link Legibility#upStrokeRise} would be the top of the small tick some 7s start with.)
     */
    private static double barRise(Stroke stroke) {
        double[] x = stroke.x(), y = stroke.y();
        int n = x.length, first = y[0] > y[n - 1] ? n - 1 : 0, right = 0;
        for (int i = 1; i < n; i++) {
            if (x[i] > x[right]) {
                right = i;
            }
        }
        return Math.toDegrees(Math.atan2(y[first] - y[right], x[right] - x[first]));
    }

    /** The rise of a drawn continental 1's up-stroke, whichever way the stroke was drawn (from its upper end). */
    private static double rise(Stroke stroke) {
        double[] x = stroke.x(), y = stroke.y();
        int n = x.length;
        boolean reversed = y[0] > y[n - 1];
        double[][] points = new double[2][n];
        for (int i = 0; i < n; i++) {
            int j = reversed ? n - 1 - i : i;
            points[0][i] = x[j];
            points[1][i] = y[j];
        }
        return Legibility.upStrokeRise(points);
    }
}
