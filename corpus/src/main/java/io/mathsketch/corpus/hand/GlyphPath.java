package io.mathsketch.corpus.hand;

import java.util.Arrays;

/**
 * One pen stroke of a glyph's skeleton in em units (height 1 from the top of a digit, y = 0, to its baseline,
 * y = 1; y grows downwards as on a screen), built from lines, cubic curves and elliptic arcs and held as a dense
 * polyline. Angles are in degrees, screen-oriented: 0 = right, 90 = down, so positive sweeps turn clockwise.
 */
public final class GlyphPath {

    /** Em units between polyline points: fine enough that later smoothing never shows corners. */
    private static final double STEP = 0.01;

    private double[] x = new double[64];
    private double[] y = new double[64];
    private int size;

    private GlyphPath(double x0, double y0) {
        add(x0, y0);
    }

    /** A path starting at the given point. */
    public static GlyphPath from(double x, double y) {
        return new GlyphPath(x, y);
    }

    /** A path starting on an ellipse at {@code angle}, ready to continue with {@link #arc}. */
    public static GlyphPath onEllipse(double cx, double cy, double rx, double ry, double angle) {
        double a = Math.toRadians(angle);
        return new GlyphPath(cx + rx * Math.cos(a), cy + ry * Math.sin(a));
    }

    public GlyphPath lineTo(double x1, double y1) {
        double x0 = lastX(), y0 = lastY();
        int n = steps(Math.hypot(x1 - x0, y1 - y0));
        for (int i = 1; i <= n; i++) {
            double t = (double) i / n;
            add(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
        }
        return this;
    }

    /** A cubic Bézier curve from the current point through two control points to {@code (x3, y3)}. */
    public GlyphPath curveTo(double x1, double y1, double x2, double y2, double x3, double y3) {
        double x0 = lastX(), y0 = lastY();
        double length = Math.hypot(x1 - x0, y1 - y0) + Math.hypot(x2 - x1, y2 - y1) + Math.hypot(x3 - x2, y3 - y2);
        int n = steps(length);
        for (int i = 1; i <= n; i++) {
            double t = (double) i / n, u = 1 - t;
            double a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t;
            add(a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3);
        }
        return this;
    }

    /**
     * An arc of the ellipse centred at {@code (cx, cy)} from {@code start} through {@code sweep} degrees. The path
     * jumps to the arc's start point first when it is elsewhere, so callers start arcs where the path already is.
     */
    public GlyphPath arc(double cx, double cy, double rx, double ry, double start, double sweep) {
        double perimeter = Math.abs(Math.toRadians(sweep)) * (rx + ry) / 2;
        int n = steps(perimeter);
        for (int i = 0; i <= n; i++) {
            double a = Math.toRadians(start + sweep * i / n);
            double px = cx + rx * Math.cos(a), py = cy + ry * Math.sin(a);
            if (i > 0 || Math.hypot(px - lastX(), py - lastY()) > STEP / 2) {
                add(px, py);
            }
        }
        return this;
    }

    public double lastX() {
        return x[size - 1];
    }

    public double lastY() {
        return y[size - 1];
    }

    public int size() {
        return size;
    }

    /** The x coordinates of the polyline (a copy). */
    public double[] xs() {
        return Arrays.copyOf(x, size);
    }

    /** The y coordinates of the polyline (a copy). */
    public double[] ys() {
        return Arrays.copyOf(y, size);
    }

    private static int steps(double length) {
        return Math.max(1, (int) Math.ceil(length / STEP));
    }

    private void add(double px, double py) {
        if (size == x.length) {
            x = Arrays.copyOf(x, size * 2);
            y = Arrays.copyOf(y, size * 2);
        }
        x[size] = px;
        y[size] = py;
        size++;
    }
}
