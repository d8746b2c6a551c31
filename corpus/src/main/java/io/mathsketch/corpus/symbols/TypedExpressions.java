package io.mathsketch.corpus.symbols;

import io.mathsketch.corpus.render.CanvasExport;
import io.mathsketch.corpus.render.PageSurface;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * Expressions typed in a font rather than drawn by the expression writer: another hand's (or print's) digits,
 * operators and slashes, as a PNG a client would post. The line is sheared as slanted writing is and turned about its
 * centre, dark grey on white, on a canvas {@link PageSurface#HEIGHT} high and at least as wide, with room around it,
 * encoded as the page exports its canvas.
 */
public final class TypedExpressions {

    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    private static final int MARGIN = 60;

    private TypedExpressions() {
    }

    /** Whether {@code font} has a glyph for every character of {@code text} (Java2D draws a box for a missing one). */
    public static boolean typeable(Font font, String text) {
        return font.canDisplayUpTo(text) == -1;
    }

    /**
     * @param shear       horizontal shear, positive leaning the line's tops right
     * @param turnDegrees the line's turn, clockwise
     */
    public static byte[] png(Font font, String text, double shear, double turnDegrees) {
        Shape glyphs = font.createGlyphVector(CONTEXT, text).getOutline();
        Rectangle2D bounds = glyphs.getBounds2D();
        AffineTransform placing = new AffineTransform();
        placing.rotate(Math.toRadians(turnDegrees));
        placing.shear(-shear, 0);
        placing.translate(-bounds.getCenterX(), -bounds.getCenterY());
        Shape placed = placing.createTransformedShape(glyphs);
        int height = PageSurface.HEIGHT;
        int width = (int) Math.max(height, placed.getBounds2D().getWidth() + 2 * MARGIN);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(20, 20, 20));
            g.translate(width / 2.0, height / 2.0);
            g.fill(placed);
        } finally {
            g.dispose();
        }
        return CanvasExport.png(image);
    }
}
