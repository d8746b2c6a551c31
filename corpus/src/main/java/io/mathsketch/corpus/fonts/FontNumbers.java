package io.mathsketch.corpus.fonts;

import io.mathsketch.corpus.photo.InkCoverage;
import io.mathsketch.corpus.photo.PaperCamera;
import io.mathsketch.corpus.render.PageSurface;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Numbers set in installed fonts ({@link DigitFont}) as the drawing page's number mode would send them: the line of
 * digits laid out by the font (its advances and kerning) with tracking from tight to loose ({@link Spacing}), turned,
 * sheared, sized and placed on the number page's 560x280 canvas ({@link GlyphCanvas}); and that export photographed
 * on paper by {@code corpus.photo}'s camera ({@link PaperCamera}), as the font digits are. Number {@code i} of a font
 * depends only on the configuration's seed, the font's family name and {@code i} (and on the installed font files).
 * Thread-safe.
 */
public final class FontNumbers {

    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);
    private static final Spacing[] SPACINGS = Spacing.values();

    private final FontNumberConfig config;
    private final PaperCamera camera;

    public FontNumbers(FontNumberConfig config) {
        this.config = config;
        this.camera = new PaperCamera(config.camera());
    }

    public FontNumberConfig config() {
        return config;
    }

    /** Every number of the set, font by font. */
    public List<FontNumber> all() {
        return config.fonts().stream()
                .flatMap(f -> IntStream.range(0, config.perFont()).mapToObj(i -> number(f, i)))
                .toList();
    }

    /** Number {@code i} in {@code font}; fails naming the package when the font is missing. */
    public FontNumber number(DigitFont font, int i) {
        if (i < 0 || i >= 1 << 20) {
            throw new IllegalArgumentException("number " + i);
        }
        SplittableRandom random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L
                + font.family().hashCode() * 0xBF58476D1CE4E5B9L + i);
        Spacing spacing = SPACINGS[i % SPACINGS.length];
        int n = config.minDigits() + random.nextInt(config.maxDigits() - config.minDigits() + 1);
        StringBuilder text = new StringBuilder(n);
        for (int k = 0; k < n; k++) {
            text.append(k == 0 ? 1 + random.nextInt(9) : random.nextInt(10));
        }
        double tracking = spacing.tracking().draw(random);
        double rotation = config.rotation().draw(random), shear = config.shear().draw(random);
        double share = config.height().draw(random), weight = config.weight().draw(random);
        Font face = font.font(100).deriveFont(Map.of(TextAttribute.TRACKING, (float) tracking,
                TextAttribute.KERNING, TextAttribute.KERNING_ON));
        Shape line = new TextLayout(text.toString(), face, CONTEXT).getOutline(null);
        double side = PageSurface.HEIGHT, digits = line.getBounds2D().getHeight();
        AffineTransform turn = GlyphCanvas.turn(rotation, shear);
        GlyphCanvas.Drawn drawn = GlyphCanvas.draw(line, turn, share * side / digits, weight * share * side,
                PageSurface.NUMBER_WIDTH, random);
        // The line may have been shrunk to fit: the digits' height as drawn.
        double height = (drawn.height() - drawn.stroke()) * digits
                / turn.createTransformedShape(line).getBounds2D().getHeight() + drawn.stroke();
        String variation = String.format("digits %.0f px, turn %.1f°, shear %.2f, tracking %.2f em, outline %.1f px",
                height, rotation, shear, tracking, drawn.stroke());
        return new FontNumber(font, text.toString(), i, spacing, variation, drawn.png());
    }

    /**
     * A phone photo of {@code number}'s canvas export written on paper: a shot of the configuration's camera numbered
     * by the font's family name and the number's index, so every number has conditions of its own.
     */
    public PaperCamera.Shot photo(FontNumber number) {
        long shot = ((long) number.font().family().hashCode() << 24) + number.index();
        return camera.shoot(shot, InkCoverage.canvas(number.png()));
    }
}
