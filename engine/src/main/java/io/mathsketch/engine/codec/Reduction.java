package io.mathsketch.engine.codec;

/**
 * The size an image is decoded to. Up to {@link #WORKING_PIXELS} an image is decoded as it is; a larger one (a phone
 * photo: 4032x3024, 12 megapixels) is reduced by a whole factor while it is decoded, so that only the reduced
 * picture and a few rows are ever held: a model that reads 28x28 pixels gains nothing from 12 megapixels, and the
 * heap it would take refused ordinary photos. The reduction averages each {@code factor x factor} block in the
 * pure-Java PNG decoder and takes one pixel per block in ImageIO's readers (JPEG, GIF, BMP, interlaced PNG), the
 * only reduction they offer without holding the full picture.
 *
 * @param factor 1 (decoded as it is) or the block side: {@code factor x factor} stored pixels make one
 * @param width the decoded width, {@code ceil(stored width / factor)}
 * @param height the decoded height, likewise
 */
public record Reduction(int factor, int width, int height) {

    /**
     * Pixels an image is decoded to at most: 2048x2048. Larger images are reduced to fit, so what one request holds
     * is at most {@code WORKING_PIXELS x DecodeBudget.BYTES_PER_PIXEL} (96 MiB), within one address's share of the
     * decode budget with the shipped 512 MB heap (about 126 MB), whatever size the header declares; and every image
     * up to 2048x2048 (canvas exports at any device pixel ratio, the photo sets) is decoded exactly as before. At
     * 2048 on a side a digit that fills a tenth of the frame still has 200 pixels before it is scaled to 20.
     */
    public static final long WORKING_PIXELS = 2048L * 2048;

    /** The smallest whole factor that brings an image of these declared dimensions within {@link #WORKING_PIXELS}. */
    public static Reduction of(int width, int height) {
        if ((long) width * height <= WORKING_PIXELS) {
            return new Reduction(1, width, height);
        }
        int factor = Math.max(2, (int) Math.sqrt((double) width * height / WORKING_PIXELS));
        while ((long) Math.ceilDiv(width, factor) * Math.ceilDiv(height, factor) > WORKING_PIXELS) {
            factor++;
        }
        return new Reduction(factor, Math.ceilDiv(width, factor), Math.ceilDiv(height, factor));
    }

    public long pixels() {
        return (long) width * height;
    }

    public boolean reduces() {
        return factor > 1;
    }
}
