package io.mathsketch.engine.testing;

import io.mathsketch.engine.image.InkImage;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.List;

/**
 * Handwriting-like digits drawn as anti-aliased polylines, for tests that need digits of a known shape at any size,
 * including deliberately broken ones (strokes that do not touch) that a segmenter must put back together.
 */
public final class SyntheticDigits {

    private SyntheticDigits() {
    }

    /** Polylines of each digit in a unit box (x 0..0.6, y 0..1), one inner list per pen stroke. */
    private static List<double[]> strokes(String shape) {
        return switch (shape) {
            case "0" -> List.of(ellipse(0.3, 0.5, 0.28, 0.48));
            case "1" -> List.of(new double[] {0.15, 0.15, 0.35, 0.0, 0.35, 1.0});
            case "2" -> List.of(new double[] {0.03, 0.22, 0.15, 0.04, 0.35, 0.0, 0.55, 0.12, 0.55, 0.35, 0.03, 1.0,
                0.6, 1.0});
            case "3" -> List.of(new double[] {0.03, 0.05, 0.52, 0.05, 0.25, 0.42, 0.5, 0.55, 0.57, 0.78, 0.4, 0.97,
                0.15, 1.0, 0.02, 0.9});
            case "4" -> List.of(new double[] {0.35, 0.0, 0.0, 0.65, 0.6, 0.65}, new double[] {0.45, 0.2, 0.45, 1.0});
            case "5" -> List.of(new double[] {0.55, 0.02, 0.08, 0.02, 0.05, 0.45, 0.4, 0.42, 0.58, 0.62, 0.5, 0.9,
                0.25, 1.0, 0.02, 0.92});
            case "7" -> List.of(new double[] {0.0, 0.03, 0.6, 0.03, 0.22, 1.0});
            case "8" -> List.of(ellipse(0.3, 0.25, 0.22, 0.23), ellipse(0.3, 0.73, 0.28, 0.26));
            // A 5 whose top bar was drawn as a separate stroke that does not touch the body.
            case "5-detached-bar" -> List.of(new double[] {0.2, 0.02, 0.6, 0.02},
                    new double[] {0.05, 0.12, 0.05, 0.45, 0.4, 0.42, 0.58, 0.62, 0.5, 0.9, 0.25, 1.0, 0.02, 0.92});
            // An open 4: the bar stops short of the vertical stroke, which is drawn on its own.
            case "4-two-strokes" -> List.of(new double[] {0.3, 0.0, 0.0, 0.6, 0.36, 0.6},
                    new double[] {0.5, 0.02, 0.5, 1.0});
            default -> throw new IllegalArgumentException("no synthetic digit " + shape);
        };
    }

    /** The digit drawn with a pen of {@code penWidth} (share of the height) into a box of the given height. */
    public static InkImage draw(String shape, int height, double penWidth) {
        int margin = (int) Math.ceil(penWidth * height);
        int width = (int) Math.ceil(0.6 * height) + 2 * margin;
        int fullHeight = height + 2 * margin;
        BufferedImage image = new BufferedImage(width, fullHeight, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke((float) (penWidth * height), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (double[] line : strokes(shape)) {
            Path2D.Double path = new Path2D.Double();
            path.moveTo(margin + line[0] * height, margin + line[1] * height);
            for (int i = 2; i < line.length; i += 2) {
                path.lineTo(margin + line[i] * height, margin + line[i + 1] * height);
            }
            g.draw(path);
        }
        g.dispose();
        Raster raster = image.getRaster();
        float[] ink = new float[width * fullHeight];
        for (int y = 0; y < fullHeight; y++) {
            for (int x = 0; x < width; x++) {
                ink[y * width + x] = raster.getSample(x, y, 0) / 255f;
            }
        }
        return new InkImage(width, fullHeight, ink);
    }

    private static double[] ellipse(double cx, double cy, double rx, double ry) {
        int steps = 48;
        double[] points = new double[2 * (steps + 1)];
        for (int i = 0; i <= steps; i++) {
            double angle = 2 * Math.PI * i / steps;
            points[2 * i] = cx + rx * Math.cos(angle);
            points[2 * i + 1] = cy + ry * Math.sin(angle);
        }
        return points;
    }
}
