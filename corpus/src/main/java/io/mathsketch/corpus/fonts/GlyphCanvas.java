package io.mathsketch.corpus.fonts;

import io.mathsketch.corpus.render.CanvasExport;
import io.mathsketch.corpus.render.PageSurface;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Puts a font's outline (one digit's glyph, or a number's line of them) on one of the page's canvases as the page
 * would export it: turned and sheared, scaled, placed at random inside the canvas's margin, filled (and stroked
 * around for weight) in black, anti-aliased, on opaque white, as the page's PNG ({@link CanvasExport}). What
 * {@link FontDigits} and {@link FontNumbers} share.
 */
final class GlyphCanvas {

    private static final int MARGIN = PageSurface.HEIGHT / 25;

    /**
     * One outline on the canvas.
     *
     * @param height the ink's height in canvas pixels, stroke included
     * @param stroke the width of the outline stroked around the glyphs, in canvas pixels
     * @param png    the canvas export
     */
    record Drawn(double height, double stroke, byte[] png) {
    }

    private GlyphCanvas() {
    }

    /** A turn of {@code rotation} degrees (clockwise) after a shear ({@code x += shear * -y}) leaning the top right. */
    static AffineTransform turn(double rotation, double shear) {
        AffineTransform turn = AffineTransform.getRotateInstance(Math.toRadians(rotation));
        turn.concatenate(AffineTransform.getShearInstance(-shear, 0));
        return turn;
    }

    /**
     * {@code outline}, turned by {@code turn}, on a canvas {@code width} by the page's height: scaled by {@code scale}
     * canvas pixels per outline unit unless the ink, with a stroke of {@code stroke} pixels around it, would not fit
     * inside the margin (then as large as fits), and placed at a random spot where it fits (two draws of
     * {@code random}).
     */
    static Drawn draw(Shape outline, AffineTransform turn, double scale, double stroke, int width,
                      SplittableRandom random) {
        Rectangle2D box = turn.createTransformedShape(outline).getBounds2D();
        int side = PageSurface.HEIGHT, roomX = width - 2 * MARGIN, roomY = side - 2 * MARGIN;
        // The stroke around the glyph widens the ink by its width; the whole ink, stroke included, fits the canvas.
        double fit = roomX == roomY ? (roomY - stroke) / Math.max(box.getWidth(), box.getHeight())
                : Math.min((roomX - stroke) / box.getWidth(), (roomY - stroke) / box.getHeight());
        scale = Math.min(scale, fit);
        double w = box.getWidth() * scale + stroke, h = box.getHeight() * scale + stroke;
        double x = MARGIN + random.nextDouble() * Math.max(0, roomX - w) + stroke / 2;
        double y = MARGIN + random.nextDouble() * Math.max(0, roomY - h) + stroke / 2;
        AffineTransform place = AffineTransform.getTranslateInstance(x, y);
        place.scale(scale, scale);
        place.translate(-box.getX(), -box.getY());
        place.concatenate(turn);
        Shape ink = place.createTransformedShape(outline);
        BufferedImage canvas = new BufferedImage(width, side, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, side);
            g.setColor(Color.BLACK);
            g.fill(ink);
            if (stroke > 0) {
                g.setStroke(new BasicStroke((float) stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(ink);
            }
        } finally {
            g.dispose();
        }
        return new Drawn(h, stroke, CanvasExport.png(canvas));
    }
}
