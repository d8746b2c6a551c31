package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.image.DecodedImage;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;

/**
 * Decides where the ink of a {@link DecodedImage} is, whatever its colours, polarity or transparency:
 * <ul>
 *   <li>when the border is mostly transparent (a canvas exported without a fill), ink is the alpha, stretched so
 *       the most opaque stroke is full ink: this reads white, black and coloured ink on transparency alike;</li>
 *   <li>otherwise the border's median luminance is the background, ink is whatever departs from it towards the
 *       image's extreme (dark on light or light on dark), stretched so the extreme is full ink.</li>
 * </ul>
 * It reads the decoder's per-row extremes to skip rows without ink, and only the border pixels to decide.
 */
final class InkExtractor {

    /** Below this luminance range (of 255) the image is treated as blank rather than stretching noise into ink. */
    static final int MIN_CONTRAST = BlankInk.MIN_CONTRAST_LEVELS;
    /** Border pixels with alpha below this count as transparent. */
    private static final int TRANSPARENT = 128;
    /**
     * Share of border pixels within one level of the border's median above which the background counts as one
     * flat colour (a drawing exported from a canvas or an editor); a photo's grain, texture and light never get
     * there. Strokes that run off the canvas's edge take a few percent of its border.
     */
    static final double FLAT_BORDER_SHARE = 0.9;
    /** Share of neighbouring border pixel pairs within one level of each other above which a border is a drawing's. */
    static final double SMOOTH_BORDER_SHARE = 0.97;

    private final int width;
    private final int height;
    private final DecodedImage image;
    private final int[] borderHistogram = new int[256];
    private int borderPixels;
    private int borderTransparent;

    InkExtractor(DecodedImage image) {
        this.image = image;
        this.width = image.width();
        this.height = image.height();
        int last = (height - 1) * width;
        for (int x = 0; x < width; x++) {
            border(x);
            if (height > 1) {
                border(last + x);
            }
        }
        for (int y = 1; y < height - 1; y++) {
            border(y * width);
            if (width > 1) {
                border(y * width + width - 1);
            }
        }
    }

    private void border(int i) {
        borderHistogram[image.lum()[i] & 0xFF]++;
        borderPixels++;
        if (image.alpha() != null && (image.alpha()[i] & 0xFF) < TRANSPARENT) {
            borderTransparent++;
        }
    }

    /**
     * Below this many pixels on its shorter side a picture is read by this class's rule whatever its border: it is a
     * crop of one digit, and the photo path's background estimate needs room around the ink.
     */
    static final int MIN_PHOTO_SIDE = 64;

    /**
     * Whether the picture has a flat background, the case this class's rule is for: a transparent border, or a
     * border of one colour. Anything else (a photo of paper) needs {@link PhotoInk}.
     */
    boolean flatBackground() {
        if (Math.min(image.width(), image.height()) < MIN_PHOTO_SIDE) {
            return true; // a crop of one digit (a 28x28 input, a thumbnail), not a photo of a page
        }
        if (image.hasAlpha() && borderTransparent * 2 > borderPixels) {
            return true;
        }
        int median = borderMedian();
        int near = borderHistogram[median] + (median > 0 ? borderHistogram[median - 1] : 0)
                + (median < 255 ? borderHistogram[median + 1] : 0);
        return near >= FLAT_BORDER_SHARE * borderPixels
                || twoLevels() >= FLAT_BORDER_SHARE * borderPixels && smoothBorder();
    }

    /** Border pixels within one level of the border's two most common levels (background and ink). */
    private int twoLevels() {
        int[] window = new int[256];
        for (int v = 0; v < 256; v++) {
            window[v] = borderHistogram[v] + (v > 0 ? borderHistogram[v - 1] : 0)
                    + (v < 255 ? borderHistogram[v + 1] : 0);
        }
        int first = 0;
        for (int v = 1; v < 256; v++) {
            first = window[v] > window[first] ? v : first;
        }
        int second = -1;
        for (int v = 0; v < 256; v++) {
            if (Math.abs(v - first) > 2 && (second < 0 || window[v] > window[second])) {
                second = v;
            }
        }
        return window[first] + (second < 0 ? 0 : window[second]);
    }

    /**
     * Whether neighbouring border pixels are nearly all equal (within one level): true of a drawing however much ink
     * touches its border (runs of background and runs of ink, a few anti-aliased steps between), not of a photo,
     * whose grain makes neighbours differ. With {@link #twoLevels} it tells a drawing whose ink covers much of its
     * border from a smooth lighting gradient.
     */
    private boolean smoothBorder() {
        byte[] lum = image.lum();
        int pairs = 0, equal = 0;
        int last = (height - 1) * width;
        for (int x = 1; x < width; x++) {
            equal += Math.abs((lum[x] & 0xFF) - (lum[x - 1] & 0xFF)) <= 1 ? 1 : 0;
            equal += Math.abs((lum[last + x] & 0xFF) - (lum[last + x - 1] & 0xFF)) <= 1 ? 1 : 0;
            pairs += 2;
        }
        for (int y = 1; y < height; y++) {
            int row = y * width, above = row - width;
            equal += Math.abs((lum[row] & 0xFF) - (lum[above] & 0xFF)) <= 1 ? 1 : 0;
            equal += Math.abs((lum[row + width - 1] & 0xFF) - (lum[above + width - 1] & 0xFF)) <= 1 ? 1 : 0;
            pairs += 2;
        }
        return pairs > 0 && equal >= SMOOTH_BORDER_SHARE * pairs;
    }

    /** Maps every pixel to ink intensity. */
    InkImage toInk() {
        Mapping m = mapping();
        float[] ink = new float[width * height];
        for (int y = 0; y < height; y++) {
            if (m.blank(y)) {
                continue; // the ink array starts out zero
            }
            for (int i = y * width, end = i + width; i < end; i++) {
                ink[i] = m.lut[m.source[i] & 0xFF];
            }
        }
        return new InkImage(width, height, ink);
    }

    /**
     * Only the ink's bounding box (as {@link MnistCentering#center} finds it), mapped to ink: all that centring a
     * single digit reads, without mapping or even allocating the rest of the canvas. Null when there is no ink.
     */
    InkImage inkBox() {
        Mapping m = mapping();
        int[] b = inkBounds(m);
        if (b == null) {
            return null;
        }
        int minX = b[0], minY = b[1], w = b[2] - b[0], h = b[3] - b[1];
        float[] ink = new float[w * h];
        for (int y = 0; y < h; y++) {
            int row = (minY + y) * width + minX;
            for (int x = 0; x < w; x++) {
                ink[y * w + x] = m.lut[m.source[row + x] & 0xFF];
            }
        }
        return new InkImage(w, h, ink);
    }

    /**
     * The digit {@code centering} makes of {@link #inkBox()}, straight from the decoded bytes: the box is never mapped
     * to floats ({@link MnistCentering#centerMapped}). Null when there is no ink.
     */
    DigitImage centredDigit(MnistCentering centering) {
        Mapping m = mapping();
        int[] b = inkBounds(m);
        if (b == null) {
            return null;
        }
        return centering.centerMapped(m.source(), width, m.lut(), m.backgroundByte(), b[0], b[1], b[2] - b[0],
                b[3] - b[1]);
    }

    /**
     * The ink's bounding box mapped to ink like {@link #inkBox()}, but shrunk by a whole factor (area averaging) until
     * it holds at most {@code maxPixels}: what a number is read from. Only the output is allocated, so the memory
     * is bounded by {@code maxPixels} whatever the image's size. Null when there is no ink.
     */
    InkCrop inkCrop(int maxPixels) {
        Mapping m = mapping();
        int[] b = inkBounds(m);
        if (b == null) {
            return null;
        }
        int minX = b[0], minY = b[1], w = b[2] - b[0], h = b[3] - b[1];
        int factor = InkCrop.shrinkFactor(w, h, maxPixels);
        int ow = Math.ceilDiv(w, factor), oh = Math.ceilDiv(h, factor);
        float[] ink = new float[ow * oh];
        float share = 1f / (factor * factor);
        for (int y = 0; y < h; y++) {
            int row = (minY + y) * width + minX;
            int out = (y / factor) * ow;
            for (int x = 0; x < w; x++) {
                ink[out + x / factor] += m.lut[m.source[row + x] & 0xFF] * share;
            }
        }
        return new InkCrop(new InkImage(ow, oh, ink), minX, minY, factor, false);
    }

    /**
     * {minX, minY, maxX, maxY} (exclusive ends) of the pixels that count as ink, or null when there are none. Rows
     * come from the decoder's row extremes; within a row only the margins outside the box found so far are looked
     * at, from the edge inwards, skipping words of background ({@link BackgroundBytes}) and looking byte by byte
     * only at the words that hold something else.
     */
    private int[] inkBounds(Mapping m) {
        int minY = -1, maxY = -1;
        for (int y = 0; y < height; y++) {
            if (m.isInk[m.rowExtreme[y]]) {
                minY = minY < 0 ? y : minY;
                maxY = y;
            }
        }
        if (minY < 0) {
            return null;
        }
        byte[] source = m.source;
        boolean[] isInk = m.isInk;
        boolean skip = m.backgroundByte >= 0;
        long background = BackgroundBytes.pattern(m.backgroundByte);
        int minX = width, maxX = -1;
        for (int y = minY; y <= maxY; y++) {
            if (!isInk[m.rowExtreme[y]]) {
                continue;
            }
            int row = y * width;
            // Ink left of minX: the first ink pixel from the left edge; x only grows, so minX only shrinks.
            for (int x = 0; x < minX; ) {
                if (skip) {
                    x = BackgroundBytes.skipForward(source, row + x, row + minX, background) - row;
                }
                for (int stop = Math.min(minX, x + Long.BYTES); x < stop; x++) {
                    if (isInk[source[row + x] & 0xFF]) {
                        minX = x;
                        break;
                    }
                }
            }
            // Ink right of maxX: x is the exclusive end of what is left to look at, moving left.
            for (int x = width; x > maxX + 1; ) {
                if (skip) {
                    x = BackgroundBytes.skipBackward(source, row + maxX + 1, row + x, background) - row;
                }
                for (int stop = Math.max(maxX + 1, x - Long.BYTES); x > stop; x--) {
                    if (isInk[source[row + x - 1] & 0xFF]) {
                        maxX = x - 1;
                        break;
                    }
                }
            }
        }
        return new int[] {minX, minY, maxX + 1, maxY + 1};
    }

    /** Decides polarity and contrast: which bytes to read and how each value maps to ink. */
    private Mapping mapping() {
        float[] lut = new float[256];
        int maxAlpha = image.maxAlpha();
        if (image.hasAlpha() && borderTransparent * 2 > borderPixels) {
            if (maxAlpha >= MIN_CONTRAST) {
                for (int v = 0; v < 256; v++) {
                    lut[v] = Math.min(1f, (float) v / maxAlpha);
                }
            }
            return new Mapping(image.alpha(), lut, image.rowMaxAlpha(), 0, false, 0);
        }
        int background = borderMedian();
        boolean darkInk = background >= 128;
        int contrast = darkInk ? background - image.minLum() : image.maxLum() - background;
        if (contrast >= MIN_CONTRAST) {
            for (int v = 0; v < 256; v++) {
                float ink = (float) (darkInk ? background - v : v - background) / contrast;
                lut[v] = Math.max(0f, Math.min(1f, ink));
            }
        }
        return new Mapping(image.lum(), lut, darkInk ? image.rowMinLum() : image.rowMaxLum(), background, darkInk,
                background);
    }

    private int borderMedian() {
        int half = (borderPixels + 1) / 2;
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += borderHistogram[v];
            if (seen >= half) {
                return v;
            }
        }
        return 255;
    }

    /**
     * How stored bytes become ink. The table is monotonic, so each row's most ink-like value ({@code rowExtreme})
     * tells whether the row holds any ink at all.
     *
     * @param blankFrom a row whose extreme is at or beyond this value on the background side maps to zero ink
     * @param blankAbove whether the background side is above {@code blankFrom} (dark ink) or below it
     * @param backgroundByte the background's byte value if the table maps it to zero ink (it always does), else -1:
     *                       the value whose stretches later steps may skip
     */
    private record Mapping(byte[] source, float[] lut, boolean[] isInk, int[] rowExtreme, int blankFrom,
                           boolean blankAbove, int backgroundByte) {

        Mapping(byte[] source, float[] lut, int[] rowExtreme, int blankFrom, boolean blankAbove, int background) {
            this(source, lut, inkTable(lut), rowExtreme, blankFrom, blankAbove,
                    lut[background] == 0f ? background : -1);
        }

        private static boolean[] inkTable(float[] lut) {
            boolean[] isInk = new boolean[256];
            for (int v = 0; v < 256; v++) {
                isInk[v] = lut[v] >= MnistCentering.INK_THRESHOLD;
            }
            return isInk;
        }

        boolean blank(int y) {
            return blankAbove ? rowExtreme[y] >= blankFrom : rowExtreme[y] <= blankFrom;
        }
    }
}
