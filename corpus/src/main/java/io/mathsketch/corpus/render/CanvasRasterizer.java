package io.mathsketch.corpus.render;

import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Draws ink the way the drawing page's canvas does when it exports a drawing ({@code sketchpad.js}, {@code paint}
 * and {@code toDataUrl}): an opaque white canvas of the ink's logical size; each stroke a chain of quadratic curves
 * through the midpoints of successive points, stroked black with the ink's pen width, round caps and round joins (a
 * lone point is a dot); anti-aliased, strokes composited one over the other.
 */
public final class CanvasRasterizer {

    /** The canvas as an opaque ARGB image. */
    public BufferedImage draw(Ink ink) {
        int width = Math.max(1, (int) Math.ceil(ink.width())), height = Math.max(1, (int) Math.ceil(ink.height()));
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            // Sub-pixel geometry as given, as a browser's canvas draws it (no snapping to pixel centres).
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            paint(g, ink);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Strokes the ink onto {@code g} as the page does (pen width, round caps and joins, curves through midpoints) in
     * the graphics' current colour and transform: for drawing ink at another scale or onto another surface.
     */
    public void paint(Graphics2D g, Ink ink) {
        double pen = ink.penWidth();
        g.setStroke(new BasicStroke((float) pen, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (Stroke s : ink.strokes()) {
            paint(g, s, pen);
        }
    }

    /** The PNG the page would post for this ink. */
    public byte[] png(Ink ink) {
        return CanvasExport.png(draw(ink));
    }

    private static void paint(Graphics2D g, Stroke s, double pen) {
        double[] x = s.x(), y = s.y();
        int n = s.size();
        if (n == 0) {
            return;
        }
        if (n == 1) {
            g.fill(new Ellipse2D.Double(x[0] - pen / 2, y[0] - pen / 2, pen, pen));
            return;
        }
        Path2D.Double path = new Path2D.Double();
        path.moveTo(x[0], y[0]);
        for (int i = 1; i < n - 1; i++) {
            path.quadTo(x[i], y[i], (x[i] + x[i + 1]) / 2, (y[i] + y[i + 1]) / 2);
        }
        path.lineTo(x[n - 1], y[n - 1]);
        g.draw(path);
    }
}
