package io.mathsketch.engine.ink;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.InkTooLarge;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DecodedImage;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.image.Stroke;
import io.mathsketch.engine.preprocess.LineCentering;
import io.mathsketch.engine.preprocess.MnistCentering;
import java.util.List;

/**
 * Draws digital ink straight at the model's scale, the MNIST recipe without the large raster: the ink's bounding box
 * from its points (grown by half the pen), fitted into 20x20 keeping its aspect ratio ({@link
 * MnistCentering#fittedSize}), the strokes drawn into that small patch with the pen scaled alike and anti-aliased
 * coverage, then placed by centre of mass ({@link MnistCentering#placeByCentreOfMass}). The strokes are the curves the
 * drawing page paints (quadratic curves through the midpoints of successive points, round caps and joins), so a
 * drawing reads the same sent as ink or as the page's PNG.
 *
 * <p>Coverage is computed from each pixel's distance to the strokes: the share of a one-pixel footprint that lies
 * within half a pen of a stroke's centre line (exact for straight edges, and for pens thinner than a pixel it gives
 * their width). The cost is proportional to the ink (its segments times the pixels each touches), never to
 * the writing surface; every drawing spends it from the request's {@link InkWork}, counted before anything is drawn
 * (a row of pixels at a time), so ink over the budget is refused for the price of the counting. Ink that a bound from
 * its point counts and box alone shows to be within what is left is not counted first: its one drawing counts as it
 * goes and spends the same units. Stateless and thread-safe.
 */
public final class InkRenderer {

    /** Largest deviation of a flattened quadratic curve from the true curve, in patch pixels. */
    private static final double FLATNESS = 0.05;
    /** Largest distance of a dropped vertex of the flattened curve from the simplified line, in patch pixels. */
    private static final double TOLERANCE = 0.05;
    /**
     * Work units of one point of a flattened centre line: placing it and testing the run it joins costs about what
     * drawing this many pixels does, so that a budget of units is a budget of time whether the ink is long thin
     * strokes or a few wide ones.
     */
    static final int POINT_WORK = 8;

    /**
     * The whole ink as one centred digit.
     *
     * @throws RecognitionException.BlankImage when the ink has no point
     * @throws InkTooLarge when drawing it would spend more than is left of {@code work}
     */
    public DigitRegion digit(Ink ink, InkWork work) throws RecognitionException.BlankImage, InkTooLarge {
        return digit(ink.strokes(), ink.penWidth(), work);
    }

    /** {@link #digit(Ink, InkWork)} without a bound: for tools and tests drawing ink they made. */
    public DigitRegion digit(Ink ink) throws RecognitionException.BlankImage {
        return digit(ink.strokes(), ink.penWidth());
    }

    /** {@link #digit(List, double, InkWork)} without a bound: for tools and tests drawing ink they made. */
    public DigitRegion digit(List<Stroke> strokes, double penWidth) throws RecognitionException.BlankImage {
        try {
            return digit(strokes, penWidth, InkWork.unbounded());
        } catch (InkTooLarge e) {
            throw new IllegalStateException("unbounded work was exceeded", e);
        }
    }

    /**
     * Some strokes of an ink (for example one digit of a number) as one centred digit; the box is in the ink's units,
     * rounded outwards to whole units.
     *
     * @throws RecognitionException.BlankImage when the strokes have no point, or leave no ink at the model's size
     * @throws InkTooLarge when drawing them would spend more than is left of {@code work}
     */
    public DigitRegion digit(List<Stroke> strokes, double penWidth, InkWork work)
            throws RecognitionException.BlankImage, InkTooLarge {
        Patch p = patch(strokes, penWidth);
        if (p == null) {
            throw new RecognitionException.BlankImage();
        }
        float[] patch = coverage(strokes, p.x0(), p.y0(), p.sx(), p.sy(), penWidth, p.tw(), p.th(), work);
        if (!anyInk(patch)) {
            throw new RecognitionException.BlankImage(); // a pen too fine to leave a grey level at this size
        }
        DigitImage digit = MnistCentering.placeByCentreOfMass(patch, p.tw(), p.th());
        int bx = (int) Math.floor(p.x0()), by = (int) Math.floor(p.y0());
        Box box = new Box(bx, by, (int) Math.ceil(p.x0() + p.w()) - bx, (int) Math.ceil(p.y0() + p.h()) - by);
        return new DigitRegion(box, digit);
    }

    /**
     * The whole ink as number mode's line reader reads a line ({@link LineCentering}): its box grown by half the pen,
     * fitted {@link LineCentering#fittedSize} pixels keeping its aspect ratio, drawn straight at that size and placed
     * in the reader's field, which maps the field's columns back to the ink's x coordinates. A line is drawn at least
     * at the scale of the whole ink as a digit, so it spends from {@code work} like any drawing (counted first when
     * it may be over what is left).
     *
     * @throws RecognitionException.BlankImage when the ink has no point, or leaves no ink at the reader's size
     * @throws InkTooLarge when drawing it would spend more than is left of {@code work}
     */
    public LineCentering.FittedLine line(Ink ink, InkWork work) throws RecognitionException.BlankImage, InkTooLarge {
        double[] bounds = bounds(ink.strokes());
        if (bounds == null) {
            throw new RecognitionException.BlankImage();
        }
        double pen = ink.penWidth(), x0 = bounds[0] - pen / 2, y0 = bounds[1] - pen / 2;
        double w = bounds[2] - bounds[0] + pen, h = bounds[3] - bounds[1] + pen;
        int[] fitted = LineCentering.fittedSize(w, h);
        int tw = fitted[0], th = fitted[1];
        float[] patch = coverage(ink.strokes(), x0, y0, tw / w, th / h, pen, tw, th, work);
        if (!anyInk(patch)) {
            throw new RecognitionException.BlankImage();
        }
        return new LineCentering.FittedLine(LineCentering.place(patch, tw, th), x0, w, tw);
    }

    /**
     * Refuses ink whose drawing as one whole digit would cost more than is left of {@code work}, spending nothing and
     * drawing nothing (the counting stops at the budget). Any part of the ink drawn as a digit is drawn at a scale at
     * least as large, which costs at least as much, so ink that fails this would fail (up to the rounding to whole
     * pixels) however it is cut into digits: number mode asks before it groups the strokes.
     *
     * @return the work {@link #digit(Ink, InkWork)} spends (none of it is spent here)
     * @throws InkTooLarge when {@link #digit(Ink, InkWork)} would
     */
    public long checkDigit(Ink ink, InkWork work) throws InkTooLarge {
        Patch p = patch(ink.strokes(), ink.penWidth());
        if (p == null) {
            return 0;
        }
        Field count = new Field(p.tw(), p.th(), p.sx(), p.sy(), ink.penWidth() / 2, work);
        trace(ink.strokes(), p.x0(), p.y0(), p.sx(), p.sy(), count);
        if (work.over(count.counted)) {
            throw work.tooLarge();
        }
        return count.counted;
    }

    /**
     * Where strokes are drawn as a digit: their box grown by half the pen ({@code x0, y0, w, h}, ink units), fitted
     * into {@code tw x th} pixels at scale {@code sx, sy}; null when they have no point.
     */
    private static Patch patch(List<Stroke> strokes, double penWidth) {
        double[] bounds = bounds(strokes);
        if (bounds == null) {
            return null;
        }
        double r = penWidth / 2;
        double w = bounds[2] - bounds[0] + penWidth, h = bounds[3] - bounds[1] + penWidth;
        int[] fitted = MnistCentering.fittedSize(w, h);
        return new Patch(bounds[0] - r, bounds[1] - r, w, h, fitted[0], fitted[1], fitted[0] / w, fitted[1] / h);
    }

    private record Patch(double x0, double y0, double w, double h, int tw, int th, double sx, double sy) {
    }

    /**
     * The ink drawn on its writing surface scaled to {@code width} x {@code height} pixels, as ink intensity: for
     * showing a stored drawing, never on the recognition path.
     *
     * @throws InkTooLarge when drawing it would spend more than is left of {@code work}
     */
    public InkImage raster(Ink ink, int width, int height, InkWork work) throws InkTooLarge {
        double sx = width / ink.width(), sy = height / ink.height();
        return new InkImage(width, height,
                coverage(ink.strokes(), 0, 0, sx, sy, ink.penWidth(), width, height, work));
    }

    /**
     * The work {@link #raster} spends drawing the ink at {@code width} x {@code height}, counted a row of pixels at a
     * time without drawing (a small part of the drawing's cost) and spent from {@code work}: what a caller charges
     * before it draws.
     *
     * @throws InkTooLarge when the count passes what is left of {@code work} (counting stops there)
     */
    public long rasterWork(Ink ink, int width, int height, InkWork work) throws InkTooLarge {
        double sx = width / ink.width(), sy = height / ink.height();
        Field count = new Field(width, height, sx, sy, ink.penWidth() / 2, work);
        trace(ink.strokes(), 0, 0, sx, sy, count);
        work.spend(count.counted);
        return count.counted;
    }

    /**
     * The ink drawn on its writing surface, dark on white like the page's canvas, scaled so that its longer side is
     * at most {@code maxSide} pixels (never up): what the image paths read (expression mode's segmentation) when
     * they are given ink. Memory is bounded by {@code maxSide} whatever units the ink came in, work by {@code work}.
     *
     * @throws InkTooLarge when drawing it would spend more than is left of {@code work}
     */
    public DecodedImage surface(Ink ink, int maxSide, InkWork work) throws InkTooLarge {
        int[] size = surfaceSize(ink, maxSide);
        int width = size[0], height = size[1];
        float[] coverage = raster(ink, width, height, work).ink();
        DecodedImage image = new DecodedImage(width, height, false);
        byte[] lum = image.lum();
        for (int y = 0; y < height; y++) {
            int min = 255, max = 0;
            for (int x = 0, i = y * width; x < width; x++, i++) {
                int v = 255 - Math.round(Math.clamp(coverage[i], 0f, 1f) * 255);
                lum[i] = (byte) v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            image.rowDone(y, min, max, 255);
        }
        return image;
    }

    /**
     * The work {@link #surface} spends, counted without drawing ({@link #rasterWork}) and spent from {@code work}.
     *
     * @throws InkTooLarge when the count passes what is left of {@code work}
     */
    public long surfaceWork(Ink ink, int maxSide, InkWork work) throws InkTooLarge {
        int[] size = surfaceSize(ink, maxSide);
        return rasterWork(ink, size[0], size[1], work);
    }

    /** {width, height} of the ink's surface scaled so that its longer side is at most {@code maxSide} (never up). */
    private static int[] surfaceSize(Ink ink, int maxSide) {
        double scale = Math.min(1, maxSide / Math.max(ink.width(), ink.height()));
        return new int[] {Math.max(1, (int) Math.round(ink.width() * scale)),
                Math.max(1, (int) Math.round(ink.height() * scale))};
    }

    private static boolean anyInk(float[] coverage) {
        for (float v : coverage) {
            if (v > 0) {
                return true;
            }
        }
        return false;
    }

    /** {minX, minY, maxX, maxY} of every point, or null when there is none ({@link Stroke#bounds}). */
    static double[] bounds(List<Stroke> strokes) {
        return Stroke.bounds(strokes);
    }

    /**
     * Anti-aliased coverage of the strokes in a {@code width} x {@code height} pixel grid, where ink point (x, y)
     * falls at ((x - x0) * sx, (y - y0) * sy) and the pen has radius {@code pen / 2} in ink units. The work is
     * counted first, by the same walk without the drawing, and spent from {@code work} before anything is drawn;
     * unless {@link #workBound} shows it cannot be over what is left, when the drawing counts as it goes and spends
     * the same units after (a page's digit: one walk instead of two, the count cost about what the drawing does).
     */
    private static float[] coverage(List<Stroke> strokes, double x0, double y0, double sx, double sy, double pen,
                                    int width, int height, InkWork work) throws InkTooLarge {
        boolean countFirst = !work.fits(workBound(strokes, sx, sy, width, height));
        if (countFirst) {
            Field count = new Field(width, height, sx, sy, pen / 2, work);
            trace(strokes, x0, y0, sx, sy, count);
            work.spend(count.counted);
        }
        Field field = new Field(width, height, sx, sy, pen / 2, null);
        trace(strokes, x0, y0, sx, sy, field);
        if (!countFirst) {
            work.spend(field.counted); // the same units the count would have found, spent now
        }
        return field.values;
    }

    /**
     * At least the work {@link #trace} counts for the strokes in a {@code width} x {@code height} grid, from their
     * point counts and box alone: every segment visits at most every pixel, and a stroke of n points is at most
     * (n - 2) quadratic curves of at most {@link #maxPieces} flattened points each, plus its last point, so at most
     * that many points plus one segments. NaN when a coordinate is not finite (never fits a budget).
     */
    static double workBound(List<Stroke> strokes, double sx, double sy, int width, int height) {
        double[] b = bounds(strokes);
        if (b == null) {
            return 0;
        }
        // Every point the curves pass through or are controlled by lies in the points' box, scaled.
        double pieces = maxPieces(Math.hypot((b[2] - b[0]) * sx, (b[3] - b[1]) * sy));
        double cells = (double) width * height, bound = 0;
        for (Stroke s : strokes) {
            int n = s.size();
            if (n == 1) {
                bound += cells;
            } else if (n > 1) {
                double points = (n - 2) * pieces + 1;
                bound += points * POINT_WORK + (points + 1) * cells;
            }
        }
        return bound;
    }

    /**
     * The most straight pieces {@link Polyline#quadratic} flattens a curve into when its points lie within {@code
     * diagonal} pixels of each other (the control point is then at most that far from the chord's midpoint).
     */
    private static double maxPieces(double diagonal) {
        return Math.max(1, Math.ceil(Math.sqrt(diagonal / 2 / FLATNESS)) + 1);
    }

    /** The strokes' centre lines as the page paints them, in segments into {@code field}. */
    private static void trace(List<Stroke> strokes, double x0, double y0, double sx, double sy, Field field)
            throws InkTooLarge {
        Polyline line = new Polyline(field);
        for (Stroke s : strokes) {
            int n = s.size();
            if (n == 0) {
                continue;
            }
            double[] xs = s.x(), ys = s.y();
            double ax = (xs[0] - x0) * sx, ay = (ys[0] - y0) * sy;
            if (n == 1) {
                field.segment(ax, ay, ax, ay);
                continue;
            }
            line.start(ax, ay);
            // As the page paints: a quadratic curve to the midpoint of each next pair, with the point as control.
            double cx = (xs[1] - x0) * sx, cy = (ys[1] - y0) * sy;
            for (int i = 1; i < n - 1; i++) {
                double nx = (xs[i + 1] - x0) * sx, ny = (ys[i + 1] - y0) * sy;
                double bx = (cx + nx) / 2, by = (cy + ny) / 2;
                line.quadratic(ax, ay, cx, cy, bx, by);
                ax = bx;
                ay = by;
                cx = nx;
                cy = ny;
            }
            line.add(cx, cy);
            line.finish();
        }
    }

    /**
     * One stroke's centre line, flattened into pixel coordinates and simplified as it comes. At the model's scale a
     * page's stroke has several points per pixel, and every segment costs the pixels around it, so consecutive short
     * segments would pay for the same pixels again and again. A run of flattened points is drawn as one segment, from
     * its first point to its last, for as long as every point between lies within {@link #TOLERANCE} of that segment
     * (distance to the segment, not the line: a stroke may turn back on itself): the tolerance a Douglas-Peucker
     * simplification keeps, in one pass and without a buffer of the stroke. A run holds at most {@link #MAX_RUN} points, which bounds the work on a long straight stroke.
     */
    private static final class Polyline {
        private static final int MAX_RUN = 32;
        private final Field field;
        private final double[] xs = new double[MAX_RUN + 1], ys = new double[MAX_RUN + 1];
        private int size;

        Polyline(Field field) {
            this.field = field;
        }

        void start(double x, double y) {
            xs[0] = x;
            ys[0] = y;
            size = 1;
        }

        void add(double x, double y) throws InkTooLarge {
            field.counted += POINT_WORK;
            if (size > 1 && (size > MAX_RUN || !runReaches(x, y))) {
                // The run cannot take the new point: draw it, and start the next run at its end.
                field.segment(xs[0], ys[0], xs[size - 1], ys[size - 1]);
                xs[0] = xs[size - 1];
                ys[0] = ys[size - 1];
                size = 1;
            }
            xs[size] = x;
            ys[size] = y;
            size++;
        }

        void finish() throws InkTooLarge {
            field.segment(xs[0], ys[0], xs[size - 1], ys[size - 1]);
        }

        /** The curve from (ax, ay), already added, through control (cx, cy) to (bx, by), as straight pieces. */
        void quadratic(double ax, double ay, double cx, double cy, double bx, double by) throws InkTooLarge {
            // The curve is at most half the control point's distance from the chord's midpoint.
            double ex = cx - (ax + bx) / 2, ey = cy - (ay + by) / 2;
            // Squared, and no Math.hypot: its care for overflow costs more than the rest of a piece of curve.
            double deviation2 = (ex * ex + ey * ey) / 4;
            if (deviation2 <= FLATNESS * FLATNESS) {
                add(bx, by);
                return;
            }
            int pieces = (int) Math.ceil(Math.sqrt(Math.sqrt(deviation2) / FLATNESS));
            for (int k = 1; k <= pieces; k++) {
                double t = (double) k / pieces, u = 1 - t;
                add(u * u * ax + 2 * u * t * cx + t * t * bx, u * u * ay + 2 * u * t * cy + t * t * by);
            }
        }

        /** Whether every point after the run's first lies within tolerance of the segment from it to (x, y). */
        private boolean runReaches(double x, double y) {
            double ax = xs[0], ay = ys[0];
            double dx = x - ax, dy = y - ay;
            double length2 = dx * dx + dy * dy, limit = TOLERANCE * TOLERANCE * length2;
            for (int i = 1; i < size; i++) {
                double px = xs[i] - ax, py = ys[i] - ay;
                double along = px * dx + py * dy, across = px * dy - py * dx;
                // Beside the segment: the distance to its line, times its length, squared; else to the nearer end
                // (the start when the segment has no length: a stroke may come back to exactly where a run began).
                boolean far = along <= 0 ? px * px + py * py > TOLERANCE * TOLERANCE
                        : along > length2 ? sq(px - dx) + sq(py - dy) > TOLERANCE * TOLERANCE
                        : across * across > limit;
                if (far) {
                    return false;
                }
            }
            return true;
        }

        private static double sq(double v) {
            return v * v;
        }
    }

    /**
     * Ink per pixel, the most any stroke segment seen so far gives it: the overlap of the pixel's one-pixel
     * footprint, centred at distance d from the segment, with the pen's extent [-r, r] across it,
     * {@code min(1, 2r, r + 1/2 - d)}. Each segment visits, row by row, only the pixel centres its capsule (the pen
     * swept along it) can reach, and walks each row with its distance along and across the segment growing by a
     * constant step: a few multiplications, a square root and a max per pixel, no division and no branch.
     *
     * <p>The fitted patch may be scaled a little differently along x and y (whole pixels on both sides, as the image
     * path resamples), so the round pen is a slightly elliptic one in pixels, and its half-width r across a segment
     * depends on the segment's direction.
     */
    private static final class Field {
        /** The least ink a pixel can show: one of 255 grey levels. A pen narrower than this in pixels draws nothing. */
        private static final double FAINTEST = 1.0 / 255;
        private final int width, height;
        private final double sx, sy, radius;
        /** Half the pen in pixels across a dot: the pen's mean radius. */
        private final double roundRadius;
        /** The budget a counting field counts against, or null for a field that draws. */
        private final InkWork counting;
        /** The ink per pixel; null when counting. */
        final float[] values;
        /** Work so far: pixels visited (or, when counting, that would be) and points of the flattened centre lines. */
        long counted;

        Field(int width, int height, double sx, double sy, double radius, InkWork counting) {
            this.width = width;
            this.height = height;
            this.sx = sx;
            this.sy = sy;
            this.radius = radius;
            this.roundRadius = radius * Math.sqrt(sx * sy);
            this.counting = counting;
            this.values = counting == null ? new float[width * height] : null;
        }

        void segment(double ax, double ay, double bx, double by) throws InkTooLarge {
            if (counting != null && counting.over(counted)) {
                throw counting.tooLarge();
            }
            if (!(radius > 0)) {
                return; // a pen of no width leaves no ink
            }
            double dx = bx - ax, dy = by - ay;
            double length = Math.sqrt(dx * dx + dy * dy);
            // Distances along and across are measured in units of r * |d|, so that walking a row needs no |d|.
            double r, unit;
            if (length > 0) {
                // The elliptic pen's extent along the segment's normal.
                double extent = Math.sqrt(sy * sy * dx * dx + sx * sx * dy * dy);
                r = radius * extent / length;
                unit = 1 / (radius * extent);
            } else {
                dx = 1; // a dot: any direction, round
                dy = 0;
                r = roundRadius;
                unit = 1 / r;
            }
            if (2 * r < FAINTEST) {
                // No pixel would get a grey level of ink, and the walk's steps (1 / r) would leave a float's range.
                return;
            }
            // Beyond half a pen plus half a pixel a pixel gets no ink.
            double reach = r + 0.5, band = reach / (r * unit);
            float span = (float) (length * length * unit), alongStep = (float) (dx * unit);
            float acrossStep = (float) (dy * unit);
            float full = (float) Math.min(1, 2 * r), edge = (float) reach, slope = (float) r;
            int fromX = Math.max(0, (int) Math.ceil(Math.min(ax, bx) - reach - 0.5));
            int toX = Math.min(width - 1, (int) Math.floor(Math.max(ax, bx) + reach - 0.5));
            int fromY = Math.max(0, (int) Math.ceil(Math.min(ay, by) - reach - 0.5));
            int toY = Math.min(height - 1, (int) Math.floor(Math.max(ay, by) + reach - 0.5));
            boolean slanted = Math.abs(dy) >= 1e-6;
            double inverseDy = slanted ? 1 / dy : 0;
            for (int y = fromY; y <= toY; y++) {
                double py = y + 0.5 - ay;
                int from = fromX, to = toX;
                if (slanted) {
                    // Only centres beside the part of the segment within reach of this row, and within reach of the
                    // segment's line: the whole capsule is in both.
                    double t0 = Math.max(0, Math.min(1, (py - reach) * inverseDy));
                    double t1 = Math.max(0, Math.min(1, (py + reach) * inverseDy));
                    double x0 = t0 * dx, x1 = t1 * dx;
                    double b0 = (py * dx - band) * inverseDy, b1 = (py * dx + band) * inverseDy;
                    double lo = Math.max(Math.min(x0, x1) - reach, Math.min(b0, b1));
                    double hi = Math.min(Math.max(x0, x1) + reach, Math.max(b0, b1));
                    from = Math.max(from, (int) Math.ceil(ax + lo - 0.5));
                    to = Math.min(to, (int) Math.floor(ax + hi - 0.5));
                }
                counted += Math.max(0, to - from + 1);
                if (counting != null) {
                    continue;
                }
                double px = from + 0.5 - ax;
                float along = (float) ((px * dx + py * dy) * unit);
                float across = (float) ((px * dy - py * dx) * unit);
                int row = y * width;
                for (int x = from; x <= to; x++) {
                    // Distance in half-pens: across the segment, and past its nearer end when beyond one.
                    float beyond = Math.max(0, Math.max(-along, along - span));
                    float d = (float) Math.sqrt(across * across + beyond * beyond);
                    float cover = Math.min(full, edge - slope * d);
                    values[row + x] = Math.max(values[row + x], cover);
                    along += alongStep;
                    across += acrossStep;
                }
            }
            if (counting != null && counting.over(counted)) {
                throw counting.tooLarge();
            }
        }
    }
}
