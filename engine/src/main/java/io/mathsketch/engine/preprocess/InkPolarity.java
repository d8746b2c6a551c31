package io.mathsketch.engine.preprocess;

import java.util.Arrays;

/**
 * Whether a photo's marks are lighter than their ground (chalk on a blackboard or a greenboard, a white gel pen on
 * black paper) rather than darker (pen or pencil on paper, marker on a whiteboard): {@link PhotoInk} then reads the
 * luminance inverted, by the same steps.
 *
 * <p>No global statistic tells a photo's polarity: a shadow or a dark desk makes much of a photo of paper darker
 * than its lit part, and a chalkboard's smeared erasures and uneven light make broad areas lighter than the rest. What
 * does is the side of the thin outliers: the ground is estimated locally, a {@link #WINDOW}-cell median of coarse cell
 * means (strokes are a minority of any window, so the median leaves them out, while light, shadows and smears, broad
 * next to a cell, are followed), and the pixels beyond {@link #NOISE_SIGMAS} robust deviations of luminance around
 * it are weighed on each side by how far beyond they lie. Strokes lie on one side, far beyond; grain and texture on
 * both, near; a sharp shadow's or the desk's border on both alike. The marks are light only when the light side
 * outweighs the dark one {@link #DOMINANCE} times, weighs enough to be a digit ({@link #MIN_LIGHT}) and the ground is
 * darker than paper ({@link #DARK_GROUND}): a photo of paper, however shadowed, is not turned over by a few bright
 * specks or a glare spot (on the photo, hard photo and whiteboard tuning sets the light side weighs at most 1.2 times
 * the dark where it weighs enough).
 *
 * <p>Cost: one read of the working plane for the cell means and one of a quarter of it (every other pixel of every
 * other row) for the outliers, counted as one pass ({@link #PASSES}); a grid of a few thousand cells.
 */
final class InkPolarity {

    /** Passes over the working plane the decision is counted as ({@link PhotoInk#MAX_PASSES}). */
    static final int PASSES = 1;
    /** Cells along the longer side: a digit's stroke is narrower than a cell or two. */
    private static final int CELLS = 48;
    /** Side, in cells, of the median window the ground is estimated with (about a seventh of the frame). */
    private static final int WINDOW = 7;
    /** Robust deviations of luminance around the ground within which a pixel is grain or texture, not a mark. */
    private static final double NOISE_SIGMAS = 4;
    /** How many times the light outliers must outweigh the dark ones. */
    private static final double DOMINANCE = 1.5;
    /**
     * The least light outliers' weight, in levels beyond the noise per pixel looked at, for the marks to be light: a
     * chalk digit 10% of the frame high weighs some 0.4 and more; a pencil 1 on dark grey paper in a deep shadow,
     * read so little darker than the paper that its few bright specks outweigh it, 0.07.
     */
    private static final double MIN_LIGHT = 0.2;
    /**
     * The ground's median luminance (of 255) below which light marks are looked for at all: a phone exposing for a
     * dark board lifts it to 50-155; paper and whiteboards lie above, but for dark grey paper in a shadow.
     */
    private static final double DARK_GROUND = 160;
    /** Quarter-level bins of luminance minus ground, from -255 to 255. */
    private static final int BINS = 4 * 511;

    private InkPolarity() {
    }

    /** Whether the marks of the {@code width x height} luminance plane {@code lum} (0..255) are the lighter side. */
    static boolean lightInk(float[] lum, int width, int height) {
        int cell = Math.max(2, (Math.max(width, height) + CELLS - 1) / CELLS);
        int gw = (width + cell - 1) / cell, gh = (height + cell - 1) / cell;
        float[] ground = median(means(lum, width, height, cell, gw, gh), gw, gh);
        float[] sorted = ground.clone();
        Arrays.sort(sorted);
        if (sorted[sorted.length / 2] >= DARK_GROUND) {
            return false;
        }
        int[] histogram = new int[BINS];
        int total = 0;
        for (int y = 0; y < height; y += 2) {
            for (int x = 0; x < width; x += 2) {
                float r = lum[y * width + x] - groundAt(ground, gw, gh, cell, x, y);
                histogram[Math.max(0, Math.min(BINS - 1, Math.round(r * 4) + BINS / 2))]++;
                total++;
            }
        }
        int[] deviations = new int[BINS / 2 + 1];
        for (int b = 0; b < BINS; b++) {
            deviations[Math.min(BINS / 2, Math.abs(b - BINS / 2))] += histogram[b];
        }
        double sigma = Math.max(1, 1.4826 * Histogram.quantile(deviations, total, 0.5) / 4);
        double beyond = NOISE_SIGMAS * sigma, light = 0, dark = 0;
        for (int b = 0; b < BINS; b++) {
            double r = (b - BINS / 2) / 4.0;
            light += histogram[b] * Math.max(0, r - beyond);
            dark += histogram[b] * Math.max(0, -r - beyond);
        }
        return light >= MIN_LIGHT * total && light > DOMINANCE * dark;
    }

    /** The mean luminance of each {@code cell x cell} cell, {@code gw x gh} of them. */
    private static float[] means(float[] lum, int width, int height, int cell, int gw, int gh) {
        float[] grid = new float[gw * gh];
        int[] count = new int[gw * gh];
        for (int y = 0; y < height; y++) {
            int g = (y / cell) * gw;
            for (int x = 0, i = y * width; x < width; x++, i++) {
                grid[g + x / cell] += lum[i];
                count[g + x / cell]++;
            }
        }
        for (int g = 0; g < grid.length; g++) {
            grid[g] /= count[g];
        }
        return grid;
    }

    /** The median of each cell's {@link #WINDOW} x {@link #WINDOW} neighbourhood (clipped at the grid's edge). */
    private static float[] median(float[] grid, int gw, int gh) {
        float[] out = new float[grid.length], window = new float[WINDOW * WINDOW];
        int reach = WINDOW / 2;
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                int n = 0;
                for (int y = Math.max(0, gy - reach); y <= Math.min(gh - 1, gy + reach); y++) {
                    for (int x = Math.max(0, gx - reach); x <= Math.min(gw - 1, gx + reach); x++) {
                        window[n++] = grid[y * gw + x];
                    }
                }
                Arrays.sort(window, 0, n);
                out[gy * gw + gx] = window[n / 2];
            }
        }
        return out;
    }

    /** The ground at pixel (x, y): bilinear between cell centres, held flat beyond the outer ones. */
    private static float groundAt(float[] ground, int gw, int gh, int cell, int x, int y) {
        float fx = Math.max(0, Math.min(gw - 1, (x + 0.5f) / cell - 0.5f));
        float fy = Math.max(0, Math.min(gh - 1, (y + 0.5f) / cell - 0.5f));
        int x0 = (int) fx, y0 = (int) fy, x1 = Math.min(gw - 1, x0 + 1), y1 = Math.min(gh - 1, y0 + 1);
        float ax = fx - x0, ay = fy - y0;
        float top = ground[y0 * gw + x0] * (1 - ax) + ground[y0 * gw + x1] * ax;
        float bottom = ground[y1 * gw + x0] * (1 - ax) + ground[y1 * gw + x1] * ax;
        return top * (1 - ay) + bottom * ay;
    }
}
