package io.mathsketch.engine.image;

import java.util.Arrays;

/**
 * What a codec produces before anyone decides where the ink is: per pixel an 8-bit luminance composited onto white
 * and, for sources with transparency, an 8-bit alpha. Decoders write the planes directly, row by row, and report
 * each row's extremes through {@link #rowDone}, so that later steps can skip rows holding nothing and conversion
 * stays allocation-free.
 *
 * <p>The planes may be longer than {@code width * height} (buffers a pooled decoder reuses from image to image):
 * the image then owns them only until that decoder decodes its next image.
 */
public final class DecodedImage {

    private final int width;
    private final int height;
    private final byte[] lum;
    private final byte[] alpha;
    /** Per row: darkest and lightest luminance and highest alpha. */
    private final int[] rowMinLum;
    private final int[] rowMaxLum;
    private final int[] rowMaxAlpha;
    private int minLum = 255;
    private int maxLum = 0;
    private int maxAlpha = 0;

    /** An image on fresh planes; alpha only when the source has transparency. */
    public DecodedImage(int width, int height, boolean hasAlpha) {
        this(width, height, new byte[width * height], hasAlpha ? new byte[width * height] : null);
    }

    /** An image over caller-owned planes; every pixel must be written (and its row reported) before it is read. */
    public DecodedImage(int width, int height, byte[] lum, byte[] alpha) {
        if (width <= 0 || height <= 0 || lum.length < (long) width * height
                || alpha != null && alpha.length < (long) width * height) {
            throw new IllegalArgumentException("planes too small for " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.lum = lum;
        this.alpha = alpha;
        this.rowMinLum = new int[height];
        this.rowMaxLum = new int[height];
        this.rowMaxAlpha = new int[height];
    }

    /** Luminance of an sRGB colour: Rec. 601 weights in 8.8 fixed point. */
    public static int luminance(int r, int g, int b) {
        return (r * 77 + g * 150 + b * 29 + 128) >> 8;
    }

    /** Luminance of a pixel with the given alpha drawn over white. */
    public static int overWhite(int lum, int alpha) {
        // (255 - lum) * alpha / 255, rounded, without a division: exact for products up to 255 * 255.
        int t = (255 - lum) * alpha + 128;
        return 255 - ((t + (t >>> 8)) >>> 8);
    }

    /** Records row {@code y}'s luminance extremes and highest alpha (ignored without alpha). */
    public void rowDone(int y, int rowMin, int rowMax, int rowAlpha) {
        minLum = Math.min(minLum, rowMin);
        maxLum = Math.max(maxLum, rowMax);
        maxAlpha = Math.max(maxAlpha, rowAlpha);
        rowMinLum[y] = rowMin;
        rowMaxLum[y] = rowMax;
        rowMaxAlpha[y] = rowAlpha;
    }

    /**
     * This image on planes of its own, {@code width * height} long, with its row extremes: for a caller that keeps the
     * image after the pooled decoder that wrote it has moved on.
     */
    public DecodedImage copy() {
        int pixels = width * height;
        DecodedImage copy = new DecodedImage(width, height, Arrays.copyOf(lum, pixels),
                alpha == null ? null : Arrays.copyOf(alpha, pixels));
        for (int y = 0; y < height; y++) {
            copy.rowDone(y, rowMinLum[y], rowMaxLum[y], rowMaxAlpha[y]);
        }
        return copy;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Row-major luminance composited onto white, 0..255 as unsigned bytes. */
    public byte[] lum() {
        return lum;
    }

    /** Row-major alpha, or null when the source has no transparency. */
    public byte[] alpha() {
        return alpha;
    }

    public boolean hasAlpha() {
        return alpha != null;
    }

    public int minLum() {
        return minLum;
    }

    public int maxLum() {
        return maxLum;
    }

    public int maxAlpha() {
        return maxAlpha;
    }

    /** Per row, the darkest luminance; the array must not be modified. */
    public int[] rowMinLum() {
        return rowMinLum;
    }

    /** Per row, the lightest luminance; the array must not be modified. */
    public int[] rowMaxLum() {
        return rowMaxLum;
    }

    /** Per row, the highest alpha; the array must not be modified. */
    public int[] rowMaxAlpha() {
        return rowMaxAlpha;
    }
}
