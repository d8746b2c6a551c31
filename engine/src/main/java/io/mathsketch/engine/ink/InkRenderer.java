package io.mathsketch.engine.ink;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DecodedImage;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.image.Stroke;
import io.mathsketch.engine.preprocess.MnistCentering;
import java.util.Arrays;
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
 * their width). The cost is proportional to the ink (its segments times the few pixels each touches), never to
 * the writing surface. Stateless and thread-safe.
 */
public final class InkRenderer {

    /** Largest deviation of a flattened quadratic curve from the true curve, in patch pixels. */
    private static final double FLATNESS = 0.05;
    /** Largest distance of a dropped vertex of the flattened curve from the simplified line, in patch pixels. */
    private static final double TOLERANCE = 0.05;

    /**
     * The whole ink as one centred digit.
     *
     * @throws RecognitionException.BlankImage when the ink has no point
     */
    public DigitRegion digit(Ink ink) throws RecognitionException.BlankImage {
        return digit(ink.strokes(), ink.penWidth());
    }

    /**
     * Some strokes of an ink (for example one digit of a number) as one centred digit; the box is in the ink's units,
     * rounded outwards to whole units.
     *
     * @throws RecognitionException.BlankImage when the strokes have no point
     */
    public DigitRegion digit(List<Stroke> strokes, double penWidth) throws RecognitionException.BlankImage {
        double[] bounds = bounds(strokes);
        if (bounds == null) {
            throw new RecognitionException.BlankImage();
        }
        double r = penWidth / 2;
        double x0 = bounds[0] - r, y0 = bounds[1] - r;
        double w = bounds[2] - bounds[0] + penWidth, h = bounds[3] - bounds[1] + penWidth;
        int[] fitted = MnistCentering.fittedSize(w, h);
        int tw = fitted[0], th = fitted[1];
        double sx = tw / w, sy = th / h;
        float[] patch = coverage(strokes, x0, y0, sx, sy, penWidth, tw, th);
        DigitImage digit = MnistCentering.placeByCentreOfMass(patch, tw, th);
        int bx = (int) Math.floor(x0), by = (int) Math.floor(y0);
        Box box = new Box(bx, by, (int) Math.ceil(x0 + w) - bx, (int) Math.ceil(y0 + h) - by);
        return new DigitRegion(box, digit);
    }

    /**
     * The ink drawn on its writing surface scaled to {@code width} x {@code height} pixels, as ink intensity: for
     * showing a stored drawing, never on the recognition path.
     */
    public InkImage raster(Ink ink, int width, int height) {
        double sx = width / ink.width(), sy = height / ink.height();
        return new InkImage(width, height, coverage(ink.strokes(), 0, 0, sx, sy, ink.penWidth(), width, height));
    }

    /**
     * The ink drawn on its writing surface, dark on white like the page's canvas, scaled so that its longer side is
     * at most {@code maxSide} pixels (never up): what the image paths read (expression mode's segmentation) when
     * they are given ink. Memory is bounded by {@code maxSide} whatever units the ink came in.
     */
    public DecodedImage surface(Ink ink, int maxSide) {
        double scale = Math.min(1, maxSide / Math.max(ink.width(), ink.height()));
        int width = Math.max(1, (int) Math.round(ink.width() * scale));
        int height = Math.max(1, (int) Math.round(ink.height() * scale));
        float[] coverage = raster(ink, width, height).ink();
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

    /** {minX, minY, maxX, maxY} of every point, or null when there is none. */
    static double[] bounds(List<Stroke> strokes) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Stroke s : strokes) {
            double[] xs = s.x(), ys = s.y();
            for (int i = 0; i < xs.length; i++) {
                minX = Math.min(minX, xs[i]);
                maxX = Math.max(maxX, xs[i]);
                minY = Math.min(minY, ys[i]);
                maxY = Math.max(maxY, ys[i]);
            }
        }
        return minX > maxX ? null : new double[] {minX, minY, maxX, maxY};
    }

    /**
     * Anti-aliased coverage of the strokes in a {@code width} x {@code height} pixel grid, where ink point (x, y)
     * falls at ((x - x0) * sx, (y - y0) * sy) and the pen has radius {@code pen / 2} in ink units.
     */
    private static float[] coverage(List<Stroke> strokes, double x0, double y0, double sx, double sy, double pen,
                                    int width, int height) {
        Coverage field = new Coverage(width, height, sx, sy, pen / 2);
        Polyline line = new Polyline();
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
            for (int i = 1; i < n - 1; i++) {
                double cx = (xs[i] - x0) * sx, cy = (ys[i] - y0) * sy;
                double bx = ((xs[i] + xs[i + 1]) / 2 - x0) * sx, by = ((ys[i] + ys[i + 1]) / 2 - y0) * sy;
                line.quadratic(ax, ay, cx, cy, bx, by);
                ax = bx;
                ay = by;
            }
            line.add((xs[n - 1] - x0) * sx, (ys[n - 1] - y0) * sy);
            line.draw(field);
        }
        return field.values;
    }

    /**
     * One stroke's centre line flattened into pixel coordinates, then simplified before it is drawn. At the model's
     * scale a page's stroke has several points per pixel, and every segment costs the pixels around it, so
     * consecutive short segments paid for the same pixels again and again; the simplified line keeps only the
     * vertices needed to stay within {@link #TOLERANCE} of the flattened curve (Douglas-Peucker, with an explicit
     * stack: a stroke may have thousands of points).
     */
    private static final class Polyline {
        private double[] xs = new double[256], ys = new double[256];
        private boolean[] keep = new boolean[256];
        private int[] stack = new int[64];
        private int size;

        void start(double x, double y) {
            size = 0;
            add(x, y);
        }

        void add(double x, double y) {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
                keep = new boolean[size * 2];
            }
            xs[size] = x;
            ys[size] = y;
            size++;
        }

        /** The curve from (ax, ay), already added, through control (cx, cy) to (bx, by), as straight pieces. */
        void quadratic(double ax, double ay, double cx, double cy, double bx, double by) {
            // The curve is at most half the control point's distance from the chord's midpoint.
            double ex = cx - (ax + bx) / 2, ey = cy - (ay + by) / 2;
            // Squared, and no Math.hypot: its care for overflow costs more than the rest of a piece of curve.
            double deviation2 = (ex * ex + ey * ey) / 4;
            int pieces = deviation2 <= FLATNESS * FLATNESS ? 1
                    : (int) Math.ceil(Math.sqrt(Math.sqrt(deviation2) / FLATNESS));
            for (int k = 1; k <= pieces; k++) {
                double t = (double) k / pieces, u = 1 - t;
                add(u * u * ax + 2 * u * t * cx + t * t * bx, u * u * ay + 2 * u * t * cy + t * t * by);
            }
        }

        void draw(Coverage field) {
            simplify();
            int from = 0;
            for (int i = 1; i < size; i++) {
                if (keep[i]) {
                    field.segment(xs[from], ys[from], xs[i], ys[i]);
                    from = i;
                }
            }
        }

        /** Marks the vertices to keep: the ends, and recursively the farthest vertex while it is beyond tolerance. */
        private void simplify() {
            Arrays.fill(keep, 0, size, false);
            keep[0] = true;
            keep[size - 1] = true;
            int top = 0;
            stack = push(stack, top++, 0);
            stack = push(stack, top++, size - 1);
            while (top > 0) {
                int last = stack[--top], first = stack[--top];
                double ax = xs[first], ay = ys[first];
                double dx = xs[last] - ax, dy = ys[last] - ay;
                double length2 = dx * dx + dy * dy;
                double inverse = length2 > 0 ? 1 / length2 : 0;
                double farthest = TOLERANCE * TOLERANCE;
                int at = -1;
                for (int i = first + 1; i < last; i++) {
                    // Distance to the segment, not the line: a stroke may turn back on itself.
                    double px = xs[i] - ax, py = ys[i] - ay;
                    double t = Math.max(0, Math.min(1, (px * dx + py * dy) * inverse));
                    double ex = px - t * dx, ey = py - t * dy;
                    double d2 = ex * ex + ey * ey;
                    if (d2 > farthest) {
                        farthest = d2;
                        at = i;
                    }
                }
                if (at >= 0) {
                    keep[at] = true;
                    stack = push(stack, top++, first);
                    stack = push(stack, top++, at);
                    stack = push(stack, top++, at);
                    stack = push(stack, top++, last);
                }
            }
        }

        private static int[] push(int[] stack, int at, int value) {
            int[] grown = at == stack.length ? Arrays.copyOf(stack, at * 2) : stack;
            grown[at] = value;
            return grown;
        }
    }

    /**
     * Ink per pixel, the most any stroke segment seen so far gives it: the overlap of the pixel's one-pixel
     * footprint, centred at distance d from the segment, with the pen's extent [-radius, radius] across the segment.
     * The fitted patch may be scaled a little differently along x and y (whole pixels on both sides, as the image
     * path resamples), so the pen's radius in pixels depends on the segment's direction.
     */
    private static final class Coverage {
        private final int width, height;
        private final double sx, sy, radius, roundRadius;
        final float[] values;

        Coverage(int width, int height, double sx, double sy, double radius) {
            this.width = width;
            this.height = height;
            this.sx = sx;
            this.sy = sy;
            this.radius = radius;
            this.roundRadius = radius * Math.sqrt(sx * sy);
            this.values = new float[width * height];
        }

        void segment(double ax, double ay, double bx, double by) {
            double dx = bx - ax, dy = by - ay;
            double length2 = dx * dx + dy * dy;
            double r = penRadius(dx, dy);
            // Beyond half a pen plus half a pixel a pixel gets no ink.
            double reach = r + 0.5, reach2 = reach * reach;
            // Within half a pixel of the pen's edge inside, a pixel is all ink: no square root needed.
            double full = r - 0.5, full2 = full > 0 ? full * full : -1;
            int fromX = Math.max(0, (int) Math.floor(Math.min(ax, bx) - reach));
            int toX = Math.min(width - 1, (int) Math.ceil(Math.max(ax, bx) + reach));
            int fromY = Math.max(0, (int) Math.floor(Math.min(ay, by) - reach));
            int toY = Math.min(height - 1, (int) Math.ceil(Math.max(ay, by) + reach));
            double inverse = length2 > 0 ? 1 / length2 : 0;
            for (int y = fromY; y <= toY; y++) {
                double py = y + 0.5 - ay;
                int row = y * width;
                for (int x = fromX; x <= toX; x++) {
                    double px = x + 0.5 - ax;
                    double t = Math.max(0, Math.min(1, (px * dx + py * dy) * inverse));
                    double ex = px - t * dx, ey = py - t * dy;
                    double d2 = ex * ex + ey * ey;
                    if (d2 <= full2) {
                        values[row + x] = 1;
                    } else if (d2 < reach2) {
                        double d = Math.sqrt(d2);
                        float cover = (float) Math.min(1, Math.min(d + 0.5, r) - Math.max(d - 0.5, -r));
                        if (cover > values[row + x]) {
                            values[row + x] = cover;
                        }
                    }
                }
            }
        }

        /**
         * Half the pen across a segment going (dx, dy) in pixels: the ink-unit radius scaled along the segment's
         * normal, which is the same in every direction when the patch is scaled alike on both axes.
         */
        private double penRadius(double dx, double dy) {
            // Direction in ink units, then its normal (-uy, ux) scaled back into pixels.
            double ux = dx / sx, uy = dy / sy;
            double length = Math.sqrt(ux * ux + uy * uy);
            if (length == 0) {
                return roundRadius;
            }
            double nx = -uy / length / sx, ny = ux / length / sy;
            return radius / Math.sqrt(nx * nx + ny * ny);
        }
    }
}
