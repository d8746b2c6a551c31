package io.mathsketch.corpus.fonts;

import io.mathsketch.corpus.photo.InkCoverage;
import io.mathsketch.corpus.photo.PaperCamera;
import io.mathsketch.corpus.render.PageSurface;
import io.mathsketch.corpus.snapshot.Snapshots;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Digits set in installed fonts ({@link DigitFont}) as the drawing page would send them: each glyph's outline,
 * turned, sheared, sized and placed on the page's 280x280 canvas ({@link GlyphCanvas}); and that export photographed
 * on paper by {@code corpus.photo}'s camera ({@link PaperCamera}), as a written number's export is, and by
 * {@code corpus.snapshot}'s camera ({@link #snapshots}). Drawing {@code i} of a font's digit depends only on the
 * configuration's seed, the font's family name, the digit and {@code i} (and on the installed font files).
 * Thread-safe.
 */
public final class FontDigits {

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
        AffineTransform turn = GlyphCanvas.turn(rotation, shear);
        double height = turn.createTransformedShape(glyph).getBounds2D().getHeight();
        double side = PageSurface.HEIGHT;
        GlyphCanvas.Drawn drawn = GlyphCanvas.draw(glyph, turn, share * side / height, weight * share * side,
                PageSurface.DIGIT_WIDTH, random);
        double h = drawn.height(), stroke = drawn.stroke();
        String variation = String.format("height %.0f px, turn %.1f°, shear %.2f, outline %.1f px", h, rotation,
                shear, stroke);
        return new FontDigit(font, digit, i, variation, drawn.png());
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
