package io.mathsketch.engine.ink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrokeGrouperTest {

    private final StrokeGrouper grouper = new StrokeGrouper();

    @Test
    void aDigitOfTwoStrokesStaysOneDigitBesideItsNeighbours() throws RecognitionException {
        // "147": a 1, a 4 drawn as an L and a crossing down-stroke, a 7 with its bar drawn last.
        Stroke one = line(40, 40, 40, 240);
        Stroke fourL = poly(100, 40, 90, 160, 170, 160);
        Stroke fourDown = line(150, 60, 150, 240);
        Stroke sevenTop = poly(200, 40, 280, 40, 230, 240);
        Stroke sevenBar = line(215, 140, 265, 140);
        List<List<Stroke>> digits = grouper.digits(ink(sevenTop, one, fourL, fourDown, sevenBar), 32);
        assertEquals(3, digits.size());
        assertEquals(List.of(one), digits.get(0));
        assertEquals(List.of(fourL, fourDown), digits.get(1));
        assertEquals(List.of(sevenTop, sevenBar), digits.get(2));
    }

    @Test
    void aSlantedNeighbourReachingALittleOverADigitStaysApart() throws RecognitionException {
        Stroke seven = poly(20, 40, 130, 40, 60, 240);
        Stroke one = line(122, 60, 150, 240);
        assertEquals(2, grouper.digits(ink(seven, one), 32).size());
    }

    @Test
    void aSpeckJoinsTheNearestDigit() throws RecognitionException {
        Stroke zero = poly(40, 40, 120, 40, 120, 240, 40, 240, 40, 40);
        Stroke speck = Stroke.of(new double[] {135}, new double[] {250});
        Stroke two = poly(200, 40, 280, 40, 280, 140, 200, 240, 280, 240);
        List<List<Stroke>> digits = grouper.digits(ink(zero, speck, two), 32);
        assertEquals(2, digits.size());
        assertTrue(digits.get(0).contains(speck));
    }

    @Test
    void moreDigitsThanAllowedAreRefused() {
        Stroke[] ones = new Stroke[5];
        for (int i = 0; i < ones.length; i++) {
            ones[i] = line(40 + 60 * i, 40, 40 + 60 * i, 240);
        }
        RecognitionException.TooManyDigits e = assertThrows(RecognitionException.TooManyDigits.class,
                () -> grouper.digits(ink(ones), 4));
        assertTrue(e.getMessage().contains("5"), e.getMessage());
    }

    @Test
    void strokesWithoutPointsAreNoDigit() throws RecognitionException {
        Stroke empty = Stroke.of(new double[0], new double[0]);
        Stroke one = line(40, 40, 40, 240);
        List<List<Stroke>> digits = grouper.digits(ink(empty, one), 32);
        assertEquals(1, digits.size());
        assertSame(one, digits.getFirst().getFirst());
        assertEquals(0, grouper.digits(ink(empty), 32).size());
    }

    @Test
    void groupingSpendsItsWorkBeforeDoingIt() throws RecognitionException {
        // "147" again: five strokes, two of the digits of two strokes (each split once after its first stroke).
        Ink ink = ink(poly(200, 40, 280, 40, 230, 240), line(40, 40, 40, 240), poly(100, 40, 90, 160, 170, 160),
                line(150, 60, 150, 240), line(215, 140, 265, 140));
        long grouping = ink.pointCount() + StrokeGrouper.PAIR_WORK * 5 * 5;
        long splits = StrokeGrouper.SPLIT_WORK * (1 + 2 * 2 + 2 * 2);
        InkWork geometric = new InkWork(grouping);
        grouper.propose(ink, 32, 0, geometric);
        assertEquals(grouping, geometric.spent(), "geometry alone: no split");
        InkWork narrow = new InkWork(grouping + splits);
        grouper.propose(ink, 32, 0.1, narrow);
        assertEquals(grouping + splits, narrow.spent());
        assertThrows(RecognitionException.InkTooLarge.class,
                () -> grouper.propose(ink, 32, 0.1, new InkWork(grouping + splits - 1)));
        assertThrows(RecognitionException.InkTooLarge.class,
                () -> grouper.propose(ink, 32, 0, new InkWork(grouping - 1)));
    }

    private static Ink ink(Stroke... strokes) {
        return new Ink(List.of(strokes), 560, 280, 16);
    }

    static Stroke line(double x0, double y0, double x1, double y1) {
        return poly(x0, y0, x1, y1);
    }

    /** A polyline through (x, y) pairs, sampled every few units as a pointer would be. */
    static Stroke poly(double... xy) {
        List<double[]> points = new java.util.ArrayList<>();
        for (int i = 0; i + 3 < xy.length; i += 2) {
            double length = Math.hypot(xy[i + 2] - xy[i], xy[i + 3] - xy[i + 1]);
            int steps = Math.max(1, (int) (length / 4));
            for (int k = 0; k < steps; k++) {
                double t = (double) k / steps;
                points.add(new double[] {xy[i] + t * (xy[i + 2] - xy[i]), xy[i + 1] + t * (xy[i + 3] - xy[i + 1])});
            }
        }
        points.add(new double[] {xy[xy.length - 2], xy[xy.length - 1]});
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        return Stroke.of(x, y);
    }
}
