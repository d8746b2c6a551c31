package io.mathsketch.engine.image;

import java.util.List;

/**
 * One pen-down-to-pen-up movement of an {@link Ink}: parallel arrays of coordinates and, when the client sent them,
 * times (milliseconds) and pressures (0..1). Absent times or pressures are empty arrays, never null.
 */
public record Stroke(double[] x, double[] y, double[] time, double[] pressure) {

    private static final double[] NONE = new double[0];

    public Stroke {
        if (x.length != y.length) {
            throw new IllegalArgumentException("a stroke has as many x as y coordinates, not " + x.length + " and "
                    + y.length);
        }
        if (time.length != 0 && time.length != x.length || pressure.length != 0 && pressure.length != x.length) {
            throw new IllegalArgumentException("times and pressures, when given, come one per point");
        }
    }

    /** A stroke of coordinates only. */
    public static Stroke of(double[] x, double[] y) {
        return new Stroke(x, y, NONE, NONE);
    }

    public int size() {
        return x.length;
    }

    public boolean hasTime() {
        return time.length > 0;
    }

    /** {minX, minY, maxX, maxY} over every point of {@code strokes}, or null when they have none. */
    public static double[] bounds(List<Stroke> strokes) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Stroke s : strokes) {
            double[] xs = s.x, ys = s.y;
            for (int i = 0; i < xs.length; i++) {
                minX = Math.min(minX, xs[i]);
                maxX = Math.max(maxX, xs[i]);
                minY = Math.min(minY, ys[i]);
                maxY = Math.max(maxY, ys[i]);
            }
        }
        return minX > maxX ? null : new double[] {minX, minY, maxX, maxY};
    }
}
