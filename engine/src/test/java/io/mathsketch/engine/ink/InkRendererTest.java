package io.mathsketch.engine.ink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.image.Stroke;
import io.mathsketch.engine.preprocess.LineCentering;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InkRendererTest {

    private final InkRenderer renderer = new InkRenderer();

    @Test
    void inkWithoutPointsIsBlank() {
        assertThrows(RecognitionException.BlankImage.class,
                () -> renderer.digit(new Ink(List.of(), 280, 280, 18)));
        assertThrows(RecognitionException.BlankImage.class,
                () -> renderer.digit(new Ink(List.of(Stroke.of(new double[0], new double[0])), 280, 280, 18)));
    }

    @Test
    void aVerticalBarIsTwentyPixelsHighAndCentredByMass() throws RecognitionException {
        DigitImage digit = renderer.digit(ink(18, line(140, 40, 140, 240))).digit();
        int top = 28, bottom = -1;
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = digit.pixels()[y * 28 + x];
                if (v > 0.1f) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        assertEquals(20, bottom - top + 1, "the longer side fills the 20-pixel box");
        assertEquals(14.5, mx / mass, 0.5, "centre of mass, x");
        assertEquals(14.5, my / mass, 0.5, "centre of mass, y");
        // 18 of 218 units wide is 1.65 pixels, fitted to a whole 2 pixels as the image path's resampling stretches
        // it: 2 pixels of ink across, less the round caps' corners.
        assertEquals(20 * 2 - 0.5, mass, 1, "ink mass");
    }

    @Test
    void theDigitDoesNotDependOnWhereOrHowLargeTheInkIsDrawn() throws RecognitionException {
        Stroke seven = Stroke.of(new double[] {84, 198, 122}, new double[] {62, 62, 236});
        DigitImage reference = renderer.digit(ink(18, seven)).digit();
        Stroke moved = Stroke.of(new double[] {84 + 300, 198 + 300, 122 + 300}, new double[] {62 + 7, 62 + 7, 236 + 7});
        assertArrayEquals(reference.pixels(), renderer.digit(ink(18, moved)).digit().pixels(), 1e-4f);
        Stroke tripled = Stroke.of(new double[] {84 * 3, 198 * 3, 122 * 3}, new double[] {62 * 3, 62 * 3, 236 * 3});
        assertArrayEquals(reference.pixels(), renderer.digit(ink(54, tripled)).digit().pixels(), 1e-4f);
    }

    @Test
    void aPenThinnerThanAPixelLeavesItsWidthAsInk() throws RecognitionException {
        // An L 200 units wide and high into 20 pixels: a pen of 4 units is 0.4 pixels wide.
        Stroke l = Stroke.of(new double[] {100, 100, 300}, new double[] {20, 220, 220});
        DigitImage digit = renderer.digit(ink(4, l)).digit();
        float max = 0;
        for (float v : digit.pixels()) {
            max = Math.max(max, v);
        }
        assertEquals(0.4, max, 0.05);
    }

    @Test
    void theBoxIsWhereTheInkIsInInkUnits() throws RecognitionException {
        DigitRegion region = renderer.digit(ink(10, line(50, 20, 70, 120)));
        assertEquals(new Box(45, 15, 30, 110), region.box());
    }

    @Test
    void aSinglePointIsADot() throws RecognitionException {
        DigitImage dot = renderer.digit(ink(20, Stroke.of(new double[] {30}, new double[] {40}))).digit();
        float sum = 0;
        for (float v : dot.pixels()) {
            sum += v;
        }
        // A disc filling the 20x20 box: pi * 10^2.
        assertEquals(Math.PI * 100, sum, 12);
    }

    @Test
    void theRasterShowsTheStrokesOnTheirSurface() {
        InkImage image = raster(ink(10, line(140, 40, 140, 240)), 140, 140);
        assertEquals(1f, image.at(70, 70), 1e-6f, "on the stroke");
        assertEquals(0f, image.at(20, 70), 1e-6f, "beside it");
        assertEquals(0f, image.at(70, 5), 1e-6f, "above it");
    }

    @Test
    void aStraightStrokeGetsTheCoverageOfEveryPixelNearItOnAnyScale() {
        // Against the plain definition, every pixel of the raster against the segment: the renderer visits only the
        // pixels the pen can reach, row by row, and must neither miss one nor give one a different value.
        Random random = new Random(0x13);
        for (int trial = 0; trial < 300; trial++) {
            double x0 = random.nextDouble(280), y0 = random.nextDouble(280);
            double x1 = trial % 10 == 0 ? x0 : random.nextDouble(280), y1 = trial % 10 == 0 ? y0 : random.nextDouble(280);
            double pen = 1 + random.nextDouble(40);
            int width = 20 + random.nextInt(100), height = 20 + random.nextInt(100);
            InkImage image = raster(ink(pen, line(x0, y0, x1, y1)), width, height);
            double sx = width / 280.0, sy = height / 280.0;
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    double expected = coverage(x + 0.5, y + 0.5, x0 * sx, y0 * sy, x1 * sx, y1 * sy, pen / 2, sx, sy);
                    assertEquals(expected, image.at(x, y), 1e-4, "trial " + trial + ", pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void aDenselySampledLineIsDrawnLikeItsTwoEnds() throws RecognitionException {
        // Hundreds of points a fraction of a pixel apart are drawn as a few runs that join without a gap.
        int n = 400;
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = 30 + 220.0 * i / (n - 1);
            ys[i] = 40 + 190.0 * i / (n - 1);
        }
        Ink dense = ink(12, Stroke.of(xs, ys)), ends = ink(12, line(30, 40, 250, 230));
        assertArrayEquals(raster(ends, 140, 140).ink(), raster(dense, 140, 140).ink(), 1e-3f);
        assertArrayEquals(renderer.digit(ends).digit().pixels(), renderer.digit(dense).digit().pixels(), 1e-3f);
    }

    @Test
    void aWanderingStrokeIsDrawnWithinATenthOfItsCurves() {
        // Jittery strokes on a coarse grid pause, turn back and return to points they left, as a hand on a mouse
        // does; the drawn raster stays within a tenth of the coverage of the page's curves (flattening and
        // simplification each allow 0.05 pixels), so no part of a stroke is dropped or moved.
        Random random = new Random(0x1313);
        for (int trial = 0; trial < 40; trial++) {
            int n = 3 + random.nextInt(40);
            double[] xs = new double[n], ys = new double[n];
            xs[0] = 10 + random.nextInt(20);
            ys[0] = 10 + random.nextInt(20);
            for (int i = 1; i < n; i++) {
                xs[i] = Math.clamp(xs[i - 1] + random.nextInt(5) - 2, 0, 40);
                ys[i] = Math.clamp(ys[i - 1] + random.nextInt(5) - 2, 0, 40);
            }
            double pen = 1 + random.nextInt(4);
            InkImage image = raster(new Ink(List.of(Stroke.of(xs, ys)), 40, 40, pen), 40, 40);
            List<double[]> curve = pageCurve(xs, ys);
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 40; x++) {
                    double expected = 0;
                    for (double[] c : curve) {
                        expected = Math.max(expected, coverage(x + 0.5, y + 0.5, c[0], c[1], c[2], c[3], pen / 2, 1, 1));
                    }
                    assertEquals(expected, image.at(x, y), 0.1, "trial " + trial + ", pixel " + x + "," + y);
                }
            }
        }
    }

    /**
     * The stroke as the page paints it, a quadratic curve to the midpoint of each next pair of points with the point
     * as control, in short straight pieces {x0, y0, x1, y1} far closer to it than the renderer's flattening.
     */
    private static List<double[]> pageCurve(double[] xs, double[] ys) {
        List<double[]> pieces = new ArrayList<>();
        int n = xs.length;
        double ax = xs[0], ay = ys[0];
        for (int i = 1; i < n - 1; i++) {
            double bx = (xs[i] + xs[i + 1]) / 2, by = (ys[i] + ys[i + 1]) / 2;
            double px = ax, py = ay;
            for (int k = 1; k <= 32; k++) {
                double t = k / 32.0, u = 1 - t;
                double qx = u * u * ax + 2 * u * t * xs[i] + t * t * bx, qy = u * u * ay + 2 * u * t * ys[i] + t * t * by;
                pieces.add(new double[] {px, py, qx, qy});
                px = qx;
                py = qy;
            }
            ax = bx;
            ay = by;
        }
        pieces.add(new double[] {ax, ay, xs[n - 1], ys[n - 1]});
        return pieces;
    }

    /**
     * The share of a one-pixel footprint at (px, py) within half a pen of the segment (ax, ay)-(bx, by), all in
     * pixels, for a round pen of {@code radius} ink units drawn on a surface scaled by sx, sy: the pen's half-width
     * across the segment is the radius scaled along the segment's normal.
     */
    private static double coverage(double px, double py, double ax, double ay, double bx, double by, double radius,
                                   double sx, double sy) {
        double dx = bx - ax, dy = by - ay, length2 = dx * dx + dy * dy;
        double t = length2 > 0 ? Math.clamp(((px - ax) * dx + (py - ay) * dy) / length2, 0, 1) : 0;
        double d = Math.hypot(px - ax - t * dx, py - ay - t * dy);
        double r;
        if (length2 > 0) {
            double ux = dx / sx, uy = dy / sy, length = Math.hypot(ux, uy);
            r = radius / Math.hypot(uy / length / sx, ux / length / sy);
        } else {
            r = radius * Math.sqrt(sx * sy);
        }
        return Math.max(0, Math.min(1, Math.min(d + 0.5, r) - Math.max(d - 0.5, -r)));
    }

    /** The reviewer's ink: 80 random points under a pen as wide as expression mode's 1,120-pixel surface. */
    private static Ink hugePen() {
        Random random = new Random(5);
        double[] xs = new double[80], ys = new double[80];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = random.nextInt(1120);
            ys[i] = random.nextInt(1120);
        }
        return new Ink(List.of(Stroke.of(xs, ys)), 1120, 1120, 1000);
    }

    @Test
    void inkOverTheBudgetIsRefusedBeforeAnythingIsDrawn() {
        // Once 17 CPU-seconds drawn on expression mode's surface: now refused by its count, a row at a time.
        InkWork work = new InkWork(io.mathsketch.engine.config.InputLimits.DEFAULT.maxInkWork());
        assertThrows(RecognitionException.InkTooLarge.class, () -> renderer.surface(hugePen(), 1120, work));
        assertEquals(0, work.spent(), "nothing spent: refused before drawing");
        assertThrows(RecognitionException.InkTooLarge.class, () -> renderer.raster(hugePen(), 560, 560, work));
        assertEquals(0, work.spent());
    }

    @Test
    void theBudgetIsExactlyWhatTheDrawingCosts() throws RecognitionException {
        Ink seven = ink(18, Stroke.of(new double[] {84, 198, 150, 122}, new double[] {62, 62, 150, 236}));
        InkWork unbounded = InkWork.unbounded();
        renderer.surface(seven, 280, unbounded);
        long cost = unbounded.spent();
        InkWork exact = new InkWork(cost);
        renderer.surface(seven, 280, exact);
        assertEquals(cost, exact.spent());
        InkWork spentTwice = new InkWork(2 * cost - 1);
        renderer.surface(seven, 280, spentTwice);
        assertThrows(RecognitionException.InkTooLarge.class, () -> renderer.surface(seven, 280, spentTwice),
                "a request's drawings share its budget");
        assertThrows(RecognitionException.InkTooLarge.class,
                () -> renderer.surface(seven, 280, new InkWork(cost - 1)));
    }

    @Test
    void drawingWithoutCountingFirstSpendsAndDrawsTheSame() throws RecognitionException {
        // A budget the bound shows cannot be exceeded is spent after one walk that counts as it draws; any other is
        // counted first. Both spend the same units and draw the same pixels, and the bound holds the count.
        Random random = new Random(0x1331);
        for (int trial = 0; trial < 60; trial++) {
            List<Stroke> strokes = new ArrayList<>();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                int n = 1 + random.nextInt(60);
                double[] xs = new double[n], ys = new double[n];
                xs[0] = random.nextInt(280);
                ys[0] = random.nextInt(280);
                for (int i = 1; i < n; i++) {
                    xs[i] = Math.clamp(xs[i - 1] + random.nextGaussian() * 12, 0, 280);
                    ys[i] = Math.clamp(ys[i - 1] + random.nextGaussian() * 12, 0, 280);
                }
                strokes.add(Stroke.of(xs, ys));
            }
            Ink ink = new Ink(strokes, 280, 280, 2 + random.nextInt(30));
            InkWork oneWalk = InkWork.unbounded();
            DigitImage drawn = renderer.digit(ink, oneWalk).digit();
            long cost = oneWalk.spent();
            InkWork counted = new InkWork(cost);
            assertArrayEquals(drawn.pixels(), renderer.digit(ink, counted).digit().pixels(), "trial " + trial);
            assertEquals(cost, counted.spent(), "trial " + trial);
            assertThrows(RecognitionException.InkTooLarge.class, () -> renderer.digit(ink, new InkWork(cost - 1)));

            InkWork rasterWork = InkWork.unbounded();
            renderer.raster(ink, 280, 280, rasterWork);
            double bound = InkRenderer.workBound(strokes, 1, 1, 280, 280);
            assertTrue(bound >= rasterWork.spent(), "trial " + trial + ": bound " + bound + ", spent " + rasterWork.spent());
        }
    }

    @Test
    void aLineIsTheInkAsTheLineReaderSeesItsPicture() throws RecognitionException {
        // "17" on a 560 x 280 surface, sampled as a pointer samples it (the box is the points', and the page's curves
        // pass by the corners of sparse ones): drawn straight into the line reader's field, or drawn at full size and
        // fitted as the image path fits a line, the same field within anti-aliasing, the same columns back to the ink.
        Ink ink = new Ink(List.of(StrokeGrouperTest.line(100, 40, 100, 240),
                StrokeGrouperTest.poly(160, 40, 280, 40, 200, 240)), 560, 280, 16);
        LineCentering.FittedLine direct = renderer.line(ink, InkWork.unbounded());
        InkImage surface = renderer.raster(ink, 560, 280, InkWork.unbounded());
        LineCentering.FittedLine fitted = new LineCentering().fit(surface);
        assertEquals(fitted.fittedWidth(), direct.fittedWidth(), 1);
        double difference = 0, ink20 = 0;
        for (int i = 0; i < direct.field().length; i++) {
            difference += Math.abs(direct.field()[i] - fitted.field()[i]);
            ink20 += fitted.field()[i];
        }
        assertTrue(difference < 0.15 * ink20, "differs by " + difference + " of " + ink20);
        for (double column : new double[] {2, 20, 40}) {
            assertEquals(fitted.inkColumn(column), direct.inkColumn(column), 3, "field column " + column);
        }
    }

    @Test
    void aLineSpendsWhatItsDrawingCostsAndIsRefusedOverItDrawingNothing() throws RecognitionException {
        Ink seventeen = new Ink(List.of(line(100, 40, 100, 240), Stroke.of(new double[] {160, 280, 230, 200},
                new double[] {40, 40, 140, 240})), 560, 280, 16);
        InkWork unbounded = InkWork.unbounded();
        float[] field = renderer.line(seventeen, unbounded).field();
        long cost = unbounded.spent();
        assertTrue(cost > 0);
        InkWork exact = new InkWork(cost);
        assertArrayEquals(field, renderer.line(seventeen, exact).field());
        assertEquals(cost, exact.spent());
        InkWork under = new InkWork(cost - 1);
        assertThrows(RecognitionException.InkTooLarge.class, () -> renderer.line(seventeen, under));
        assertEquals(0, under.spent(), "nothing spent: refused before drawing");
        assertThrows(RecognitionException.BlankImage.class,
                () -> renderer.line(new Ink(List.of(), 280, 280, 18), InkWork.unbounded()));
    }

    @Test
    void checkingADigitRefusesWhatDrawingItWouldSpendingNothing() throws RecognitionException {
        Ink seven = ink(18, Stroke.of(new double[] {84, 198, 150, 122}, new double[] {62, 62, 150, 236}));
        InkWork unbounded = InkWork.unbounded();
        renderer.digit(seven, unbounded);
        long cost = unbounded.spent();
        InkWork exact = new InkWork(cost);
        renderer.checkDigit(seven, exact);
        assertEquals(0, exact.spent(), "a check spends nothing");
        InkWork under = new InkWork(cost - 1);
        assertThrows(RecognitionException.InkTooLarge.class, () -> renderer.checkDigit(seven, under));
        assertThrows(RecognitionException.InkTooLarge.class, () -> renderer.digit(seven, under));
        renderer.checkDigit(new Ink(List.of(), 280, 280, 18), new InkWork(1));
    }

    @Test
    void aSegmentCostsThePixelsWithinPenReachNotTheSurface() throws RecognitionException {
        // A 10-pixel bar under a 10-pixel pen on a 1,120-pixel surface: its capsule, about (10 + 10 + 1) x 11
        // pixels and the flattened line's points, however large the surface around it.
        Ink bar = new Ink(List.of(line(500, 500, 510, 500)), 1120, 1120, 10);
        InkWork work = InkWork.unbounded();
        renderer.surface(bar, 1120, work);
        assertTrue(work.spent() > 0 && work.spent() <= 22 * 12 + 4 * InkRenderer.POINT_WORK, "spent " + work.spent());
    }

    @Test
    void aPenTooFineForOneGreyLevelLeavesNoInk() throws RecognitionException {
        // 1/1000 of a unit over a 1,000-unit stroke: a twenty-millionth of a pixel at 28 x 28.
        Ink fine = new Ink(List.of(line(0, 0, 1000, 1000)), 100_000, 100_000, 0.001);
        assertThrows(RecognitionException.BlankImage.class, () -> renderer.digit(fine));
        for (float v : raster(fine, 560, 560).ink()) {
            assertEquals(0f, v);
        }
        // The finest pen that still leaves a grey level draws something.
        Ink thin = new Ink(List.of(line(0, 0, 1000, 1000)), 1000, 1000, 0.3);
        assertTrue(max(renderer.digit(thin).digit().pixels()) > 0);
    }

    @Test
    void theLeastSizesDrawFiniteInkAndAPenFarFinerNoneRatherThanNaN() throws RecognitionException {
        // Every size at Ink.MIN_SIZE (the least InkJson admits): scaled by millions, every value drawn is a number.
        double s = Ink.MIN_SIZE;
        Ink tiny = new Ink(List.of(line(0, 0, s, s), Stroke.of(new double[] {s / 2}, new double[] {0})), s, s, s);
        for (float v : renderer.digit(tiny).digit().pixels()) {
            assertTrue(Float.isFinite(v) && v >= 0 && v <= 1, "pixel " + v);
        }
        for (float v : raster(tiny, 560, 560).ink()) {
            assertTrue(Float.isFinite(v), "pixel " + v);
        }
        // What counts is the pen against the surface: a pen of 1e-39 on 280 units once gave the model NaN (the walk's
        // steps, 1 / r, leave a float's range). InkJson refuses it; the renderer, which also draws inks built in code,
        // leaves no ink with a pen too fine for a grey level.
        Ink needle = new Ink(List.of(line(20, 20, 260, 260), Stroke.of(new double[] {140}, new double[] {40})), 280,
                280, 1e-39);
        assertThrows(RecognitionException.BlankImage.class, () -> renderer.digit(needle));
        for (float v : raster(needle, 560, 560).ink()) {
            assertEquals(0f, v);
        }
    }

    private static float max(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static Stroke line(double x0, double y0, double x1, double y1) {
        return Stroke.of(new double[] {x0, x1}, new double[] {y0, y1});
    }

    private static Ink ink(double pen, Stroke... strokes) {
        return new Ink(List.of(strokes), 280, 280, pen);
    }

    /** Drawn without a bound: these inks are the test's own. */
    private InkImage raster(Ink ink, int width, int height) {
        try {
            return renderer.raster(ink, width, height, InkWork.unbounded());
        } catch (io.mathsketch.engine.RecognitionException.InkTooLarge e) {
            throw new AssertionError(e);
        }
    }
}
