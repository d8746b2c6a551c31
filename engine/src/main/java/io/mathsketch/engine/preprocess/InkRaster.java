package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.image.InkImage;

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
        this(width, height, new byte[width * height], hasAlpha ? new byte[width * height] : null);
    }

    /**
     * A raster over caller-owned planes, which may be longer than {@code width * height} (buffers reused from image
     * to image); every pixel of the image must be written before it is read.
     */
    InkRaster(int width, int height, byte[] lum, byte[] alpha) {
        this.width = width;
        this.height = height;
        this.lum = lum;
        this.alpha = alpha;
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
        int minX = width, maxX = -1;
        for (int y = minY; y <= maxY; y++) {
            if (!m.isInk[m.rowExtreme[y]]) {
                continue;
            }
            int row = y * width;
            // Only the margins outside the box found so far need looking at.
            for (int x = 0; x < minX; x++) {
                if (m.isInk[m.source[row + x] & 0xFF]) {
                    minX = x;
                    break;
                }
            }
            for (int x = width - 1; x > maxX; x--) {
                if (m.isInk[m.source[row + x] & 0xFF]) {
                    maxX = x;
                    break;
                }
            }
        }
        int w = maxX - minX + 1, h = maxY - minY + 1;
        float[] ink = new float[w * h];
        for (int y = 0; y < h; y++) {
            int row = (minY + y) * width + minX;
            for (int x = 0; x < w; x++) {
                ink[y * w + x] = m.lut[m.source[row + x] & 0xFF];
            }
        }
        return new InkImage(w, h, ink);
    }

    /** Decides polarity and contrast: which bytes to read and how each value maps to ink. */
    private Mapping mapping() {
        float[] lut = new float[256];
        if (alpha != null && borderTransparent * 2 > borderPixels) {
            if (maxAlpha >= MIN_CONTRAST) {
                for (int v = 0; v < 256; v++) {
                    lut[v] = Math.min(1f, (float) v / maxAlpha);
                }
            }
            return new Mapping(alpha, lut, rowMaxAlpha, 0, false);
        }
        int background = borderMedian();
        boolean darkInk = background >= 128;
        int contrast = darkInk ? background - minLum : maxLum - background;
        if (contrast >= MIN_CONTRAST) {
            for (int v = 0; v < 256; v++) {
                float ink = (float) (darkInk ? background - v : v - background) / contrast;
                lut[v] = Math.max(0f, Math.min(1f, ink));
            }
        }
        return new Mapping(lum, lut, darkInk ? rowMinLum : rowMaxLum, background, darkInk);
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
     */
    private record Mapping(byte[] source, float[] lut, boolean[] isInk, int[] rowExtreme, int blankFrom,
                           boolean blankAbove) {

        Mapping(byte[] source, float[] lut, int[] rowExtreme, int blankFrom, boolean blankAbove) {
            this(source, lut, inkTable(lut), rowExtreme, blankFrom, blankAbove);
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
