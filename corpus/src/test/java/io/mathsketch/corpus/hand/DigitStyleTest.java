package io.mathsketch.corpus.hand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each style's stroke model has the feature that names it, in every drawing of its proportions. */
class DigitStyleTest {

    private static final int DRAWINGS = 200;

    @Test
    void everyDigitHasAnOrdinaryForm() {
        for (int d = 0; d < 10; d++) {
            assertTrue(DigitStyle.of(d).stream().anyMatch(s -> !s.mnistLacks()), "ordinary form of " + d);
        }
    }

    @Test
    void theStylesMnistLacksAreThere() {
        Set<DigitStyle> lacking = EnumSet.noneOf(DigitStyle.class);
        for (DigitStyle s : DigitStyle.values()) {
            if (s.mnistLacks()) {
                lacking.add(s);
            }
        }
        assertTrue(lacking.containsAll(List.of(DigitStyle.ONE_CONTINENTAL, DigitStyle.ONE_CONTINENTAL_FOOT,
                DigitStyle.SEVEN_CROSSED, DigitStyle.FOUR_OPEN, DigitStyle.FOUR_CLOSED, DigitStyle.NINE_STRAIGHT,
                DigitStyle.SIX_STRAIGHT, DigitStyle.TWO_LOOPED, DigitStyle.ZERO_SLASHED)), lacking.toString());
    }

    @Test
    void theCrossedSevensBarCrossesItsStem() {
        forEach(DigitStyle.SEVEN_CROSSED, strokes -> {
            assertEquals(2, strokes.size());
            GlyphPath bar = strokes.get(1);
            double[] bx = bar.xs(), by = bar.ys();
            double barY = (by[0] + by[by.length - 1]) / 2;
            assertTrue(Math.abs(by[0] - by[by.length - 1]) < 0.1 && bx[bx.length - 1] - bx[0] > 0.18, "flat bar");
            assertTrue(barY > 0.3 && barY < 0.7, "bar across the middle: " + barY);
            double stemX = xAt(strokes.getFirst(), barY);
            assertTrue(bx[0] < stemX && stemX < bx[bx.length - 1], "the bar crosses the stem");
        });
    }

    @Test
    void theContinentalOneRisesFromFarBelowTheTopAndStandsOnAFoot() {
        forEach(DigitStyle.ONE_CONTINENTAL_FOOT, strokes -> {
            GlyphPath stem = strokes.getFirst();
            double[] x = stem.xs(), y = stem.ys();
            assertTrue(flag(stem) > 0.25 && x[0] < 0.34 - 0.08 && y[0] > 0.1, "long up-stroke from the lower left");
            GlyphPath foot = strokes.get(1);
            assertTrue(Math.abs(foot.ys()[0] - 1) < 0.05 && foot.lastX() - foot.xs()[0] > 0.15, "a foot at the base");
            assertTrue(foot.xs()[0] < stem.lastX() && stem.lastX() < foot.lastX(), "the foot is under the stem");
        });
        forEach(DigitStyle.ONE_CONTINENTAL, strokes -> assertTrue(flag(strokes.getFirst()) > 0.25));
        forEach(DigitStyle.ONE_FLAG, strokes -> assertTrue(flag(strokes.getFirst()) < 0.25));
    }

    @Test
    void theSlashedZerosSlashRunsThroughItsMiddle() {
        forEach(DigitStyle.ZERO_SLASHED, strokes -> {
            GlyphPath slash = strokes.get(1);
            double x = xAt(slash, 0.5);
            assertEquals(0.3, x, 0.08, "through the centre");
            assertTrue(slash.ys()[0] < 0.25 && slash.lastY() > 0.75, "from top right to bottom left");
        });
    }

    @Test
    void straightStemsAreStraightAndCurvedOnesAreNot() {
        double straight = meanStemBend(DigitStyle.NINE_STRAIGHT), curved = meanStemBend(DigitStyle.NINE_CURVED);
        assertTrue(straight < 0.01 && curved > 0.03, "bend of the 9's stem: straight " + straight + ", curved " + curved);
        forEach(DigitStyle.SIX_STRAIGHT, strokes -> {
            GlyphPath s = strokes.getFirst();
            assertTrue(maxDeviationFromChord(s, 0, s.size() / 4) < 1e-9, "the 6's stem is a line");
        });
    }

    @Test
    void theLoopedTwoCrossesItselfAtTheBottom() {
        forEach(DigitStyle.TWO_LOOPED, strokes -> assertTrue(crossesItselfBelow(strokes.getFirst(), 0.75)));
        forEach(DigitStyle.TWO_PLAIN, strokes -> assertFalse(crossesItselfBelow(strokes.getFirst(), 0.75)));
    }

    @Test
    void theClosedFourMeetsItsStemAtTheTopAndTheOpenFourDoesNot() {
        forEach(DigitStyle.FOUR_CLOSED, strokes -> {
            GlyphPath arm = strokes.getFirst(), stem = strokes.get(1);
            assertEquals(stem.xs()[0], arm.xs()[0], 0.03);
            assertTrue(arm.ys()[0] < 0.05 && stem.ys()[0] < 0.05);
        });
        forEach(DigitStyle.FOUR_OPEN, strokes -> {
            GlyphPath arm = strokes.getFirst(), stem = strokes.get(1);
            assertTrue(stem.xs()[0] - arm.xs()[0] > 0.15, "open at the top");
            assertTrue(arm.ys()[0] < 0.1 && stem.ys()[0] < 0.1, "both arms reach the top");
        });
    }

    private static void forEach(DigitStyle style, Consumer<List<GlyphPath>> check) {
        SplittableRandom random = new SplittableRandom(style.ordinal());
        for (int i = 0; i < DRAWINGS; i++) {
            check.accept(style.glyph().strokes(new Proportions(random.split(), HandConfig.HELD_OUT.shapeSpread())));
        }
    }

    /** Length of a 1's up-stroke: from the stroke's start to its highest point. */
    private static double flag(GlyphPath stem) {
        double[] x = stem.xs(), y = stem.ys();
        int top = 0;
        for (int i = 1; i < y.length; i++) {
            if (y[i] < y[top]) {
                top = i;
            }
        }
        return Math.hypot(x[top] - x[0], y[top] - y[0]);
    }

    /** The x of the path where it first passes height {@code y} (em). */
    private static double xAt(GlyphPath path, double y) {
        double[] xs = path.xs(), ys = path.ys();
        for (int i = 1; i < xs.length; i++) {
            if ((ys[i - 1] - y) * (ys[i] - y) <= 0 && ys[i] != ys[i - 1]) {
                double t = (y - ys[i - 1]) / (ys[i] - ys[i - 1]);
                return xs[i - 1] + t * (xs[i] - xs[i - 1]);
            }
        }
        throw new AssertionError("the path never reaches y = " + y);
    }

    /** Mean over drawings of how far the last stroke's part below y = 0.55 departs from a straight line. */
    private static double meanStemBend(DigitStyle style) {
        double[] sum = {0};
        forEach(style, strokes -> {
            GlyphPath s = strokes.getLast();
            double[] y = s.ys();
            int from = 0;
            while (from < y.length - 1 && y[from] < 0.55) {
                from++;
            }
            sum[0] += maxDeviationFromChord(s, from, y.length - 1);
        });
        return sum[0] / DRAWINGS;
    }

    private static double maxDeviationFromChord(GlyphPath s, int from, int to) {
        double[] x = s.xs(), y = s.ys();
        double dx = x[to] - x[from], dy = y[to] - y[from], length = Math.hypot(dx, dy), max = 0;
        for (int i = from; i <= to; i++) {
            max = Math.max(max, Math.abs((x[i] - x[from]) * dy - (y[i] - y[from]) * dx) / length);
        }
        return max;
    }

    private static boolean crossesItselfBelow(GlyphPath s, double below) {
        double[] x = s.xs(), y = s.ys();
        for (int i = 1; i < x.length; i++) {
            for (int j = i + 2; j < x.length; j++) {
                if (y[i] > below && y[j] > below
                        && intersect(x[i - 1], y[i - 1], x[i], y[i], x[j - 1], y[j - 1], x[j], y[j])) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean intersect(double ax, double ay, double bx, double by, double cx, double cy, double dx,
                                     double dy) {
        double d1 = cross(cx, cy, dx, dy, ax, ay), d2 = cross(cx, cy, dx, dy, bx, by);
        double d3 = cross(ax, ay, bx, by, cx, cy), d4 = cross(ax, ay, bx, by, dx, dy);
        return d1 * d2 < 0 && d3 * d4 < 0;
    }

    private static double cross(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }
}
