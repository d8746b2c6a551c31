package io.mathsketch.engine.preprocess;

/**
 * What a decoder produces before polarity is known: per pixel an 8-bit luminance composited onto white and, for
 * sources with transparency, an 8-bit alpha. {@link #toInk()} then decides where the ink is:
 * <ul>
 *   <li>when the border is mostly transparent (a canvas exported without a fill), ink is the alpha, stretched so
 *       the most opaque stroke is full ink: this reads white, black and coloured ink on transparency alike;</li>
 *   <li>otherwise the border's median luminance is the background, ink is whatever departs from it towards the
 *       image's extreme (dark on light or light on dark), stretched so the extreme is full ink.</li>
 * </ul>
 * Decoders write {@link #lum} and {@link #alpha} directly (row by row, no per-pixel calls) and report each row's
 * extremes through {@link #rowDone}; the raster keeps only a few counters, so conversion stays allocation-free.
 */
final class InkRaster {

    /** Below this luminance range (of 255) the image is treated as blank rather than stretching noise into ink. */
    static final int MIN_CONTRAST = 40;
    /** Border pixels with alpha below this count as transparent. */
    private static final int TRANSPARENT = 128;

    final int width;
    final int height;
    final byte[] lum;
    final byte[] alpha;
    private final int[] borderHistogram = new int[256];
    private int borderPixels;
    private int borderTransparent;
    private int minLum = 255;
    private int maxLum = 0;
    private int maxAlpha = 0;
    /** Per row: darkest and lightest luminance and highest alpha, to skip rows that hold no ink at all. */
    private final int[] rowMinLum;
    private final int[] rowMaxLum;
    private final int[] rowMaxAlpha;

    InkRaster(int width, int height, boolean hasAlpha) {
        this.width = width;
        this.height = height;
        this.lum = new byte[width * height];
        this.alpha = hasAlpha ? new byte[width * height] : null;
        this.rowMinLum = new int[height];
        this.rowMaxLum = new int[height];
        this.rowMaxAlpha = new int[height];
    }

    /** Records row {@code y}'s luminance extremes and maximal alpha (ignored without alpha), and its border pixels. */
    void rowDone(int y, int rowMin, int rowMax, int rowAlpha) {
        minLum = Math.min(minLum, rowMin);
        maxLum = Math.max(maxLum, rowMax);
        maxAlpha = Math.max(maxAlpha, rowAlpha);
        rowMinLum[y] = rowMin;
        rowMaxLum[y] = rowMax;
        rowMaxAlpha[y] = rowAlpha;
        int start = y * width;
        if (y == 0 || y == height - 1) {
            for (int i = start; i < start + width; i++) {
                border(i);
            }
        } else {
            border(start);
            if (width > 1) {
                border(start + width - 1);
            }
        }
    }

    private void border(int i) {
        borderHistogram[lum[i] & 0xFF]++;
        borderPixels++;
        if (alpha != null && (alpha[i] & 0xFF) < TRANSPARENT) {
            borderTransparent++;
        }
    }

    /** Maps every pixel to ink intensity and finds the ink's bounding box on the way. */
    Decoded toInk() {
        float[] lut = new float[256];
        byte[] source;
        // Rows whose values all map to zero ink are skipped: the ink array starts out zero.
        int[] rowExtreme;
        int blankFrom;
        boolean blankAbove;
        if (alpha != null && borderTransparent * 2 > borderPixels) {
            source = alpha;
            rowExtreme = rowMaxAlpha;
            blankFrom = 0;
            blankAbove = false;
            if (maxAlpha >= MIN_CONTRAST) {
                for (int v = 0; v < 256; v++) {
                    lut[v] = Math.min(1f, (float) v / maxAlpha);
                }
            }
        } else {
            source = lum;
            int background = borderMedian();
            boolean darkInk = background >= 128;
            int contrast = darkInk ? background - minLum : maxLum - background;
            rowExtreme = darkInk ? rowMinLum : rowMaxLum;
            blankFrom = background;
            blankAbove = darkInk;
            if (contrast >= MIN_CONTRAST) {
                for (int v = 0; v < 256; v++) {
                    float ink = (float) (darkInk ? background - v : v - background) / contrast;
                    lut[v] = Math.max(0f, Math.min(1f, ink));
                }
            }
        }
        return map(source, lut, rowExtreme, blankFrom, blankAbove);
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
     * @param rowExtreme per row, the value closest to ink; the row holds no ink when it is at or beyond
     *     {@code blankFrom} on the background side ({@code blankAbove}: at or above it)
     */
    private Decoded map(byte[] source, float[] lut, int[] rowExtreme, int blankFrom, boolean blankAbove) {
        boolean[] isInk = new boolean[256];
        for (int v = 0; v < 256; v++) {
            isInk[v] = lut[v] >= MnistCentering.INK_THRESHOLD;
        }
        float[] ink = new float[width * height];
        int minX = width, maxX = -1, minY = -1, maxY = -1;
        for (int y = 0; y < height; y++) {
            if (blankAbove ? rowExtreme[y] >= blankFrom : rowExtreme[y] <= blankFrom) {
                continue;
            }
            int row = y * width;
            int first = -1, last = -1;
            for (int x = 0; x < width; x++) {
                int v = source[row + x] & 0xFF;
                ink[row + x] = lut[v];
                if (isInk[v]) {
                    if (first < 0) {
                        first = x;
                    }
                    last = x;
                }
            }
            if (first >= 0) {
                minX = Math.min(minX, first);
                maxX = Math.max(maxX, last);
                if (minY < 0) {
                    minY = y;
                }
                maxY = y;
            }
        }
        InkImage image = new InkImage(width, height, ink);
        return maxX < 0 ? new Decoded(image, null) : new Decoded(image, new int[] {minX, minY, maxX + 1, maxY + 1});
    }

    /**
     * A decoded image with the bounding box of its ink.
     *
     * @param bounds {x0, y0, x1, y1} with exclusive ends, as {@link MnistCentering} uses them; null when blank
     */
    record Decoded(InkImage image, int[] bounds) {
    }
}
