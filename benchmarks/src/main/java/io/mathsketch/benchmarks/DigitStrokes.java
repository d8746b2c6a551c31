package io.mathsketch.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.FlatteningPathIterator;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.util.SplittableRandom;

/**
 * Hand-written-looking digits as pen strokes in a unit box, drawn with anti-aliasing and round caps the way a browser
 * canvas renders a finger or mouse stroke. Deterministic, so every benchmark run measures the same pixels.
 */
final class DigitStrokes {

    private DigitStrokes() {
    }

    /**
     * Draws {@code digit} into the box {@code (x, y, width, height)} with a pen {@code penWidth} pixels wide.
     *
     * @param g graphics to draw on; its anti-aliasing hints are switched on here
     * @param wobble how far, in pixels, the pen strays from the ideal curve, as a hand on a mouse or touch screen
     *               does; the points are sampled every few pixels like pointer events, from a fixed seed
     */
    static void draw(Graphics2D g, int digit, double x, double y, double width, double height, float penWidth,
                     Color ink, double wobble) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(ink);
        g.setStroke(new BasicStroke(penWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        AffineTransform toBox = new AffineTransform(width, 0, 0, height, x, y);
        Shape ideal = toBox.createTransformedShape(unitShape(digit));
        g.draw(wobble > 0 ? handDrawn(ideal, wobble, new SplittableRandom(1000L + digit)) : ideal);
    }

    /** The curve as a polyline of pointer samples about 4 px apart, each displaced by up to {@code wobble}. */
    private static Shape handDrawn(Shape ideal, double wobble, SplittableRandom random) {
        Path2D.Double path = new Path2D.Double();
        double[] c = new double[6];
        double lastX = 0, lastY = 0;
        for (PathIterator it = new FlatteningPathIterator(ideal.getPathIterator(null), 0.5); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (type == PathIterator.SEG_MOVETO) {
                path.moveTo(c[0], c[1]);
                lastX = c[0];
                lastY = c[1];
            } else if (type == PathIterator.SEG_LINETO && Math.hypot(c[0] - lastX, c[1] - lastY) >= 4) {
                path.lineTo(c[0] + random.nextDouble(-wobble, wobble), c[1] + random.nextDouble(-wobble, wobble));
                lastX = c[0];
                lastY = c[1];
            }
        }
        return path;
    }

    /** The strokes of a digit in the unit square, y pointing down. */
    static Shape unitShape(int digit) {
        Path2D.Double p = new Path2D.Double();
        switch (digit) {
            case 0 -> p.append(new Ellipse2D.Double(0.2, 0.05, 0.6, 0.9), false);
            case 1 -> {
                p.moveTo(0.32, 0.22);
                p.lineTo(0.56, 0.05);
                p.lineTo(0.54, 0.95);
            }
            case 2 -> {
                p.moveTo(0.2, 0.3);
                p.curveTo(0.2, 0.0, 0.8, 0.0, 0.8, 0.3);
                p.curveTo(0.8, 0.55, 0.3, 0.7, 0.2, 0.95);
                p.lineTo(0.85, 0.93);
            }
            case 3 -> {
                p.moveTo(0.2, 0.15);
                p.curveTo(0.5, -0.05, 0.85, 0.1, 0.75, 0.3);
                p.curveTo(0.7, 0.45, 0.5, 0.48, 0.4, 0.48);
                p.curveTo(0.6, 0.48, 0.85, 0.55, 0.8, 0.75);
                p.curveTo(0.75, 1.0, 0.35, 1.0, 0.2, 0.85);
            }
            case 4 -> {
                p.moveTo(0.65, 0.95);
                p.lineTo(0.65, 0.05);
                p.lineTo(0.15, 0.65);
                p.lineTo(0.85, 0.65);
            }
            case 5 -> {
                p.moveTo(0.8, 0.05);
                p.lineTo(0.3, 0.05);
                p.lineTo(0.25, 0.45);
                p.curveTo(0.5, 0.35, 0.85, 0.45, 0.8, 0.7);
                p.curveTo(0.75, 0.98, 0.35, 1.0, 0.2, 0.85);
            }
            case 6 -> {
                p.moveTo(0.7, 0.05);
                p.curveTo(0.4, 0.15, 0.2, 0.45, 0.22, 0.7);
                p.curveTo(0.25, 1.0, 0.75, 1.0, 0.78, 0.7);
                p.curveTo(0.8, 0.45, 0.4, 0.4, 0.22, 0.65);
            }
            case 7 -> {
                p.moveTo(0.15, 0.08);
                p.lineTo(0.85, 0.08);
                p.lineTo(0.4, 0.95);
            }
            case 8 -> {
                p.append(new Ellipse2D.Double(0.28, 0.05, 0.44, 0.44), false);
                p.append(new Ellipse2D.Double(0.22, 0.49, 0.56, 0.46), false);
            }
            case 9 -> {
                p.append(new Ellipse2D.Double(0.25, 0.05, 0.5, 0.45), false);
                p.moveTo(0.75, 0.28);
                p.lineTo(0.62, 0.95);
            }
            default -> throw new IllegalArgumentException("not a digit: " + digit);
        }
        return p;
    }
}
