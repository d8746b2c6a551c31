package io.mathsketch.corpus.hand;

import java.util.List;

/**
 * What a drawing of a style must keep, once a hand has slanted, stretched and turned it, to still be its digit for a
 * human reader. A hand's transformations are drawn independently of the glyph's proportions, and some combinations
 * turn one digit into another: a continental 1 whose long up-stroke, slanted and stretched, lies almost flat is a 7.
 * The generator redraws such a drawing (see {@link HandwritingGenerator}) rather than label a 7 as a 1.
 */
@FunctionalInterface
interface Legibility {

    /** Every drawing is legible: the default for styles no hand turns into another digit. */
    Legibility ANY = strokes -> true;

    /**
     * The least rise of a continental 1's up-stroke above the horizontal, in degrees, as drawn. The bars of the plain
     * 7s the same hands draw rise less than 26 degrees in 99 drawings of 100 and at most about 35 (1,000 drawings
     * of each configuration; {@code LegibilityTest}); a 1 whose up-stroke is flatter than that has a 7's bar and
     * is read as a 7 by people as well as by models.
     */
    double MIN_UP_STROKE_RISE = 35;

    /** The continental 1: its up-stroke (the first stroke, up to its corner) rises steeply enough not to be a bar. */
    Legibility UP_STROKE_RISES = strokes -> upStrokeRise(strokes.getFirst()) >= MIN_UP_STROKE_RISE;

    /**
     * Whether the glyph's strokes, placed by the hand (canvas units relative to the em box's centre, y downwards;
     * {@code stroke[0]} holds the x, {@code stroke[1]} the y coordinates), in the glyph's own order and direction,
     * still read as the digit.
     */
    boolean test(List<double[][]> strokes);

    /**
     * The angle above the horizontal, in degrees, of the line from a stroke's first point to its corner: for a
     * continental 1 its up-stroke, for a 7 its bar. The corner is where the stroke turns most sharply (the point
     * whose directions from the first point and on to the last point differ most), which holds for slanted, bent
     * and rotated stems alike; points within a tenth of the stroke's size of either end are not candidates.
     */
    static double upStrokeRise(double[][] stroke) {
        double[] x = stroke[0], y = stroke[1];
        int last = x.length - 1, corner = 0;
        double minX = x[0], maxX = x[0], minY = y[0], maxY = y[0];
        for (int i = 1; i <= last; i++) {
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        double near = 0.1 * Math.max(maxX - minX, maxY - minY), sharpest = Double.MAX_VALUE;
        for (int i = 1; i < last; i++) {
            double ax = x[i] - x[0], ay = y[i] - y[0], bx = x[last] - x[i], by = y[last] - y[i];
            double a = Math.hypot(ax, ay), b = Math.hypot(bx, by);
            if (a < near || b < near) {
                continue;
            }
            double turn = (ax * bx + ay * by) / (a * b);
            if (turn < sharpest) {
                sharpest = turn;
                corner = i;
            }
        }
        return Math.toDegrees(Math.atan2(y[0] - y[corner], x[corner] - x[0]));
    }
}
