package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.image.DecodedImage;
import io.mathsketch.engine.image.InkImage;
import java.util.function.IntPredicate;

/**
 * Finds the ink of a photo of paper, where the canvas rule (one background level, everything darker is ink) fails:
 * light falls unevenly, shadows cross the page, the paper is tinted and textured, the sensor adds grain and JPEG its
 * ringing, and specks or the desk's edge show up. The steps:
 * <ol>
 *   <li>work on a copy no larger than {@link #MAX_WORKING_SIDE} (area-averaged; {@link #MAX_EXPRESSION_SIDE} for an
 *       expression's line), so the work is bounded whatever the image;</li>
 *   <li>estimate the paper's brightness everywhere: the mean of each cell of a coarse grid (about
 *       {@link #GRID} cells along the longer side), a grey-level closing over {@link #CLOSING_RADIUS} cells (so
 *       strokes up to about an eighth of the frame wide vanish from it); then darkness
 *       = 1 - luminance / paper, which flattens gradients, vignetting, shadows and tints;</li>
 *   <li>pick the ink with Otsu's threshold on the darkness histogram, but never within the sensor's noise
 *       ({@link #NOISE_SIGMAS} robust standard deviations of luminance around the paper, over the paper's
 *       brightness in darkness units, or at first the typical paper's where it is darker, as in a shadow); when that
 *       finds no digit, never within the paper's own darkness instead (the paper estimate's typical offset above the
 *       paper plus {@link #PAPER_SIGMAS} robust standard deviations around it);</li>
 *   <li>label the ink's connected components on the darkness smoothed twice (a 5x5 tent) and drop those touching
 *       the frame's edge (the desk, the sheet's border), specks (tiny next to the largest stroke), faint areas
 *       without a stroke's core, the soft border and fringe of a desk taken out, and far-away marks, keeping the
 *       digit's pieces;</li>
 *   <li>map darkness smoothed once to ink intensity (two noise deviations to 0, a typical stroke to 1) within the
 *       kept components and a one-pixel fringe (for an expression's line the darkness unsmoothed, and from
 *       {@link #SEPARATING_SHARE} of a typical stroke up), then the MNIST recipe as for any picture.</li>
 * </ol>
 * A scanned page ({@link #forPage}: a frame larger than any photo's, {@link #scannedPage}) is read the same way with a
 * digit down to {@link #MIN_PAGE_SHARE_INVERSE} of the frame, and the page's own marks kept out of the digit: a
 * filled blob (a filing hole the bed shows through) is never the digit, and a printed box's sides are taken out
 * before the digit is chosen, a bounded number of the largest marks looked at ({@link #PRINTED_CHECKS}).
 * Ink is taken to be darker than the paper, unless {@link InkPolarity} finds the marks lighter than a dark ground
 * (chalk on a board, a white gel pen on black paper; a light-on-dark picture with a flat background is the canvas
 * rule's): then the luminance is read turned over (255 minus it) by the same steps, decided once on the first working
 * copy and counted as a pass. No global statistic tells a photo's polarity (a shadow makes most of a photo darker than
 * its lit part): the rule weighs the thin outliers on each side of a local ground. Memory: a few planes of the
 * working size (floats for darkness and the paper, ints for labels, a bit per pixel for a fringe); no per-pixel
 * objects.
 */
final class PhotoInk {

    /** Longer side of the working copy: a digit needs 20 pixels in the end, a number a few hundred. */
    static final int MAX_WORKING_SIDE = 1024;
    /**
     * Longer side of the working copy of an expression's photo ({@link #forExpression}): a phone's 1280 px frame at
     * its own resolution, where halving it left a dozen symbols of a small line some 5-10 pixels each, too few to
     * read (on {@code ExpressionPhotoTuning} 39 -> 45 of 150 exact). The work grows with the area: 1.56 times a
     * digit photo's at most.
     */
    static final int MAX_EXPRESSION_SIDE = 1280;
    private static final int GRID = 160;
    private static final int CLOSING_RADIUS = 12;
    private static final double NOISE_SIGMAS = 4;
    /**
     * Robust standard deviations of paper minus luminance around its median beyond which a pixel is ink once the
     * noise floor found no digit. Four let a shadow's soft border through on blank paper where the paper estimate
     * lags (a band some ten levels dark on the shadow's side), read as a digit.
     */
    private static final double PAPER_SIGMAS = 5;
    /** A component smaller than this share of the largest one is a speck. */
    private static final double SPECK_SHARE = 0.04;
    /** A line's largest stroke is about this many pen widths tall ({@link #digit}'s least piece assumes the same). */
    private static final int PEN_WIDTHS_PER_STROKE = 15;
    /**
     * Fewer pixels beyond the threshold than this in the largest component, or than the square of a hundredth of
     * the shorter side: there is no ink, only specks (a digit a reader can make out is far larger).
     */
    private static final int MIN_STROKE_PIXELS = 6;
    /**
     * A digit's largest piece spans at least this share of the frame's shorter side: a speck (dust, a pencil dot, a
     * few pixels whatever the frame) is never the digit. When the digit is missed at a level (under a threshold set
     * high by the desk, or joined to the desk at the frame's edge) the largest thing left is a speck, which centring
     * would blow up to a blob read as 8 or 4; without one, the next level is tried.
     */
    private static final int MIN_DIGIT_SHARE_INVERSE = 16;
    /**
     * The same for an expression's line ({@link #forExpression}): a line of a dozen symbols photographed at 14% of
     * the frame has symbols some 10-20 pixels high, under a sixteenth of a 600 px frame, and was answered blank.
     * On {@code ExpressionPhotoTuning} (150 photos) a sixteenth left 27 blank, a thirty-second 1 (at the reduced
     * working size), a forty-eighth and a sixty-fourth none (at {@link #MAX_EXPRESSION_SIDE}).
     */
    private static final int MIN_SYMBOL_SHARE_INVERSE = 48;
    /**
     * Both sides of a frame at least this many pixels make it a scanned page ({@link #scannedPage}): an A4 page at
     * 150 dpi is 1240x1754, while every photo and snapshot set's frame is at most 1280x960 and a canvas export is 280
     * pixels high.
     */
    static final int PAGE_MIN_SIDE = 1200;
    /**
     * The least span of a page's digit ({@link #forPage}): a digit written on a page is a thirty-fifth to a
     * seventeenth of its shorter side, and at a sixteenth a scan was answered blank.
     */
    private static final int MIN_PAGE_SHARE_INVERSE = 48;
    /**
     * A page's mark whose ink fills at least this share of its box, nearly square and solid ({@link #BLOB_CORE}), is
     * a blob (a filing hole).
     */
    private static final double BLOB_SHARE = 0.6;
    /** How far from square such a blob may be (longer over shorter side). */
    private static final double BLOB_ASPECT = 1.3;
    /**
     * A blob's core: its farthest pixel from its outline at least this share of its shorter side away (a disk's is
     * half; a digit's stroke, smoothed and with its loops filled in, a fifth or less).
     */
    private static final double BLOB_CORE = 0.35;
    /** A printed box's ink runs along at least this share of each side ({@link Components#box}). */
    private static final double BOX_SIDE_SHARE = 0.85;
    /**
     * Partial rows (columns) on either side of a box's line taken out with it: a line skewed by up to 1.5 degrees
     * across a box some 20-60 working pixels wide drifts a pixel or two: the partial rows at its two ends.
     */
    private static final int SKEW_ROWS = 1;
    /**
     * How many of a page's largest marks are looked at as a box or a blob, each at most a
     * {@link #MARK_SHARE_INVERSE}-th of the frame each way (a form's box or a filing hole is a few times a digit's
     * share, a sixth of the frame at most): together less than one pass over the working plane, however many marks a
     * crafted page holds.
     */
    private static final int PRINTED_CHECKS = 4;
    private static final int MARK_SHARE_INVERSE = 4;
    /** {@link Components#largest} not yet found. */
    private static final int UNKNOWN = -2;
    /**
     * The threshold tried when Otsu's finds no digit: pencil on paper is about 0.25-0.45 darker than the paper, its
     * texture and JPEG ringing under 0.1.
     */
    private static final float FAINT_INK = 0.12f;
    /**
     * An expression's line ({@link #expressionLine}) takes its ink's values from the working plane unsmoothed and
     * from this share of the typical stroke's darkness up, not from the plane smoothed once and two noise deviations
     * up: at 10-20 pixels a symbol, two strokes or symbols a pixel or two apart are one mark on the smoothed plane
     * (its 3x3 box fills the gap, and the segmenter's least ink is a tenth of a stroke), and a plus or a minus beside a
     * digit is read with it. On {@code ExpressionPhotoTuning} (150 photos each) 48 -> 56 exact and 52 -> 64 on its second
     * set; at 0.3 51 and 61, at 0.5 57 and 62; unsmoothed at the noise floor 33 and 44 (grain and JPEG ringing are
     * marks), smoothed at 0.3 48 and 59.
     */
    private static final float SEPARATING_SHARE = 0.4f;

    /** How much narrower the closing is when the photo is measured again after finding no digit. */
    private static final int NARROWER = 3;
    /** How much stricter each level tried after a blank is than the one before. */
    private static final float STRICTER = 1.5f;
    /**
     * An edge mark is taken out only down to this darkness: pencil lays at most about 0.45 (a desk beyond the sheet
     * is 0.5-0.8), and fainter marks at the edge (a shadow's border where the paper estimate lags) fade into the paper
     * without a gap, so what a lower level left of them would be read as a digit.
     */
    private static final float DARKER_THAN_INK = 0.4f;
    /** Working pixels around a dark edge mark taken out with it: its border, softened by the lens and JPEG. */
    private static final int MARK_MARGIN = 2;
    /**
     * Working pixels around a dark edge mark taken out within which a component is its fringe, never the digit: the
     * desk's soft border (blur, JPEG, the smoothing) left beyond {@link #MARK_MARGIN} is a thin line along it, which
     * centring would read as a 1 or a bar. A digit written up to the desk reaches further than this.
     */
    private static final int MARK_FRINGE = 8;
    /** Robust deviations above the soft border's median darkness at a distance from a mark that are still border. */
    private static final float BORDER_SIGMAS = 3;
    /** Noise deviations (in darkness, on the typical paper) within which a ring's spread is a clean border's. */
    private static final float BORDER_NOISE = 2;
    /** The darkness of a pixel taken out with an edge mark: below every level, and never ink. */
    private static final float TAKEN_OUT = -1f;
    /**
     * Passes over the working plane ({@link #passes}) one photo may take looking for its digit; beyond them it is
     * blank. A photo without a digit would otherwise try every level, closing and floor (up to some 60 passes), and
     * a crafted picture of a few kilobytes (bars, a checkerboard) is such a photo, for one rate-limit token. A photo
     * read at the first level takes 5 passes, every photo of the quality sets at most 6; the hard photo tuning set's
     * take up to 38 (a pencil digit beside a deep shadow's border or the desk is found only by the narrower closing,
     * after 20, or above the paper's own darkness, after 37): at 17, 29 of its 1,200 were blank. A step is begun only
     * when the most it may take fits. One more for the polarity ({@link InkPolarity#PASSES}), so that the search is
     * as before.
     */
    static final int MAX_PASSES = 40 + InkPolarity.PASSES;
    /** Passes one measurement of the photo costs: downscale, two smoothings, the paper, four statistics, darkness. */
    private static final int MEASURE_PASSES = 4;
    /** Passes taking edge marks out costs at most: their labelling, the distance to them, two labellings after. */
    private static final int EDGE_MARK_PASSES = 4;

    private final int width, height;
    /**
     * The frame's shorter side over the least span of the largest stroke ({@link #MIN_DIGIT_SHARE_INVERSE}, or
     * {@link #MIN_SYMBOL_SHARE_INVERSE} for an expression).
     */
    private final int minShareInverse;
    /** Whether this is a scanned page ({@link #forPage}): printed marks are left out of the digit. */
    private final boolean page;
    /** Working pixels per source pixel along each axis (1 = source resolution). */
    private final int factor;
    /**
     * Darkness (ink-likeness) per working pixel, 0..1 ({@link #TAKEN_OUT} where an edge mark was taken out), of the
     * luminance smoothed twice by the 3x3 box (a 5x5 tent): what components are labelled on. Grain drops to about a
     * quarter (a third when smoothed once), so a light pencil stroke in a shadow, only a few grain levels darker than
     * its paper, is found whole rather than in pieces; the ink's values come from the plane smoothed once ({@link InkRows}), which keeps thin
     * strokes thin.
     */
    private final float[] dark;
    /** The paper's brightness per working pixel, in luminance levels. */
    private final float[] paper;
    /**
     * One standard deviation of the sensor's noise in luminance levels, on the plane smoothed twice ({@link #sigma})
     * and once ({@link #inkSigma}); in darkness units it weighs more where the paper is darker ({@link #floor}).
     */
    private float sigma, inkSigma;
    /**
     * How far the paper estimate lies above the plane smoothed twice, in luminance levels: {@link #offset}, the median
     * of paper minus luminance (an upper envelope of noisy cell means, it lies a few levels above the paper), and
     * {@link #spread}, one robust standard deviation around that offset (grain, and the estimate's lag where the light
     * bends, as at a shadow's border). {@link #sigma}, measured around zero, counts the offset as noise: on dark paper
     * with heavy grain it is most of it, and the floor four of them set lies above a light pencil stroke.
     */
    private float offset, spread;
    /**
     * The typical paper's brightness in luminance levels (the median of {@link #paper} over the frame): the floor in
     * darkness is never higher than on it ({@link #floor}).
     */
    private float typicalPaper;
    /** Whether the floor is the paper's own darkness ({@link #offset}, {@link #spread}) rather than the noise's. */
    private boolean paperFloor;
    /** Whether the photo was last measured with the narrower closing ({@link #NARROWER}). */
    private boolean narrow;
    /** Whether the marks are lighter than the ground ({@link InkPolarity}): luminance is read inverted. */
    private boolean lightInk;
    /**
     * Working pixels within {@link #MARK_FRINGE} of an edge mark taken out (a bit per pixel), or null when none was.
     */
    private long[] fringe;
    /** Side of the paper estimate's cells in working pixels, about {@link #GRID} cells along the longer side. */
    private final int cell;
    /** The photo itself: measured again with a narrower closing when the first measurement finds no digit. */
    private final DecodedImage image;
    /** Otsu's threshold on darkness, before the noise is taken into account, of the last measurement. */
    private float otsu;
    /**
     * Passes over the working plane so far: {@link #MEASURE_PASSES} a measurement, one a labelling, one a distance
     * transform; at most {@link #MAX_PASSES} (a step is begun only when the most it may take is left; a
     * measurement only with a labelling after it).
     */
    private int passes;

    PhotoInk(DecodedImage image) {
        this(image, MIN_DIGIT_SHARE_INVERSE, MAX_WORKING_SIDE);
    }

    /** A photo of an expression's line, whose symbols may be far smaller in the frame than a digit photographed alone. */
    static PhotoInk forExpression(DecodedImage image) {
        return new PhotoInk(image, MIN_SYMBOL_SHARE_INVERSE, MAX_EXPRESSION_SIDE);
    }

    /**
     * A scanned page ({@link #scannedPage}), whose digit is a small mark among the page's printed ones: found down to
     * {@link #MIN_PAGE_SHARE_INVERSE} of the frame, at the expression's working size.
     */
    static PhotoInk forPage(DecodedImage image) {
        return new PhotoInk(image, MIN_PAGE_SHARE_INVERSE, MAX_EXPRESSION_SIDE, true);
    }

    /**
     * Whether a picture is a scanned page, read by {@link #forPage} whatever its background (a 1-bit scan's is
     * flat, and the canvas rule's box would hold every mark on the page): both sides at least {@link #PAGE_MIN_SIDE}.
     */
    static boolean scannedPage(DecodedImage image) {
        return Math.min(image.width(), image.height()) >= PAGE_MIN_SIDE;
    }

    private PhotoInk(DecodedImage image, int minShareInverse, int maxSide) {
        this(image, minShareInverse, maxSide, false);
    }

    private PhotoInk(DecodedImage image, int minShareInverse, int maxSide, boolean page) {
        this.minShareInverse = minShareInverse;
        this.page = page;
        int longer = Math.max(image.width(), image.height());
        this.image = image;
        this.factor = (longer + maxSide - 1) / maxSide;
        this.width = (image.width() + factor - 1) / factor;
        this.height = (image.height() + factor - 1) / factor;
        this.dark = new float[width * height];
        this.paper = new float[width * height];
        this.cell = Math.max(1, (Math.max(width, height) + GRID - 1) / GRID);
        this.otsu = measure(CLOSING_RADIUS);
    }

    /**
     * Fills {@link #dark}, {@link #paper} and the noise from the photo with the paper estimated on {@link #cell}s
     * closed over {@code closingRadius} cells, and answers Otsu's threshold.
     */
    private float measure(int closingRadius) {
        narrow = closingRadius < CLOSING_RADIUS;
        boolean first = passes == 0;
        passes += MEASURE_PASSES;
        float[] lum = dark; // luminance first, turned into darkness in place
        downscale(image, lum);
        if (first) {
            // Decided once, on the first copy: chalk on a board is read as ink on paper, by the same steps.
            passes += InkPolarity.PASSES;
            lightInk = InkPolarity.lightInk(lum, width, height);
        }
        if (lightInk) {
            for (int i = 0; i < lum.length; i++) {
                lum[i] = 255f - lum[i];
            }
        }
        smooth3(lum, width, height);
        paper(lum, closingRadius, paper);
        inkSigma = noiseSigma(lum, paper);
        smooth3(lum, width, height);
        sigma = noiseSigma(lum, paper);
        offset = median(lum, paper);
        spread = deviation(lum, paper, offset);
        fringe = null;
        int[] histogram = new int[256], papers = new int[256];
        for (int i = 0; i < dark.length; i++) {
            float d = Math.max(0f, Math.min(1f, 1f - lum[i] / Math.max(1f, paper[i])));
            dark[i] = d;
            histogram[Math.min(255, (int) (d * 255f))]++;
            papers[Math.max(0, Math.min(255, (int) paper[i]))]++;
        }
        typicalPaper = Histogram.quantile(papers, dark.length, 0.5);
        return otsu(histogram, dark.length) / 255f;
    }

    /**
     * The floor in darkness at a working pixel, one deviation short of it when {@code weaker}: {@link #NOISE_SIGMAS}
     * noise deviations, or with {@link #paperFloor} the paper's offset and {@link #PAPER_SIGMAS} deviations around it;
     * in darkness, over the paper's brightness there, or the typical paper's ({@link #typicalPaper}) where it is
     * darker. What the noise deviations measure is mostly the paper estimate's own error and the paper's texture,
     * which dim with the light, not the sensor's grain: divided by a shadow's paper, the floor rose to twice the lit
     * paper's in darkness, and the part of a pencil digit in a shadow fell under it (a 6 across a shadow's border
     * read 1 from its lit loop). Not for a photo that looks again: with the paper's own darkness as the floor, the
     * band along a shadow's soft border, where the estimate lags, would be read on blank paper; with the narrower
     * closing, the desk's soft border beside a digit written up to it would join the digit.
     */
    private double floor(int i, boolean weaker) {
        int less = weaker ? 1 : 0;
        double levels = paperFloor ? offset + (PAPER_SIGMAS - less) * spread : (NOISE_SIGMAS - less) * sigma;
        return levels / Math.max(1f, paperFloor || narrow ? paper[i] : Math.max(paper[i], typicalPaper));
    }

    /** Beyond {@code level} (Otsu's threshold, or the faint-ink one) and the floor. */
    private boolean strong(int i, float level) {
        return dark[i] > Math.max(level, floor(i, false));
    }

    /** Dark enough to extend a component that has strong pixels: halfway to the level, and clear of the floor. */
    private boolean weak(int i, float level) {
        return dark[i] > Math.max(level / 2, floor(i, true));
    }

    /** Whether {@code more} passes would take the photo beyond {@link #MAX_PASSES}. */
    private boolean spent(int more) {
        return passes + more > MAX_PASSES;
    }

    /** Passes over the working plane taken so far (for tests: the work a photo costs, whatever the clock). */
    int passes() {
        return passes;
    }

    /**
     * The work done so far in pixel visits ({@link io.mathsketch.engine.WorkMeter}): every pass over the working
     * plane visits each of its pixels once.
     */
    long work() {
        return (long) passes * width * height;
    }

    private boolean inFringe(int i) {
        return fringe != null && (fringe[i >>> 6] & (1L << i)) != 0;
    }

    /**
     * The noise's standard deviation in luminance: the median absolute deviation of luminance from the paper's
     * brightness (ink is too rare to move a median), on a quarter-level histogram.
     */
    private static float noiseSigma(float[] lum, float[] paper) {
        int bins = 1024;
        int[] histogram = new int[bins];
        for (int i = 0; i < lum.length; i++) {
            int bin = Math.round(Math.abs(paper[i] - lum[i]) * 4);
            histogram[Math.min(bins - 1, bin)]++;
        }
        return Math.max(0.5f, 1.4826f * Histogram.quantile(histogram, lum.length, 0.5) / 4f);
    }

    /**
     * The median of paper minus luminance, on a quarter-level histogram: how far the paper estimate typically lies
     * above the paper (ink is too rare to move a median).
     */
    private static float median(float[] lum, float[] paper) {
        int bins = 2048, zero = bins / 2;
        int[] histogram = new int[bins];
        for (int i = 0; i < lum.length; i++) {
            histogram[Math.max(0, Math.min(bins - 1, Math.round((paper[i] - lum[i]) * 4) + zero))]++;
        }
        return (Histogram.quantile(histogram, lum.length, 0.5) - zero) / 4f;
    }

    /**
     * One robust standard deviation of paper minus luminance around {@code offset}: the median absolute deviation
     * from it, on a quarter-level histogram (around zero, as {@link #noiseSigma} measures, the offset counts too).
     */
    private static float deviation(float[] lum, float[] paper, float offset) {
        int bins = 1024;
        int[] histogram = new int[bins];
        for (int i = 0; i < lum.length; i++) {
            histogram[Math.min(bins - 1, Math.round(Math.abs(paper[i] - lum[i] - offset) * 4))]++;
        }
        return Math.max(0.5f, 1.4826f * Histogram.quantile(histogram, lum.length, 0.5) / 4f);
    }

    int factor() {
        return factor;
    }

    /**
     * Working row {@code y}'s area averages by {@code factor} over columns {@code x0..x1} into {@code out} (from 0):
     * the row {@link #downscale} would give.
     */
    private void downscaleRow(int y, int x0, int x1, float[] out) {
        byte[] lum = image.lum();
        int sw = image.width(), sh = image.height();
        for (int x = x0; x <= x1; x++) {
            int sum = 0, count = 0;
            for (int sy = y * factor; sy < Math.min(sh, (y + 1) * factor); sy++) {
                for (int sx = x * factor, s = sy * sw + sx; sx < Math.min(sw, (x + 1) * factor); sx++, s++) {
                    sum += lum[s] & 0xFF;
                    count++;
                }
            }
            out[x - x0] = lightInk ? 255f - (float) sum / count : (float) sum / count;
        }
    }

    /** Area average by {@code factor}, as floats, into {@code out}. */
    private void downscale(DecodedImage image, float[] out) {
        byte[] lum = image.lum();
        int sw = image.width(), sh = image.height();
        if (factor == 1) {
            for (int i = 0; i < out.length; i++) {
                out[i] = lum[i] & 0xFF;
            }
            return;
        }
        java.util.Arrays.fill(out, 0f);
        int[] count = new int[width * height];
        for (int y = 0; y < sh; y++) {
            int row = (y / factor) * width;
            for (int x = 0, s = y * sw; x < sw; x++, s++) {
                out[row + x / factor] += lum[s] & 0xFF;
                count[row + x / factor]++;
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= count[i];
        }
    }

    /**
     * A 3x3 box average in place: sensor grain drops to a third while a stroke two pixels wide survives, so the
     * threshold can sit closer to the paper (pencil on grey paper in a shadow is only a few grain levels darker).
     */
    private static void smooth3(float[] plane, int w, int h) {
        float[] row = new float[w];
        for (int y = 0; y < h; y++) {
            int r = y * w;
            for (int x = 0; x < w; x++) {
                float a = plane[r + Math.max(0, x - 1)], b = plane[r + x], c = plane[r + Math.min(w - 1, x + 1)];
                row[x] = (a + b + c) / 3f;
            }
            System.arraycopy(row, 0, plane, r, w);
        }
        float[] above = new float[w], current = new float[w];
        System.arraycopy(plane, 0, above, 0, w);
        for (int y = 0; y < h; y++) {
            int r = y * w;
            System.arraycopy(plane, r, current, 0, w);
            int below = Math.min(h - 1, y + 1) * w;
            for (int x = 0; x < w; x++) {
                plane[r + x] = (above[x] + current[x] + plane[below + x]) / 3f;
            }
            float[] swap = above;
            above = current;
            current = swap;
        }
    }

    /**
     * The paper's brightness at every working pixel: cell means (unbiased on a lighting ramp, unlike maxima), a
     * grey-level closing that fills every dark feature narrower than the closing (strokes, specks) and keeps
     * monotonic ramps and edges where they are, and bilinear interpolation between cell centres.
     */
    private void paper(float[] lum, int closingRadius, float[] out) {
        int gw = (width + cell - 1) / cell, gh = (height + cell - 1) / cell;
        // Two grids only (the means, closed in place, and a scratch one): a blank photo is measured up to four times.
        float[] grid = new float[gw * gh], scratch = new float[gw * gh];
        for (int y = 0; y < height; y++) {
            int g = (y / cell) * gw;
            for (int x = 0, i = y * width; x < width; x++, i++) {
                grid[g + x / cell] += lum[i];
            }
        }
        for (int gy = 0, g = 0; gy < gh; gy++) {
            int rows = Math.min(height, (gy + 1) * cell) - gy * cell;
            for (int gx = 0; gx < gw; gx++, g++) {
                grid[g] /= rows * (Math.min(width, (gx + 1) * cell) - gx * cell);
            }
        }
        filter(grid, scratch, gw, gh, closingRadius, true);
        filter(grid, scratch, gw, gh, closingRadius, false);
        Bilinear.enlarge(grid, gw, gh, cell, out, width, height);
    }

    /**
     * Separable square maximum ({@code max}) or minimum filter of the given radius, in place through {@code scratch}.
     */
    private static void filter(float[] plane, float[] scratch, int w, int h, int radius, boolean max) {
        filterLines(plane, scratch, h, w, w, 1, radius, max);
        filterLines(scratch, plane, w, h, 1, w, radius, max);
    }

    /**
     * One axis of {@link #filter}: {@code lines} lines of {@code length} pixels, line {@code i} starting at
     * {@code i * lineStride} with its pixels {@code step} apart (rows: stride w, step 1; columns: stride 1, step w).
     */
    private static void filterLines(float[] in, float[] out, int lines, int length, int lineStride, int step,
                                    int radius, boolean max) {
        for (int line = 0; line < lines; line++) {
            int start = line * lineStride;
            for (int j = 0; j < length; j++) {
                float best = in[start + j * step];
                for (int k = Math.max(0, j - radius); k <= Math.min(length - 1, j + radius); k++) {
                    float v = in[start + k * step];
                    best = max ? Math.max(best, v) : Math.min(best, v);
                }
                out[start + j * step] = best;
            }
        }
    }

    /** Otsu's threshold of a histogram: the level that best separates it into two classes. */
    private static int otsu(int[] histogram, int total) {
        double sum = 0;
        for (int v = 0; v < histogram.length; v++) {
            sum += (double) v * histogram[v];
        }
        double sumBelow = 0, bestBetween = -1;
        long below = 0;
        int best = 0;
        for (int t = 0; t < histogram.length - 1; t++) {
            below += histogram[t];
            sumBelow += (double) t * histogram[t];
            long above = total - below;
            if (below == 0 || above == 0) {
                continue;
            }
            double meanBelow = sumBelow / below, meanAbove = (sum - sumBelow) / above;
            double between = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
            if (between > bestBetween) {
                bestBetween = between;
                best = t;
            }
        }
        return best;
    }

    /**
     * The digit: the kept components around the largest stroke (or, when a dark mark at the frame's edge lies beside
     * them, around them once the marks are taken out, if the digit grows so), mapped to ink, cropped to their box
     * (working resolution). Null when nothing ink-like is left.
     */
    InkImage digit() {
        Components c = components();
        if (page && !spent(1) && takeOutBoxes(c)) {
            c = new Components(c.level, c);
        }
        int[] box = new int[4];
        boolean[] keep = kept(c, box);
        if (keep == null) {
            return null;
        }
        InkImage found = c.ink(keep, box);
        if (edgeMarkBeside(c, box)) {
            // A digit written up to the desk and found apart from it still lost the part that touches it: joined to
            // the desk, that part reached the frame's edge and was dropped with it (a 3 read 2 from its upper half).
            // Take the dark marks out as for a blank photo, the darkest first, so as little as needed goes; what was
            // found (its ink already made, so the label plane is free) stays unless the digit grows around it.
            Components d = c;
            float level = c.level;
            for (float mark = 1 / STRICTER; mark > Math.max(level, DARKER_THAN_INK) && !spent(EDGE_MARK_PASSES);
                    mark /= STRICTER) {
                d = withoutEdgeMarks(mark, level, d);
                int[] grown = new int[4];
                boolean[] more = kept(d, grown);
                if (more != null && holds(grown, box)) {
                    return d.ink(more, grown);
                }
            }
        }
        return found;
    }

    /**
     * Takes out the sides of each printed box among the {@link #PRINTED_CHECKS} largest candidates at least a digit's
     * span each way and at most a {@link #MARK_SHARE_INVERSE}-th of the frame ({@link Components#box}; a straight 1 is
     * a thin box), so that the work stays within a pass: a form's box around
     * the digit is the page's largest mark, read as 0 with the digit inside it, and joins the digit where the ink
     * touches it. Only the box's own pixels within its sides' lines go, so a digit touching it loses only what lies
     * on the line. Whether any did; the labels are then stale.
     */
    private boolean takeOutBoxes(Components c) {
        int span = Math.min(width, height) / minShareInverse, most = Math.min(width, height) / MARK_SHARE_INVERSE;
        boolean any = false;
        int checks = 0;
        for (int k : c.bySize()) {
            int w = c.maxX[k] - c.minX[k], h = c.maxY[k] - c.minY[k];
            if (checks == PRINTED_CHECKS || c.strong[k] == 0) {
                break;
            }
            if (c.candidate(k) && w >= span && h >= span && w <= most && h <= most) {
                checks++;
                if (c.box(k)) {
                    c.takeOutSides(k);
                    any = true;
                }
            }
        }
        return any;
    }

    /**
     * The components kept as the digit (by component, null when there is no digit) and their box into {@code box}:
     * the largest stroke and, largest first, each piece near what is kept so far (a broken 4 or 5, not a far speck).
     */
    private static boolean[] kept(Components c, int[] box) {
        int main = c.largest();
        if (main < 0) {
            return null;
        }
        boolean[] keep = new boolean[c.count];
        keep[main] = true;
        box[0] = c.minX[main];
        box[1] = c.minY[main];
        box[2] = c.maxX[main];
        box[3] = c.maxY[main];
        // A piece of a stroke is at least about a stroke's width square; specks are smaller than that.
        double side = Math.max(c.maxX[main] - c.minX[main], c.maxY[main] - c.minY[main]) + 1;
        double minPiece = Math.max(SPECK_SHARE * c.strong[main], side * side / 225);
        keepBeside(c, c.bySize(), keep, box, k -> c.piece(k, minPiece) && !c.printed(k), false);
        return keep;
    }

    /** Whether {@code grown} holds all of {@code box} and more. */
    private static boolean holds(int[] grown, int[] box) {
        return grown[0] <= box[0] && grown[1] <= box[1] && grown[2] >= box[2] && grown[3] >= box[3]
                && (grown[0] < box[0] || grown[1] < box[1] || grown[2] > box[2] || grown[3] > box[3]);
    }

    /**
     * Whether a mark at the frame's edge, darker than ink somewhere ({@link #DARKER_THAN_INK}), lies within the reach
     * a piece of the digit joins from ({@link #keepBeside}) of the kept {@code box}: the desk beside a digit written up
     * to it. One read of the box's surroundings.
     */
    private boolean edgeMarkBeside(Components c, int[] box) {
        int reach = Math.max(box[2] - box[0], box[3] - box[1]) / 4 + 1;
        int x0 = Math.max(0, box[0] - reach), x1 = Math.min(width - 1, box[2] + reach);
        int y0 = Math.max(0, box[1] - reach), y1 = Math.min(height - 1, box[3] + reach);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0, i = y * width + x0; x <= x1; x++, i++) {
                int l = c.label[i];
                if (l >= 0 && c.edge[l] && dark[i] > DARKER_THAN_INK) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A written line (a number): the largest stroke and, largest first, every piece of a stroke beside what is kept
     * so far, mapped to ink over the whole working image. Beside is within the kept ink's height horizontally (the
     * widest gap between a number's digits) and overlapping its rows widened by a quarter of its height; a piece is
     * at least a stroke's width square, as in {@link #digit}. So the specks and marks that {@link #page} keeps because
     * they are not tiny next to the largest stroke, but lie off the line or are far smaller than a line's digits, are
     * left out, where a number's segmentation would read them as digits.
     */
    InkImage line() {
        return line(false);
    }

    /**
     * A written expression: {@link #line()}, and also every mark of the ink whose vertical centre lies within the kept
     * line's rows and that is at least a pen's width across and half a pen's width square in strong pixels, however
     * small or flat next to the largest stroke: a minus, a times dot, a decimal point, the bars of = and the dots of
     * ÷, which the fifth-of-height rule drops. Specks off the line's rows are still left out.
     */
    InkImage expressionLine() {
        return line(true);
    }

    private InkImage line(boolean operators) {
        Components c = components();
        int main = c.largest();
        if (main < 0) {
            return new InkImage(width, height, new float[width * height]);
        }
        boolean[] keep = new boolean[c.count];
        keep[main] = true;
        int[] box = {c.minX[main], c.minY[main], c.maxX[main], c.maxY[main]};
        double side = c.maxY[main] - c.minY[main] + 1;
        double minPiece = Math.max(SPECK_SHARE * c.strong[main], side * side / 225);
        keepBeside(c, c.bySize(), keep, box,
                k -> (c.piece(k, minPiece) && c.extent(k) >= side / 5) || (operators && operator(c, k, box, side)),
                true);
        return c.ink(keep, new int[] {0, 0, width - 1, height - 1}, operators);
    }

    /**
     * Grows the kept ink: largest first ({@code order}), each admitted component beside the kept box joins it and
     * widens it, until none joins. Beside a digit ({@code alongLine} false) is within a quarter of the box's longer
     * side every way; beside a line, within its height horizontally and a quarter of it vertically.
     */
    private static void keepBeside(Components c, Integer[] order, boolean[] keep, int[] box, IntPredicate admitted,
                                   boolean alongLine) {
        boolean grown = true;
        while (grown) {
            grown = false;
            for (int k : order) {
                if (keep[k] || !admitted.test(k)) {
                    continue;
                }
                int reachX, reachY;
                if (alongLine) {
                    int lineHeight = box[3] - box[1] + 1;
                    reachX = lineHeight;
                    reachY = lineHeight / 4 + 1;
                } else {
                    reachX = reachY = Math.max(box[2] - box[0], box[3] - box[1]) / 4 + 1;
                }
                if (c.minX[k] <= box[2] + reachX && c.maxX[k] >= box[0] - reachX && c.minY[k] <= box[3] + reachY
                        && c.maxY[k] >= box[1] - reachY) {
                    keep[k] = true;
                    box[0] = Math.min(box[0], c.minX[k]);
                    box[1] = Math.min(box[1], c.minY[k]);
                    box[2] = Math.max(box[2], c.maxX[k]);
                    box[3] = Math.max(box[3], c.maxY[k]);
                    grown = true;
                }
            }
        }
    }

    /** Whether candidate {@code k} can be an operator of the line kept so far ({@link #expressionLine}). */
    private static boolean operator(Components c, int k, int[] box, double side) {
        int centreY = (c.minY[k] + c.maxY[k]) / 2;
        double pen = Math.max(2, side / PEN_WIDTHS_PER_STROKE);
        return c.candidate(k) && centreY >= box[1] && centreY <= box[3]
                && c.strong[k] >= Math.max(MIN_STROKE_PIXELS, pen * pen / 2) && c.extent(k) >= pen;
    }

    /** Every kept component (all but edge marks and specks), mapped to ink over the whole working image. */
    InkImage page() {
        Components c = components();
        int main = c.largest();
        boolean[] keep = new boolean[Math.max(1, c.count)];
        if (main < 0) {
            return new InkImage(width, height, new float[width * height]);
        }
        for (int k = 0; k < c.count; k++) {
            keep[k] = c.candidate(k) && c.strong[k] >= SPECK_SHARE * c.strong[main];
        }
        return c.ink(keep, new int[] {0, 0, width - 1, height - 1});
    }

    /**
     * The components {@link #levels} finds; when it finds no digit, those it finds in the photo measured again with a
     * closing {@link #NARROWER} times narrower; when that finds none either, both again with the paper's own darkness
     * as the floor.
     */
    private Components components() {
        Components c = closings(null);
        if (c.largest() < 0 && !spent(MEASURE_PASSES + 1)) {
            // A light pencil stroke on dark grainy paper lies under the noise floor, which counts the paper estimate's
            // offset as noise. Only what would be blank looks again: above the paper's own darkness the estimate's lag
            // (at a shadow's border, at the desk) also shows, which the noise floor keeps out of every other photo.
            paperFloor = true;
            otsu = measure(CLOSING_RADIUS);
            c = closings(c);
        }
        return c;
    }

    /**
     * The components {@link #levels} finds in the photo as last measured; when it finds no digit, those it finds in the
     * photo measured again with a closing {@link #NARROWER} times narrower. In {@code discarded}'s plane when given.
     */
    private Components closings(Components discarded) {
        Components c = levels(discarded);
        if (c.largest() < 0 && !spent(MEASURE_PASSES + 1)) {
            // Where a shadow's border meets the frame's edge at an acute angle, the closing cannot reach into the
            // shadow's tip: the paper there is taken for lit, and the tip reads as a dark blob at the frame's edge
            // that swallows a digit written beside it, at every level. A narrower closing follows the tip closely
            // and still fills strokes (a digit is read when its strokes are narrower than the closing).
            otsu = measure(CLOSING_RADIUS / NARROWER);
            c = levels(c);
        }
        return c;
    }

    /**
     * The components at Otsu's threshold, or at the faint-ink one when that finds no stroke, or else at stricter
     * levels ({@link #STRICTER} times the last, up to full darkness), or else without dark edge marks, until one finds
     * a stroke; in {@code discarded}'s plane when given.
     */
    private Components levels(Components discarded) {
        Components c = new Components(otsu, discarded);
        if (c.largest() < 0 && otsu > FAINT_INK && !spent(1)) {
            // Something far darker than the ink (the desk, a black frame) set Otsu's threshold above a pencil line.
            c = new Components(FAINT_INK, c);
        }
        if (c.largest() < 0 && c.level <= Math.min(otsu, FAINT_INK) && !c.mayHoldDigit()) {
            // Every later level is at least this one and takes pixels out, never in: each of its components lies
            // within one of these, so none can span or hold more. Specks by the thousand end here.
            return c;
        }
        // Faint marks that cross the whole sheet (the printed lines of squared or ruled paper) and the ink that
        // touches them make one component reaching the frame's edge, dropped as an edge mark with the digit in it:
        // a stricter level leaves the fainter lines out and keeps the ink. Only what would be blank looks further.
        for (float level = Math.max(otsu, FAINT_INK) * STRICTER; c.largest() < 0 && level < 1 && !spent(1);
                level *= STRICTER) {
            c = new Components(level, c);
        }
        // A digit written up to the desk (or any mark far darker than ink that reaches the frame's edge) joins it and
        // is dropped with it at every level: take the mark out down to a level the ink does not reach, then look
        // again; the darkest marks first, so as little as needed is taken out. Only what would be blank looks this far.
        for (float mark = 1 / STRICTER; c.largest() < 0 && mark > Math.max(otsu, DARKER_THAN_INK)
                && !spent(EDGE_MARK_PASSES); mark /= STRICTER) {
            c = withoutEdgeMarks(mark, otsu, c);
        }
        return c;
    }

    /**
     * Takes out every pixel of a mark beyond {@code mark} that reaches the frame's edge, strong pixels only (a fainter
     * stroke touching it stays out), and {@link #MARK_MARGIN} pixels around it (its blurred border), marks the
     * {@link #MARK_FRINGE} pixels around it as its fringe (for this and every later mark level), then labels at
     * {@code level}, or at the faint-ink level when that finds nothing, in {@code discarded}'s plane.
     */
    private Components withoutEdgeMarks(float mark, float level, Components discarded) {
        Components marks = new Components(mark, discarded, false);
        int[] distance = marks.label;
        boolean any = false;
        for (int k = 0; k < marks.count; k++) {
            any |= marks.edge[k];
        }
        if (any) {
            // The label plane becomes the distance to the nearest edge mark, then the next labelling's plane.
            for (int i = 0; i < distance.length; i++) {
                distance[i] = distance[i] >= 0 && marks.edge[distance[i]] ? 0 : Integer.MAX_VALUE / 2;
            }
            passes++;
            chessboardDistance(distance, width, height);
            if (fringe == null) {
                fringe = new long[(distance.length + 63) >>> 6];
            }
            // Counted with the distance transform: a read of the plane beside its two sweeps.
            float[] border = borderProfile(distance, Math.min(level, FAINT_INK) / 2);
            for (int i = 0; i < distance.length; i++) {
                int d = distance[i];
                if (d <= MARK_MARGIN
                        || border != null && d <= MARK_FRINGE && dark[i] != TAKEN_OUT && dark[i] <= border[d]) {
                    dark[i] = TAKEN_OUT;
                }
                if (distance[i] <= MARK_FRINGE) {
                    fringe[i >>> 6] |= 1L << i;
                }
            }
        }
        Components c = new Components(level, marks);
        if (c.largest() < 0 && level > FAINT_INK) {
            c = new Components(FAINT_INK, c);
        }
        return c;
    }

    /**
     * Per distance d = 1..{@link #MARK_FRINGE} from the edge marks ({@code distance}, chessboard), the darkness up to
     * which a pixel there is the marks' soft border: the median darkness at that distance (the border runs the whole
     * mark's length; ink touching it is a short part of it) and {@link #BORDER_SIGMAS} robust deviations around it.
     * Left beyond the {@link #MARK_MARGIN}, the border is a line one or two pixels wide along the desk, as dark as
     * pencil where it is nearest, and it joins a digit written up to the desk (a 7 whose bar touched it was read 3, the
     * line as wide as the frame in its box); a stroke there is darker than the border a pixel or two out. Null, and
     * only the margin taken out, unless the border is clean: every ring's spread within {@link #BORDER_NOISE} noise
     * deviations and the last one paper, below {@code paperBelow}. Where the mark level took only part of the desk
     * the rings run through the desk itself, and taking them out left pieces of it read as a digit where the photo
     * was blank at that level and read right later.
     */
    private float[] borderProfile(int[] distance, float paperBelow) {
        int bins = 1024;
        int[][] histograms = new int[MARK_FRINGE + 1][bins];
        int[] counts = new int[MARK_FRINGE + 1];
        for (int i = 0; i < distance.length; i++) {
            int d = distance[i];
            if (d >= 1 && d <= MARK_FRINGE && dark[i] != TAKEN_OUT) {
                histograms[d][Math.min(bins - 1, (int) (dark[i] * (bins - 1)))]++;
                counts[d]++;
            }
        }
        float[] border = new float[MARK_FRINGE + 1];
        float last = 1;
        for (int d = 1; d <= MARK_FRINGE; d++) {
            if (counts[d] == 0) {
                return null;
            }
            int median = Histogram.quantile(histograms[d], counts[d], 0.5);
            int[] deviations = new int[bins];
            for (int v = 0; v < bins; v++) {
                deviations[Math.abs(v - median)] += histograms[d][v];
            }
            float deviation = 1.4826f * Histogram.quantile(deviations, counts[d], 0.5) / (bins - 1);
            if (deviation > BORDER_NOISE * sigma / Math.max(1f, typicalPaper)) {
                return null;
            }
            border[d] = (float) median / (bins - 1) + BORDER_SIGMAS * deviation;
            last = (float) median / (bins - 1);
        }
        return last < paperBelow ? border : null;
    }

    /**
     * The darkness of the luminance smoothed once by the 3x3 box (as {@link #smooth3} smooths the working plane), or
     * unsmoothed for an expression's line ({@link #SEPARATING_SHARE}), row by row over columns {@code x0..x1}, from
     * three downscaled rows at a time: the ink's values without another plane of the working image's size (the
     * decode budget counts every byte a request allocates per pixel).
     */
    private final class InkRows {
        private final int x0, x1, from, to;
        /** Downscaled rows over columns {@code from..to}, the last three asked for, row {@code r} in slot r % 3. */
        private final float[][] raw = new float[3][];
        private final int[] rawRow = {-1, -1, -1};
        private final float[] out;

        /** Whether a row's darkness is of the plane smoothed once (the 3x3 box), or of the working plane itself. */
        private final boolean smoothed;

        InkRows(int x0, int x1) {
            this(x0, x1, true);
        }

        InkRows(int x0, int x1, boolean smoothed) {
            this.smoothed = smoothed;
            this.x0 = x0;
            this.x1 = x1;
            this.from = Math.max(0, x0 - 1);
            this.to = Math.min(width - 1, x1 + 1);
            for (int k = 0; k < 3; k++) {
                raw[k] = new float[to - from + 1];
            }
            out = new float[x1 - x0 + 1];
        }

        /** Row {@code y}'s darkness over {@code x0..x1} (from 0), valid until the next call. */
        float[] darkness(int y) {
            if (!smoothed) {
                float[] current = row(y);
                for (int x = x0; x <= x1; x++) {
                    float p = Math.max(1f, paper[y * width + x]);
                    out[x - x0] = Math.max(0f, Math.min(1f, 1f - current[x - from] / p));
                }
                return out;
            }
            float[] above = row(Math.max(0, y - 1)), current = row(y), below = row(Math.min(height - 1, y + 1));
            for (int x = x0; x <= x1; x++) {
                float sum = 0;
                for (int xx = Math.max(0, x - 1); xx <= x + 1; xx++) {
                    int j = Math.min(width - 1, xx) - from;
                    sum += above[j] + current[j] + below[j];
                }
                if (x == 0) {
                    sum += above[0] + current[0] + below[0]; // the clamped left neighbour
                }
                float p = Math.max(1f, paper[y * width + x]);
                out[x - x0] = Math.max(0f, Math.min(1f, 1f - sum / 9f / p));
            }
            return out;
        }

        private float[] row(int y) {
            int slot = y % 3;
            if (rawRow[slot] != y) {
                downscaleRow(y, from, to, raw[slot]);
                rawRow[slot] = y;
            }
            return raw[slot];
        }
    }

    /** Two-pass chessboard distance to the nearest 0 of {@code d}, in place (other values start large). */
    private static void chessboardDistance(int[] d, int w, int h) {
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                int v = d[i];
                if (x > 0) {
                    v = Math.min(v, d[i - 1] + 1);
                }
                if (y > 0) {
                    v = Math.min(v, d[i - w] + 1);
                    if (x > 0) {
                        v = Math.min(v, d[i - w - 1] + 1);
                    }
                    if (x < w - 1) {
                        v = Math.min(v, d[i - w + 1] + 1);
                    }
                }
                d[i] = v;
            }
        }
        for (int y = h - 1, i = w * h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--, i--) {
                int v = d[i];
                if (x < w - 1) {
                    v = Math.min(v, d[i + 1] + 1);
                }
                if (y < h - 1) {
                    v = Math.min(v, d[i + w] + 1);
                    if (x < w - 1) {
                        v = Math.min(v, d[i + w + 1] + 1);
                    }
                    if (x > 0) {
                        v = Math.min(v, d[i + w - 1] + 1);
                    }
                }
                d[i] = v;
            }
        }
    }

    /**
     * Connected components (8-neighbourhood) of {@link #weak} pixels that hold at least one {@link #strong} pixel
     * (hysteresis: a pencil line's faint gaps do not break it), for a threshold level.
     * Two passes with union-find over one int plane, which a later level may take over.
     */
    private final class Components {
        final int[] label;
        /** The threshold labelled at. */
        final float level;
        int count;
        int[] area, strong, minX, minY, maxX, maxY;
        /** Reaching the frame's edge; lying wholly in an edge mark's {@link #fringe}; reaching into it. */
        boolean[] edge, inFringe, touchesFringe;
        /** {@link #largest}, once found ({@link #UNKNOWN} before). */
        private int largest = UNKNOWN;
        /** Per component, whether it is {@link #printed} (1), not (-1) or not yet looked at (0); null until asked. */
        private byte[] printed;

        Components(float level) {
            this(level, null);
        }

        Components(float level, Components discarded) {
            this(level, discarded, true);
        }

        /**
         * At {@code level}, labelling into {@code discarded}'s plane (which it then no longer has) when given; without
         * {@code hysteresis}, of strong pixels only.
         */
        Components(float level, Components discarded, boolean hysteresis) {
            this.level = level;
            passes++;
            if (discarded == null) {
                label = new int[width * height];
            } else {
                label = discarded.label;
                java.util.Arrays.fill(label, 0);
            }
            int[] parent = new int[64];
            int next = 1;
            for (int y = 0, i = 0; y < height; y++) {
                for (int x = 0; x < width; x++, i++) {
                    if (hysteresis ? !weak(i, level) : !strong(i, level)) {
                        continue;
                    }
                    int l = 0;
                    // Already-labelled neighbours: left, and the three above.
                    // (Checked one by one, not through an array of them: no allocation per ink pixel.)
                    if (x > 0) {
                        l = join(parent, l, label[i - 1]);
                    }
                    if (y > 0) {
                        if (x > 0) {
                            l = join(parent, l, label[i - width - 1]);
                        }
                        l = join(parent, l, label[i - width]);
                        if (x < width - 1) {
                            l = join(parent, l, label[i - width + 1]);
                        }
                    }
                    if (l == 0) {
                        if (next == parent.length) {
                            parent = java.util.Arrays.copyOf(parent, parent.length * 2);
                        }
                        parent[next] = next;
                        l = next++;
                    }
                    label[i] = l;
                }
            }
            // Dense component numbers 0..count-1 for every root.
            int[] dense = new int[next];
            for (int l = 1; l < next; l++) {
                int r = root(parent, l);
                if (r == l) {
                    dense[l] = count++;
                }
            }
            area = new int[count];
            strong = new int[count];
            minX = new int[count];
            minY = new int[count];
            maxX = new int[count];
            maxY = new int[count];
            edge = new boolean[count];
            inFringe = new boolean[count];
            touchesFringe = new boolean[count];
            java.util.Arrays.fill(inFringe, fringe != null);
            java.util.Arrays.fill(minX, Integer.MAX_VALUE);
            java.util.Arrays.fill(minY, Integer.MAX_VALUE);
            java.util.Arrays.fill(maxX, -1);
            java.util.Arrays.fill(maxY, -1);
            for (int y = 0, i = 0; y < height; y++) {
                for (int x = 0; x < width; x++, i++) {
                    if (label[i] == 0) {
                        label[i] = -1;
                        continue;
                    }
                    int k = dense[root(parent, label[i])];
                    label[i] = k;
                    area[k]++;
                    if (strong(i, level)) {
                        strong[k]++;
                    }
                    minX[k] = Math.min(minX[k], x);
                    maxX[k] = Math.max(maxX[k], x);
                    minY[k] = Math.min(minY[k], y);
                    maxY[k] = Math.max(maxY[k], y);
                    if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
                        edge[k] = true;
                    }
                    boolean near = inFringe(i);
                    touchesFringe[k] |= near;
                    if (inFringe[k] && !near) {
                        inFringe[k] = false;
                    }
                }
            }
        }

        /**
         * The label of a pixel whose component so far is {@code l} (0: none yet) once joined with a neighbour
         * labelled {@code n} (0: not ink): the smaller root of the two, the other root pointed at it.
         */
        private static int join(int[] parent, int l, int n) {
            if (n == 0) {
                return l;
            }
            int r = root(parent, n);
            if (l == 0 || r == l) {
                return r;
            }
            parent[Math.max(r, l)] = Math.min(r, l);
            return Math.min(r, l);
        }

        private static int root(int[] parent, int l) {
            while (parent[l] != l) {
                parent[l] = parent[parent[l]];
                l = parent[l];
            }
            return l;
        }

        /**
         * Whether a component can be ink at all: some pixel beyond the threshold, not a mark at the frame's edge and
         * not the fringe of one taken out.
         */
        boolean candidate(int k) {
            return strong[k] > 0 && !edge[k] && !inFringe[k];
        }

        /**
         * Whether a candidate is a stroke or a piece of one: a stroke has a core of strong pixels along its whole
         * length, so at least as many strong pixels as its longer side. On the smoothed plane a faint area that crosses
         * the level in a few places (an island of a squared paper's grid in a shadow, a shadow's soft border where the
         * paper estimate lags, a grey band along the desk) holds together as one component, its strong pixels a few
         * spots in it.
         */
        boolean stroke(int k) {
            return candidate(k) && strong[k] >= extent(k);
        }

        /**
         * Whether a candidate near the digit can be a piece of it: a stroke with at least {@code minPiece} strong
         * pixels, or, clear of an edge mark's fringe, one whose pixels dark enough to extend a stroke number
         * {@code minPiece} and twice its longer side. The part of a digit across a shadow's border lies under a floor
         * twice as high in darkness as the lit part's (the same grain over half the light), so few of its pixels are
         * strong and it failed the stroke rule: a 3 was read from its lower curve alone. The desk's soft border is
         * such a faint line too, but it reaches into the fringe of the desk taken out.
         */
        boolean piece(int k, double minPiece) {
            return candidate(k) && (stroke(k) && strong[k] >= minPiece
                    || !touchesFringe[k] && area[k] >= Math.max(minPiece, 2 * extent(k)));
        }

        /**
         * On a page ({@link #forPage}), whether a mark is not handwriting: a filled round or square blob (a filing
         * hole the black bed shows through, most of its box dark), never a stroke.
         */
        boolean printed(int k) {
            if (!page) {
                return false;
            }
            int w = maxX[k] - minX[k] + 1, h = maxY[k] - minY[k] + 1;
            if (area[k] < BLOB_SHARE * w * h || Math.max(w, h) >= BLOB_ASPECT * Math.min(w, h)
                    || Math.max(w, h) > Math.min(width, height) / MARK_SHARE_INVERSE) {
                return false;
            }
            if (printed == null) {
                printed = new byte[count];
            }
            if (printed[k] == 0) {
                printed[k] = (byte) (solid(k, w, h) ? 1 : -1);
            }
            return printed[k] > 0;
        }

        /**
         * Whether component {@code k} ({@code w x h}) is solid to the middle. One distance transform of its box, at
         * most a {@link #MARK_SHARE_INVERSE}-th of the frame each way, once per component.
         */
        private boolean solid(int k, int w, int h) {
            // Solid to the middle: a disk's core lies half its width from its outline, a stroke's (however blurred,
            // a digit's loops filled in) a few pixels.
            int[] d = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean inside = x > 0 && y > 0 && x < w - 1 && y < h - 1
                            && label[(minY[k] + y) * width + minX[k] + x] == k;
                    d[y * w + x] = inside ? Integer.MAX_VALUE / 2 : 0;
                }
            }
            chessboardDistance(d, w, h);
            int core = 0;
            for (int v : d) {
                core = Math.max(core, v);
            }
            return core >= BLOB_CORE * Math.min(w, h);
        }

        /**
         * Whether a component is a printed box: its ink runs along at least {@link #BOX_SIDE_SHARE} of each of its
         * box's four sides, within an eighth of its shorter side of it. A handwritten 0 does not (a circle's chord an
         * eighth in is two thirds of it), nor any other digit. One read of the component's box.
         */
        boolean box(int k) {
            int w = maxX[k] - minX[k] + 1, h = maxY[k] - minY[k] + 1;
            int band = Math.max(2, Math.min(w, h) / 8);
            boolean[] top = new boolean[w], bottom = new boolean[w], left = new boolean[h], right = new boolean[h];
            for (int y = minY[k]; y <= maxY[k]; y++) {
                for (int x = minX[k], i = y * width + x; x <= maxX[k]; x++, i++) {
                    if (label[i] != k) {
                        continue;
                    }
                    top[x - minX[k]] |= y - minY[k] < band;
                    bottom[x - minX[k]] |= maxY[k] - y < band;
                    left[y - minY[k]] |= x - minX[k] < band;
                    right[y - minY[k]] |= maxX[k] - x < band;
                }
            }
            return covered(top) && covered(bottom) && covered(left) && covered(right);
        }

        private static boolean covered(boolean[] side) {
            int n = 0;
            for (boolean b : side) {
                n += b ? 1 : 0;
            }
            return n >= BOX_SIDE_SHARE * side.length;
        }

        /**
         * Takes a box's sides out of the darkness plane: the component's pixels in the rows (columns) from each side
         * inwards while a row (column) holds the component along nearly all the box (the printed line, however it is
         * skewed).
         */
        void takeOutSides(int k) {
            int w = maxX[k] - minX[k] + 1, h = maxY[k] - minY[k] + 1;
            int[] rows = new int[h], columns = new int[w];
            for (int y = minY[k]; y <= maxY[k]; y++) {
                for (int x = minX[k], i = y * width + x; x <= maxX[k]; x++, i++) {
                    if (label[i] == k) {
                        rows[y - minY[k]]++;
                    }
                }
            }
            int top = line(rows, w, false), bottom = line(rows, w, true);
            // Columns between the top and bottom lines only: those lines would fill every column a few pixels.
            for (int y = minY[k] + top; y <= maxY[k] - bottom; y++) {
                for (int x = minX[k], i = y * width + x; x <= maxX[k]; x++, i++) {
                    if (label[i] == k) {
                        columns[x - minX[k]]++;
                    }
                }
            }
            int inner = Math.max(1, h - top - bottom);
            int left = line(columns, inner, false), right = line(columns, inner, true);
            for (int y = minY[k]; y <= maxY[k]; y++) {
                for (int x = minX[k], i = y * width + x; x <= maxX[k]; x++, i++) {
                    if (label[i] == k && (y - minY[k] < top || maxY[k] - y < bottom || x - minX[k] < left
                            || maxX[k] - x < right)) {
                        dark[i] = TAKEN_OUT;
                    }
                }
            }
        }

        /**
         * How many rows (columns) from one end of {@code counts} are a side's line: up to {@link #SKEW_ROWS} partial
         * rows where a skewed line begins, the rows that hold at least {@link #BOX_SIDE_SHARE} of {@code length} (a
         * digit joined to the box, with the two sides, rarely does), and as many partial rows after them as where it
         * ends. 0 when there is no such line.
         */
        private static int line(int[] counts, int length, boolean fromEnd) {
            int n = 0, full = 0;
            while (n < counts.length && n < SKEW_ROWS && counts[at(counts, n, fromEnd)] < BOX_SIDE_SHARE * length) {
                n++;
            }
            while (n < counts.length && counts[at(counts, n, fromEnd)] >= BOX_SIDE_SHARE * length) {
                n++;
                full++;
            }
            return full == 0 ? 0 : Math.min(counts.length, n + SKEW_ROWS);
        }

        private static int at(int[] counts, int n, boolean fromEnd) {
            return fromEnd ? counts.length - 1 - n : n;
        }

        private int extent(int k) {
            return Math.max(maxX[k] - minX[k], maxY[k] - minY[k]) + 1;
        }

        /** The stroke no smaller than a digit with the most pixels beyond the threshold, or -1. */
        int largest() {
            if (largest == UNKNOWN) {
                largest = findLargest();
            }
            return largest;
        }

        /**
         * {@link #largest}: on a page, the largest stroke that is not a blob ({@link #printed}), looked at among the
         * {@link #PRINTED_CHECKS} largest (a page's filing holes and a blob of dust or two); none when all are.
         */
        private int findLargest() {
            int span = Math.min(width, height) / minShareInverse;
            boolean[] blob = page ? new boolean[count] : null;
            for (int checks = 0; ; checks++) {
                int best = -1;
                for (int k = 0; k < count; k++) {
                    if (stroke(k) && extent(k) >= span && (best < 0 || strong[k] > strong[best])
                            && (blob == null || !blob[k])) {
                        best = k;
                    }
                }
                int side = Math.min(width, height) / 100;
                if (best < 0 || strong[best] < Math.max(MIN_STROKE_PIXELS, side * side)) {
                    return -1;
                }
                if (!printed(best)) {
                    return best;
                }
                if (checks + 1 == PRINTED_CHECKS) {
                    return -1;
                }
                blob[best] = true;
            }
        }

        /**
         * Whether some component spans a digit's share of the frame and holds as many strong pixels as a digit's
         * stroke needs ({@link #largest}), wherever it lies: a digit found at a stricter level, or once edge marks are
         * taken out, lies within such a component here.
         */
        boolean mayHoldDigit() {
            int span = Math.min(width, height) / minShareInverse;
            int side = Math.min(width, height) / 100;
            int least = Math.max(span, Math.max(MIN_STROKE_PIXELS, side * side));
            for (int k = 0; k < count; k++) {
                if (extent(k) >= span && strong[k] >= least) {
                    return true;
                }
            }
            return false;
        }

        Integer[] bySize() {
            Integer[] order = new Integer[count];
            for (int k = 0; k < count; k++) {
                order[k] = k;
            }
            java.util.Arrays.sort(order, (a, b) -> Integer.compare(strong[b], strong[a]));
            return order;
        }

        /**
         * Kept components inside {@code box} (inclusive corners) and a one-pixel fringe around them (the stroke's
         * soft edge, below the component threshold), mapped from darkness to ink on the plane smoothed once: two noise
         * deviations are 0 and the typical stroke (the 75th percentile of kept pixels' darkness) is 1.
         */
        InkImage ink(boolean[] keep, int[] box) {
            return ink(keep, box, false);
        }

        /**
         * {@link #ink(boolean[], int[])}, or when {@code separated} from the plane unsmoothed and from
         * {@link #SEPARATING_SHARE} of the typical stroke up, so that strokes a pixel or two apart stay apart.
         */
        InkImage ink(boolean[] keep, int[] box, boolean separated) {
            int x0 = Math.max(0, box[0] - 1), y0 = Math.max(0, box[1] - 1);
            int x1 = Math.min(width - 1, box[2] + 1), y1 = Math.min(height - 1, box[3] + 1);
            int w = x1 - x0 + 1, h = y1 - y0 + 1;
            InkRows rows = new InkRows(x0, x1, !separated);
            int[] strokeHistogram = new int[256];
            int kept = 0;
            for (int y = y0; y <= y1; y++) {
                float[] row = rows.darkness(y);
                for (int x = x0, i = y * width + x0; x <= x1; x++, i++) {
                    if (label[i] >= 0 && keep[label[i]]) {
                        strokeHistogram[Math.min(255, (int) (row[x - x0] * 255f))]++;
                        kept++;
                    }
                }
            }
            float full = Histogram.quantile(strokeHistogram, kept, 0.75) / 255f;
            float[] ink = new float[w * h];
            for (int y = y0; y <= y1; y++) {
                float[] row = rows.darkness(y);
                for (int x = x0; x <= x1; x++) {
                    int i = y * width + x;
                    if (dark[i] == TAKEN_OUT || !nearKept(keep, x, y)) {
                        continue;
                    }
                    float floor = Math.max(2 * inkSigma / Math.max(1f, paper[i]),
                            separated ? SEPARATING_SHARE * full : 0f);
                    float v = (row[x - x0] - floor) / Math.max(0.05f, full - floor);
                    ink[(y - y0) * w + (x - x0)] = Math.max(0f, Math.min(1f, v));
                }
            }
            return new InkImage(w, h, ink);
        }

        private boolean nearKept(boolean[] keep, int x, int y) {
            for (int yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
                for (int xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++) {
                    int l = label[yy * width + xx];
                    if (l >= 0 && keep[l]) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
