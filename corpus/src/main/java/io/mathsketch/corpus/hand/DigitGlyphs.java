package io.mathsketch.corpus.hand;

import java.util.List;

/**
 * Stroke models of the digits in the ways people write them, in em units (a digit is 1 high, 0 to 0.6 wide; y grows
 * downwards). Each method is one {@link Glyph}: strokes in the most common order and direction, with the proportions
 * that vary between writers drawn from {@link Proportions}. {@link DigitStyle} names them.
 */
final class DigitGlyphs {

    private DigitGlyphs() {
    }

    // ---- 0 ----

    static List<GlyphPath> zeroOval(Proportions p) {
        return List.of(oval(p));
    }

    /** The zero with a slash, as programmers and Scandinavian writers tell it from the letter O. */
    static List<GlyphPath> zeroSlashed(Proportions p) {
        double rx = p.between(0.2, 0.28), cx = 0.3;
        GlyphPath oval = ovalAt(p, cx, rx);
        double over = p.between(0.75, 1.2), high = p.between(0.75, 1.05), low = p.between(0.75, 1.05);
        GlyphPath slash = GlyphPath.from(cx + rx * over, 0.5 - 0.5 * high).lineTo(cx - rx * over, 0.5 + 0.5 * low);
        return List.of(oval, slash);
    }

    // ---- 1 ----

    static List<GlyphPath> onePlain(Proportions p) {
        return List.of(GlyphPath.from(0.3, 0).lineTo(0.3 + p.between(-0.04, 0.04), 1));
    }

    /** A short flag at the top, as many writers everywhere add. */
    static List<GlyphPath> oneFlag(Proportions p) {
        return List.of(flaggedStem(p, p.between(0.08, 0.2), p.between(45, 75)));
    }

    /** The continental 1: a long up-stroke rising to the top, then the stem. Read as 7 by MNIST-trained models. */
    static List<GlyphPath> oneContinental(Proportions p) {
        return List.of(flaggedStem(p, p.between(0.3, 0.55), p.between(25, 48)));
    }

    /** The continental 1 with its foot, a short bar under the stem. */
    static List<GlyphPath> oneContinentalFoot(Proportions p) {
        GlyphPath stem = flaggedStem(p, p.between(0.28, 0.5), p.between(25, 50));
        double x = stem.lastX(), y = stem.lastY();
        double left = p.between(0.1, 0.2), right = p.between(0.1, 0.2), tilt = p.between(-0.02, 0.02);
        return List.of(stem, GlyphPath.from(x - left, y - tilt).lineTo(x + right, y + tilt));
    }

    // ---- 2 ----

    static List<GlyphPath> twoPlain(Proportions p) {
        GlyphPath top = twoTop(p);
        double baseY = p.between(0.96, 1.0);
        top.curveTo(top.lastX() - 0.1, top.lastY() + 0.15, 0.12, baseY - 0.2, p.between(0.02, 0.08), baseY);
        return List.of(top.lineTo(p.between(0.5, 0.62), baseY + p.between(-0.04, 0.02)));
    }

    /** The 2 with a loop where the diagonal meets the base, a cursive habit. */
    static List<GlyphPath> twoLooped(Proportions p) {
        GlyphPath top = twoTop(p);
        double r = p.between(0.06, 0.11), cx = 0.12 + r * 0.3, cy = 1 - r;
        double entry = p.between(320, 345);
        double ex = cx + r * Math.cos(Math.toRadians(entry)), ey = cy + r * 0.9 * Math.sin(Math.toRadians(entry));
        top.curveTo(top.lastX() - 0.08, top.lastY() + 0.15, ex + 0.12, ey - 0.2, ex, ey);
        top.arc(cx, cy, r, r * 0.9, entry, p.between(290, 340));
        return List.of(top.curveTo(top.lastX() + 0.08, 1.0, 0.35, 0.98, p.between(0.5, 0.62), p.between(0.95, 1.0)));
    }

    // ---- 3 ----

    static List<GlyphPath> threePlain(Proportions p) {
        double rx = p.between(0.19, 0.25), ry = p.between(0.19, 0.24), start = p.between(195, 225);
        // A round middle (the upper bowl ends at its bottom) or a pointed one (both bowls meet further left).
        double cusp = p.chance(0.5) ? 0 : p.between(10, 40);
        GlyphPath s = GlyphPath.onEllipse(0.28, ry, rx, ry, start).arc(0.28, ry, rx, ry, start, 450 + cusp - start);
        return List.of(lowerBowl(s, p, 2 * ry, cusp));
    }

    /** The flat-topped 3 (a bar, then a diagonal into the bowl), common in European and engineering hands. */
    static List<GlyphPath> threeFlatTop(Proportions p) {
        double middle = p.between(0.36, 0.46);
        GlyphPath s = GlyphPath.from(p.between(0.04, 0.1), p.between(0, 0.04)).lineTo(p.between(0.5, 0.58), 0)
                .lineTo(p.between(0.2, 0.3), middle);
        return List.of(lowerBowl(s, p, middle, 20));
    }

    // ---- 4 ----

    /** The MNIST-common 4: a diagonal down to the crossbar, then a stem starting below the diagonal's top. */
    static List<GlyphPath> fourPlain(Proportions p) {
        double bar = p.between(0.58, 0.68), stemX = p.between(0.4, 0.48);
        GlyphPath arm = GlyphPath.from(p.between(0.3, 0.4), 0).lineTo(p.between(0.02, 0.08), bar)
                .lineTo(p.between(0.55, 0.65), bar + p.between(-0.03, 0.01));
        return List.of(arm, GlyphPath.from(stemX, p.between(0.15, 0.35)).lineTo(stemX + p.between(-0.04, 0.02), 1));
    }

    /** The open 4: a near-vertical left arm and the stem both reach the top, leaving the top open. */
    static List<GlyphPath> fourOpen(Proportions p) {
        double bar = p.between(0.52, 0.64), stemX = p.between(0.4, 0.5);
        double armX = p.between(0.04, 0.14);
        GlyphPath arm = GlyphPath.from(armX + p.between(0, 0.06), p.between(0, 0.06))
                .lineTo(armX, bar).lineTo(p.between(0.56, 0.66), bar + p.between(-0.03, 0.02));
        return List.of(arm, GlyphPath.from(stemX, p.between(0, 0.05)).lineTo(stemX + p.between(-0.03, 0.02), 1));
    }

    /** The closed 4 of print: the diagonal starts at the top of the stem, closing a triangle. */
    static List<GlyphPath> fourClosed(Proportions p) {
        double bar = p.between(0.6, 0.7), stemX = p.between(0.4, 0.48);
        GlyphPath arm = GlyphPath.from(stemX, 0).lineTo(p.between(0.02, 0.06), bar)
                .lineTo(p.between(0.56, 0.66), bar + p.between(-0.02, 0.01));
        return List.of(arm, GlyphPath.from(stemX + p.between(-0.01, 0.01), p.between(0, 0.03))
                .lineTo(stemX + p.between(-0.03, 0.02), 1));
    }

    // ---- 5 ----

    static List<GlyphPath> fivePlain(Proportions p) {
        double rx = p.between(0.22, 0.27), ry = p.between(0.21, 0.27), cy = 1 - ry;
        double start = p.between(200, 225);
        double sx = 0.3 + rx * Math.cos(Math.toRadians(start)), sy = cy + ry * Math.sin(Math.toRadians(start));
        double topX = sx + p.between(0.02, 0.08);
        GlyphPath body = GlyphPath.from(topX, 0).lineTo(sx, sy).arc(0.3, cy, rx, ry, start, p.between(270, 300));
        GlyphPath bar = GlyphPath.from(topX, 0).lineTo(p.between(0.5, 0.6), p.between(-0.03, 0.02));
        return List.of(body, bar);
    }

    // ---- 6 ----

    static List<GlyphPath> sixCurved(Proportions p) {
        double rx = p.between(0.2, 0.25), ry = p.between(0.2, 0.26), cx = 0.06 + rx, cy = 1 - ry;
        GlyphPath s = GlyphPath.from(p.between(0.4, 0.52), 0)
                .curveTo(0.25, 0.05, 0.06, 0.3, 0.06, cy);
        return List.of(s.arc(cx, cy, rx, ry, 180, -p.between(310, 350)));
    }

    /** The 6 with a straight stem, drawn as a line into the bowl. */
    static List<GlyphPath> sixStraight(Proportions p) {
        double rx = p.between(0.2, 0.25), ry = p.between(0.2, 0.26), cx = 0.06 + rx, cy = 1 - ry;
        GlyphPath s = GlyphPath.from(p.between(0.2, 0.42), 0).lineTo(0.06, cy);
        return List.of(s.arc(cx, cy, rx, ry, 180, -p.between(310, 350)));
    }

    // ---- 7 ----

    static List<GlyphPath> sevenPlain(Proportions p) {
        return List.of(sevenStroke(p, p.between(-0.08, 0.08)));
    }

    /** The 7 with a crossbar through its stem, as written across continental Europe. */
    static List<GlyphPath> sevenCrossed(Proportions p) {
        GlyphPath seven = sevenStroke(p, p.between(-0.04, 0.04));
        double[] xs = seven.xs(), ys = seven.ys();
        double barY = p.between(0.42, 0.6);
        double x = xs[xs.length - 1];
        for (int i = 1; i < xs.length; i++) {
            if (ys[i] >= barY && ys[i - 1] < barY && i > xs.length / 4) {
                x = xs[i];
                break;
            }
        }
        double tilt = p.between(-0.03, 0.02);
        GlyphPath bar = GlyphPath.from(x - p.between(0.1, 0.2), barY - tilt).lineTo(x + p.between(0.1, 0.2), barY + tilt);
        return List.of(seven, bar);
    }

    // ---- 8 ----

    /** One stroke: from the top, round the upper loop to the left, across, round the lower loop and back up. */
    static List<GlyphPath> eightPlain(Proportions p) {
        double middle = p.between(0.4, 0.5), upper = p.between(0.15, 0.22), lower = p.between(0.2, 0.27);
        double cx = 0.3, t0 = -p.between(0.15, 0.45), t1 = 2 * Math.PI + p.between(-0.1, 0.3);
        GlyphPath path = null;
        int n = 160;
        for (int i = 0; i <= n; i++) {
            double t = t0 + (t1 - t0) * i / n, c = Math.cos(t);
            double h = c > 0 ? middle : 1 - middle, r = c > 0 ? upper : lower;
            double x = cx - r * Math.sin(2 * t), y = middle - h * c;
            path = path == null ? GlyphPath.from(x, y) : path.lineTo(x, y);
        }
        return List.of(path);
    }

    /** Two loops drawn one after the other, the upper one smaller. */
    static List<GlyphPath> eightTwoLoops(Proportions p) {
        double middle = p.between(0.4, 0.48), ru = p.between(0.15, 0.21), rl = p.between(0.19, 0.26);
        double hu = middle / 2, hl = (1 - middle) / 2;
        GlyphPath upper = GlyphPath.onEllipse(0.3, hu, ru, hu, 270).arc(0.3, hu, ru, hu, 270, -p.between(350, 390));
        GlyphPath lower = GlyphPath.onEllipse(0.3, middle + hl, rl, hl, 270)
                .arc(0.3, middle + hl, rl, hl, 270, -p.between(350, 390));
        return List.of(upper, lower);
    }

    // ---- 9 ----

    static List<GlyphPath> nineCurved(Proportions p) {
        GlyphPath loop = nineLoop(p);
        double x = loop.lastX();
        return List.of(loop.curveTo(x + 0.03, 0.55, x, 0.85, x - p.between(0.06, 0.16), 1));
    }

    /** The 9 with a straight stem: the loop, then a straight line down (in one stroke or as a second stroke). */
    static List<GlyphPath> nineStraight(Proportions p) {
        GlyphPath loop = nineLoop(p);
        double x = loop.lastX(), lean = p.between(-0.04, 0.04);
        if (p.chance(0.4)) {
            return List.of(loop, GlyphPath.from(x + p.between(-0.02, 0.02), p.between(0, 0.1)).lineTo(x + lean, 1));
        }
        return List.of(loop.lineTo(x + lean, 1));
    }

    // ---- shared parts ----

    private static GlyphPath oval(Proportions p) {
        return ovalAt(p, 0.3, p.between(0.19, 0.3));
    }

    /** An oval 1 high, started near the top and drawn anticlockwise, closing with some overshoot. */
    private static GlyphPath ovalAt(Proportions p, double cx, double rx) {
        double start = p.between(240, 300);
        return GlyphPath.onEllipse(cx, 0.5, rx, 0.5, start).arc(cx, 0.5, rx, 0.5, start, -p.between(340, 390));
    }

    /** A stem with an up-stroke of {@code length} (em) leaning {@code angle} degrees from the vertical. */
    private static GlyphPath flaggedStem(Proportions p, double length, double angle) {
        double a = Math.toRadians(angle), top = 0.34;
        return GlyphPath.from(top - length * Math.sin(a), length * Math.cos(a))
                .lineTo(top, 0).lineTo(top + p.between(-0.04, 0.03), 1);
    }

    /** The top arc of a 2, from its left end over the top to where the neck starts. */
    private static GlyphPath twoTop(Proportions p) {
        double rx = p.between(0.2, 0.26), ry = p.between(0.2, 0.27), start = p.between(190, 220);
        return GlyphPath.onEllipse(0.3, ry, rx, ry, start).arc(0.3, ry, rx, ry, start, 360 + p.between(10, 45) - start);
    }

    /** The lower bowl of a 3, from the middle round to the lower left. */
    private static GlyphPath lowerBowl(GlyphPath s, Proportions p, double middle, double cusp) {
        double ry = (1 - middle) / 2, rx = p.between(0.22, 0.28), cy = middle + ry;
        double start = 270 - cusp;
        return s.arc(0.3, cy, rx, ry, start, p.between(215, 245) + cusp);
    }

    /** The top bar and stem of a 7 in one stroke; {@code bow} bends the stem (em at its middle). */
    private static GlyphPath sevenStroke(Proportions p, double bow) {
        double startY = p.between(0, 0.06), left = p.between(0.02, 0.08), right = p.between(0.52, 0.62);
        GlyphPath s = GlyphPath.from(left, startY);
        if (p.chance(0.2)) {
            s = GlyphPath.from(left, startY + p.between(0.06, 0.14)).lineTo(left, startY);
        }
        double endX = p.between(0.14, 0.3);
        double midX = (right + endX) / 2 + bow;
        return s.lineTo(right, p.between(-0.02, 0.02)).curveTo(midX + 0.05, 0.35, midX - 0.02, 0.65, endX, 1);
    }

    /** The loop of a 9, drawn anticlockwise from its right side and ending there, ready for the stem. */
    private static GlyphPath nineLoop(Proportions p) {
        double rx = p.between(0.18, 0.24), ry = p.between(0.19, 0.25), cx = 0.28, cy = ry;
        double start = p.between(-15, 15);
        GlyphPath s = GlyphPath.onEllipse(cx, cy, rx, ry, start).arc(cx, cy, rx, ry, start, -360 - start);
        return s;
    }
}
