package io.mathsketch.corpus.fonts;

import io.mathsketch.corpus.photo.InkCoverage;
import io.mathsketch.corpus.photo.PaperCamera;
import io.mathsketch.corpus.render.CanvasExport;
import io.mathsketch.corpus.render.PageSurface;
import io.mathsketch.corpus.snapshot.Snapshots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Digits set in installed fonts ({@link DigitFont}) as the drawing page would send them: each glyph's outline,
 * turned, sheared, sized and placed on the page's 280x280 canvas, filled (and stroked around for weight) in black,
 * anti-aliased, on opaque white, exported as the page's PNG ({@link CanvasExport}); and that export photographed on
 * paper by {@code corpus.photo}'s camera ({@link PaperCamera}), as a written number's export is, and by
 * {@code corpus.snapshot}'s camera ({@link #snapshots}). Drawing {@code i}
 * of a font's digit depends only on the configuration's seed, the font's family name, the digit and {@code i} (and
 * on the installed font files). Thread-safe.
 */
public final class FontDigits {

    private static final int MARGIN = PageSurface.HEIGHT / 25;
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

    private final FontDigitConfig config;
    private final PaperCamera camera;

    public FontDigits(FontDigitConfig config) {
        this.config = config;
        this.camera = new PaperCamera(config.camera());
    }

    public FontDigitConfig config() {
        return config;
    }

    /** Drawing {@code i} of {@code digit} in {@code font}; fails naming the package when the font is missing. */
    public FontDigit digit(DigitFont font, int digit, int i) {
        if (digit < 0 || digit > 9 || i < 0 || i >= 1 << 20) {
            throw new IllegalArgumentException("digit " + digit + ", drawing " + i);
        }
        SplittableRandom random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L
                + font.family().hashCode() * 0xBF58476D1CE4E5B9L + digit * 0x94D049BB133111EBL + i);
        double rotation = config.rotation().draw(random), shear = config.shear().draw(random);
        double share = config.height().draw(random), weight = config.weight().draw(random);
        Font face = font.font(100);
        Shape glyph = face.createGlyphVector(CONTEXT, Integer.toString(digit)).getOutline();
        AffineTransform turn = AffineTransform.getRotateInstance(Math.toRadians(rotation));
        turn.concatenate(AffineTransform.getShearInstance(-shear, 0));
        Rectangle2D box = turn.createTransformedShape(glyph).getBounds2D();
        int side = PageSurface.HEIGHT, room = side - 2 * MARGIN;
        // The stroke around the glyph widens the ink by its width; the whole ink, stroke included, fits the canvas.
        double stroke = weight * share * side;
        double scale = Math.min(share * side / box.getHeight(),
                (room - stroke) / Math.max(box.getWidth(), box.getHeight()));
        double w = box.getWidth() * scale + stroke, h = box.getHeight() * scale + stroke;
        double x = MARGIN + random.nextDouble() * Math.max(0, room - w) + stroke / 2;
        double y = MARGIN + random.nextDouble() * Math.max(0, room - h) + stroke / 2;
        AffineTransform place = AffineTransform.getTranslateInstance(x, y);
        place.scale(scale, scale);
        place.translate(-box.getX(), -box.getY());
        place.concatenate(turn);
        Shape ink = place.createTransformedShape(glyph);
        BufferedImage canvas = new BufferedImage(PageSurface.DIGIT_WIDTH, side, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, canvas.getWidth(), side);
            g.setColor(Color.BLACK);
            g.fill(ink);
            if (stroke > 0) {
                g.setStroke(new BasicStroke((float) stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(ink);
            }
        } finally {
            g.dispose();
        }
        String variation = String.format("height %.0f px, turn %.1f°, shear %.2f, outline %.1f px", h, rotation,
                shear, stroke);
        return new FontDigit(font, digit, i, variation, CanvasExport.png(canvas));
    }

    /**
     * A phone photo of {@code digit}'s canvas export written on paper: a shot of the configuration's camera numbered
     * by the font's family name, the digit and the drawing's index, so every drawing has conditions of its own.
     */
    public PaperCamera.Shot photo(FontDigit digit) {
        long shot = ((long) digit.font().family().hashCode() << 24) + ((long) digit.label() << 20) + digit.index();
        return camera.shoot(shot, InkCoverage.canvas(digit.png()));
    }

    /**
     * Snapshots of {@code digits}' canvas exports by the second camera ({@link Snapshots}: notebook paper, a camera
     * model the photo path was not tuned on) at the configuration's snapshot seed; snapshot {@code i} is of
     * {@code digits.get(i)}.
     */
    public Snapshots snapshots(List<FontDigit> digits) {
        return new Snapshots(config.snapshotSeed(), digits.stream()
                .map(d -> new Snapshots.Source(d.label(), d.toString(), d.png())).toList());
    }
}
