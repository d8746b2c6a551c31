package io.mathsketch.corpus.symbols;

import io.mathsketch.corpus.hand.GlyphPath;
import io.mathsketch.corpus.hand.Proportions;
import java.util.ArrayList;
import java.util.List;

/**
 * Stroke models of the symbols other than digits, in the digits' em units (a digit is 1 high from y = 0 to its
 * baseline y = 1, about 0.6 wide, centred on x = 0.3): operators sit around the middle of the digit's height and are
 * smaller than it, parentheses reach a little above and below it, points sit on the baseline.
 */
final class SymbolGlyphs {

    private static final double CX = 0.3;

    private SymbolGlyphs() {
    }

    static List<GlyphPath> plus(Proportions p) {
        double cy = middle(p), half = p.between(0.16, 0.28);
        GlyphPath bar = horizontal(p, cy + half * p.between(-0.3, 0.3), half);
        double x = CX + half * p.between(-0.3, 0.3), lean = half * p.between(-0.15, 0.15);
        GlyphPath stem = GlyphPath.from(x + lean, cy - half * p.between(0.8, 1.2))
                .lineTo(x - lean, cy + half * p.between(0.8, 1.2));
        return p.chance(0.6) ? List.of(bar, stem) : List.of(stem, bar);
    }

    static List<GlyphPath> minus(Proportions p) {
        return List.of(horizontal(p, middle(p), p.between(0.14, 0.3)));
    }

    /** The cross of two diagonals. */
    static List<GlyphPath> times(Proportions p) {
        double cy = middle(p), h = p.between(0.12, 0.22), w = h * p.between(0.8, 1.25);
        GlyphPath down = GlyphPath.from(CX - w, cy - h).lineTo(CX + w * p.between(0.85, 1.15), cy + h);
        GlyphPath up = GlyphPath.from(CX + w, cy - h * p.between(0.85, 1.15)).lineTo(CX - w, cy + h);
        return List.of(down, up);
    }

    /** Multiplication written as the letter x: two bows back to back, as in cursive. */
    static List<GlyphPath> timesLetterX(Proportions p) {
        double cy = middle(p) + p.between(0, 0.08), h = p.between(0.12, 0.2), w = h * p.between(0.8, 1.1);
        GlyphPath left = GlyphPath.from(CX - w, cy - h)
                .curveTo(CX + w * 0.1, cy - h * 0.6, CX + w * 0.1, cy + h * 0.6, CX - w * 0.9, cy + h);
        GlyphPath right = GlyphPath.from(CX + w, cy - h)
                .curveTo(CX - w * 0.1, cy - h * 0.6, CX - w * 0.1, cy + h * 0.6, CX + w * 0.9, cy + h);
        return List.of(left, right);
    }

    /** Multiplication as a raised dot (the middle dot). */
    static List<GlyphPath> timesDot(Proportions p) {
        return List.of(dot(p, CX, middle(p)));
    }

    /** The obelus: a bar with a dot above and below. */
    static List<GlyphPath> divide(Proportions p) {
        double cy = middle(p), half = p.between(0.14, 0.27);
        double gap = p.between(0.11, 0.22);
        List<GlyphPath> strokes = new ArrayList<>(3);
        strokes.add(horizontal(p, cy, half));
        strokes.add(dot(p, CX + half * p.between(-0.2, 0.2), cy - gap));
        strokes.add(dot(p, CX + half * p.between(-0.2, 0.2), cy + gap));
        if (p.chance(0.5)) {
            strokes.add(strokes.remove(0)); // the dots first, then the bar
        }
        return strokes;
    }

    /** Division written as a slash, as tall as a digit. */
    static List<GlyphPath> divideSlash(Proportions p) {
        double top = p.between(0.0, 0.12), bottom = p.between(0.92, 1.05), w = p.between(0.14, 0.26);
        return List.of(GlyphPath.from(CX + w, top).lineTo(CX - w, bottom));
    }

    static List<GlyphPath> equals(Proportions p) {
        double cy = middle(p), gap = p.between(0.1, 0.22), half = p.between(0.15, 0.28);
        GlyphPath upper = horizontal(p, cy - gap / 2, half);
        GlyphPath lower = horizontal(p, cy + gap / 2, half * p.between(0.85, 1.2));
        return List.of(upper, lower);
    }

    static List<GlyphPath> leftParenthesis(Proportions p) {
        double rx = p.between(0.2, 0.36), ry = p.between(0.58, 0.7), reach = p.between(58, 80);
        double cx = CX + rx * 0.6;
        return List.of(GlyphPath.onEllipse(cx, 0.5, rx, ry, 180 + reach).arc(cx, 0.5, rx, ry, 180 + reach,
                -2 * reach));
    }

    static List<GlyphPath> rightParenthesis(Proportions p) {
        double rx = p.between(0.2, 0.36), ry = p.between(0.58, 0.7), reach = p.between(58, 80);
        double cx = CX - rx * 0.6;
        return List.of(GlyphPath.onEllipse(cx, 0.5, rx, ry, -reach).arc(cx, 0.5, rx, ry, -reach, 2 * reach));
    }

    /** The decimal point, on the baseline. */
    static List<GlyphPath> point(Proportions p) {
        return List.of(dot(p, CX + p.between(-0.08, 0.08), p.between(0.9, 1.0)));
    }

    /** Where operators sit: about the middle of a digit's height, a little lower for many writers. */
    private static double middle(Proportions p) {
        return p.between(0.45, 0.65);
    }

    /** A slightly tilted horizontal bar {@code 2 * half} long centred on {@code y}. */
    private static GlyphPath horizontal(Proportions p, double y, double half) {
        double tilt = half * p.between(-0.12, 0.12), shift = half * p.between(-0.2, 0.2);
        return GlyphPath.from(CX - half + shift, y + tilt).lineTo(CX + half + shift, y - tilt);
    }

    /** A dot as a pen leaves it: a tiny loop or a short dab. */
    private static GlyphPath dot(Proportions p, double x, double y) {
        double r = p.between(0.008, 0.03);
        return p.chance(0.5)
                ? GlyphPath.onEllipse(x, y, r, r, 0).arc(x, y, r, r, 0, 360)
                : GlyphPath.from(x - r, y - r * 0.5).lineTo(x + r, y + r * 0.5);
    }
}
