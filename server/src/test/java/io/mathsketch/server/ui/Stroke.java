package io.mathsketch.server.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * One pen-down-to-pen-up movement, in the drawing page's logical units: the canvas is 280 units high (280 wide for a
 * digit, 560 for a number), whatever its size on screen.
 */
record Stroke(List<Point> points) {

    static final double SIDE = 280;

    Stroke {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a stroke has at least one point");
        }
    }

    static Stroke of(double... xy) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            points.add(new Point(xy[i], xy[i + 1]));
        }
        return new Stroke(points);
    }

    /** Part of a circle or ellipse, from angle {@code from} to {@code to} (degrees, clockwise on screen). */
    static List<Point> arc(double cx, double cy, double rx, double ry, double from, double to, int steps) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            double angle = Math.toRadians(from + (to - from) * i / steps);
            points.add(new Point(cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)));
        }
        return points;
    }

    Stroke shifted(double dx) {
        return new Stroke(points.stream().map(p -> new Point(p.x() + dx, p.y())).toList());
    }

    record Point(double x, double y) {
    }
}
