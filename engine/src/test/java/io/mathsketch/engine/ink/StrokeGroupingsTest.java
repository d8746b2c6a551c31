package io.mathsketch.engine.ink;

import static io.mathsketch.engine.ink.StrokeGrouperTest.line;
import static io.mathsketch.engine.ink.StrokeGrouperTest.poly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import io.mathsketch.engine.ink.StrokeGroupings.Weights;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrokeGroupingsTest {

    private final StrokeGrouper grouper = new StrokeGrouper();

    /** "21" with the 1 written just inside the 2's right edge: one digit by geometry, narrowly. */
    private final Stroke two = poly(40, 40, 120, 40, 120, 140, 40, 240, 125, 240);
    private final Stroke one = line(118, 40, 118, 240);

    @Test
    void aOneWrittenIntoItsNeighbourIsSplitOffWhenTheModelReadsThePartsBetter() throws RecognitionException {
        StrokeGroupings groupings = grouper.propose(ink(two, one), 32, Weights.DEFAULT.margin());
        assertEquals(1, groupings.geometric().length);
        assertFalse(groupings.clear());
        float[] confidence = new float[groupings.candidates()];
        for (int c = 0; c < confidence.length; c++) {
            // The joined pair reads as nothing in particular; each stroke alone reads as a sure digit.
            confidence[c] = groupings.strokes(c).size() == 2 ? 0.1f : 0.99f;
        }
        int[] reading = groupings.choose(confidence, Weights.DEFAULT);
        assertEquals(2, reading.length);
        assertEquals(List.of(two), groupings.strokes(reading[0]));
        assertEquals(List.of(one), groupings.strokes(reading[1]));
    }

    @Test
    void splittingIsNotFreeTheGeometryStandsWhenTheModelIsSureOfTheWhole() throws RecognitionException {
        StrokeGroupings groupings = grouper.propose(ink(two, one), 32, Weights.DEFAULT.margin());
        float[] confidence = new float[groupings.candidates()];
        java.util.Arrays.fill(confidence, 0.99f);
        assertArrayEquals(groupings.geometric(), groupings.choose(confidence, Weights.DEFAULT));
    }

    @Test
    void aStemTouchingItsLoopIsJoinedWhenTheModelReadsTheWholeBetter() throws RecognitionException {
        // A 9 whose stem starts at the loop's right edge: two digits by geometry.
        Stroke loop = poly(100, 40, 40, 40, 40, 120, 100, 120, 100, 40);
        Stroke stem = line(106, 40, 112, 240);
        StrokeGroupings groupings = grouper.propose(ink(loop, stem), 32, Weights.DEFAULT.margin());
        assertEquals(2, groupings.geometric().length);
        float[] confidence = new float[groupings.candidates()];
        for (int c = 0; c < confidence.length; c++) {
            confidence[c] = groupings.strokes(c).size() == 2 ? 0.99f : 0.3f;
        }
        int[] reading = groupings.choose(confidence, Weights.DEFAULT);
        assertEquals(1, reading.length);
        assertEquals(List.of(loop, stem), groupings.strokes(reading[0]));
    }

    @Test
    void readingsStartWithTheChosenOneThenTheOthersByTheirGain() throws RecognitionException {
        StrokeGroupings groupings = grouper.propose(ink(two, one), 32, Weights.DEFAULT.margin());
        float[] confidence = new float[groupings.candidates()];
        java.util.Arrays.fill(confidence, 0.99f);
        List<StrokeGroupings.Reading> readings = groupings.readings(confidence, Weights.DEFAULT, 8);
        assertArrayEquals(groupings.choose(confidence, Weights.DEFAULT), readings.getFirst().candidates());
        assertEquals(0, readings.getFirst().score(), "the geometric grouping, nothing changed");
        assertTrue(readings.size() > 1, "the split is a reading too");
        for (int r = 1; r < readings.size(); r++) {
            assertTrue(readings.get(r).score() <= readings.get(r - 1).score() && readings.get(r).score() < 0);
        }
        assertTrue(readings.stream().anyMatch(r -> r.candidates().length == 2
                && groupings.strokes(r.candidates()[0]).equals(List.of(two))
                && groupings.strokes(r.candidates()[1]).equals(List.of(one))));
        assertEquals(1, groupings.readings(confidence, Weights.DEFAULT, 1).size());
        // A candidate not read takes no reading with it.
        float[] unread = confidence.clone();
        for (int c = groupings.geometric().length; c < unread.length; c++) {
            unread[c] = Float.NaN;
        }
        assertEquals(1, groupings.readings(unread, Weights.DEFAULT, 8).size());
    }

    @Test
    void clearInkAndGeometryAloneProposeNoAlternative() throws RecognitionException {
        Stroke far = line(300, 40, 300, 240);
        StrokeGroupings clear = grouper.propose(ink(two, far), 32, Weights.DEFAULT.margin());
        assertTrue(clear.clear());
        assertEquals(2, clear.candidates());
        StrokeGroupings geometric = grouper.propose(ink(two, one), 32, Weights.GEOMETRIC.margin());
        assertTrue(geometric.clear());
        assertEquals(1, geometric.candidates());
    }

    private static Ink ink(Stroke... strokes) {
        return new Ink(List.of(strokes), 560, 280, 16);
    }
}
