package io.mathsketch.engine.codec.png;

import io.mathsketch.engine.RecognitionException.CorruptImage;
import io.mathsketch.engine.image.DecodedImage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

import static io.mathsketch.engine.image.DecodedImage.luminance;
import static io.mathsketch.engine.image.DecodedImage.overWhite;

/**
 * Turns one unfiltered PNG scanline into luminance (composited onto white) and alpha bytes of a {@link DecodedImage}.
 * One implementation per sample layout; 16-bit samples keep their high byte, except that tRNS colour keys compare
 * all 16 bits as the PNG specification requires. Luminance uses the Rec. 601 weights in 8.8 fixed point.
 */
abstract sealed class RowConverter {

    abstract boolean hasAlpha();

    abstract void convert(byte[] row, int offset, DecodedImage raster, int y);

    static RowConverter of(PngHeader header, byte[] data, PngChunks chunks) throws CorruptImage {
        int depth = header.bitDepth();
        int trns = chunks.transparency;
        return switch (header.colorType()) {
            case PngHeader.PALETTE -> Indexed.palette(header, data, chunks);
            case PngHeader.GREY -> depth == 16 ? new Grey16(trns >= 0 && chunks.transparencyLength >= 2
                    ? readShort(data, trns) : -1) : Indexed.grey(depth, data, chunks);
            case PngHeader.GREY_ALPHA -> new GreyAlpha(depth / 8);
            case PngHeader.RGB -> trns >= 0 && chunks.transparencyLength >= 6
                    ? new Rgb(depth / 8, new int[] {readShort(data, trns), readShort(data, trns + 2),
                            readShort(data, trns + 4)})
                    : depth == 8 ? new Rgb8() : new Rgb(depth / 8, null);
            default -> depth == 8 ? new Rgba8() : new Rgba16();
        };
    }

    private static int readShort(byte[] data, int offset) {
        return (data[offset] & 0xFF) << 8 | (data[offset + 1] & 0xFF);
    }

    /** Palette images and greyscale up to 8 bits: every sample value is an index into a 256-entry table. */
    static final class Indexed extends RowConverter {
        private final int depth;
        private final byte[] lum;
        private final byte[] alpha;

        private Indexed(int depth, byte[] lum, byte[] alpha) {
            this.depth = depth;
            this.lum = lum;
            this.alpha = alpha;
        }

        static Indexed palette(PngHeader header, byte[] data, PngChunks chunks) throws CorruptImage {
            if (chunks.palette < 0 || chunks.paletteLength % 3 != 0 || chunks.paletteLength == 0
                    || chunks.paletteLength > 768) {
                throw new CorruptImage("PNG palette image has no valid PLTE chunk");
            }
            int entries = chunks.paletteLength / 3;
            int transparent = chunks.transparency < 0 ? 0 : Math.min(entries, chunks.transparencyLength);
            byte[] lum = new byte[256];
            byte[] alpha = transparent > 0 ? new byte[256] : null;
            for (int i = 0; i < 256; i++) {
                // Indices beyond the palette are an encoder error; they read as opaque black rather than fail.
                int p = chunks.palette + 3 * i;
                int l = i < entries ? luminance(data[p] & 0xFF, data[p + 1] & 0xFF, data[p + 2] & 0xFF) : 0;
                int a = i < transparent ? data[chunks.transparency + i] & 0xFF : 255;
                lum[i] = (byte) overWhite(l, a);
                if (alpha != null) {
                    alpha[i] = (byte) a;
                }
            }
            return new Indexed(header.bitDepth(), lum, alpha);
        }

        static Indexed grey(int depth, byte[] data, PngChunks chunks) {
            int levels = (1 << depth) - 1;
            int key = chunks.transparency >= 0 && chunks.transparencyLength >= 2
                    ? readShort(data, chunks.transparency) : -1;
            byte[] lum = new byte[256];
            byte[] alpha = key >= 0 && key <= levels ? new byte[256] : null;
            for (int i = 0; i <= levels; i++) {
                int l = i * 255 / levels;
                boolean clear = alpha != null && i == key;
                lum[i] = (byte) (clear ? 255 : l);
                if (alpha != null) {
                    alpha[i] = (byte) (clear ? 0 : 255);
                }
            }
            return new Indexed(depth, lum, alpha);
        }

        @Override
        boolean hasAlpha() {
            return alpha != null;
        }

        @Override
        void convert(byte[] row, int offset, DecodedImage raster, int y) {
            int width = raster.width();
            int out = y * width;
            byte[] lumOut = raster.lum();
            byte[] alphaOut = raster.alpha();
            int perByte = 8 / depth;
            int mask = (1 << depth) - 1;
            int min = 255, max = 0, maxAlpha = 0;
            for (int x = 0; x < width; x++) {
                int index;
                if (depth == 8) {
                    index = row[offset + x] & 0xFF;
                } else {
                    int shift = 8 - depth * (x % perByte + 1);
                    index = (row[offset + x / perByte] >> shift) & mask;
                }
                int l = lum[index] & 0xFF;
                lumOut[out + x] = (byte) l;
                min = Math.min(min, l);
                max = Math.max(max, l);
                if (alphaOut != null) {
                    alphaOut[out + x] = alpha[index];
                    maxAlpha = Math.max(maxAlpha, alpha[index] & 0xFF);
                }
            }
            raster.rowDone(y, min, max, maxAlpha);
        }
    }

    /** 16-bit greyscale, optionally with a tRNS grey key. */
    static final class Grey16 extends RowConverter {
        private final int key;

        Grey16(int key) {
            this.key = key;
        }

        @Override
        boolean hasAlpha() {
            return key >= 0;
        }

        @Override
        void convert(byte[] row, int offset, DecodedImage raster, int y) {
            int width = raster.width();
            int out = y * width;
            int min = 255, max = 0, maxAlpha = 0;
            for (int x = 0; x < width; x++) {
                int s = offset + 2 * x;
                int l = row[s] & 0xFF;
                if (key >= 0) {
                    boolean clear = readShort(row, s) == key;
                    l = clear ? 255 : l;
                    raster.alpha()[out + x] = (byte) (clear ? 0 : 255);
                    maxAlpha = clear ? maxAlpha : 255;
                }
                raster.lum()[out + x] = (byte) l;
                min = Math.min(min, l);
                max = Math.max(max, l);
            }
            raster.rowDone(y, min, max, maxAlpha);
        }
    }

    /** Greyscale with alpha, 8 or 16 bits ({@code step} bytes per sample). */
    static final class GreyAlpha extends RowConverter {
        private final int step;

        GreyAlpha(int step) {
            this.step = step;
        }

        @Override
        boolean hasAlpha() {
            return true;
        }

        @Override
        void convert(byte[] row, int offset, DecodedImage raster, int y) {
            int width = raster.width();
            int out = y * width;
            int min = 255, max = 0, maxAlpha = 0;
            for (int x = 0; x < width; x++) {
                int s = offset + 2 * step * x;
                int a = row[s + step] & 0xFF;
                int l = overWhite(row[s] & 0xFF, a);
                raster.lum()[out + x] = (byte) l;
                raster.alpha()[out + x] = (byte) a;
                min = Math.min(min, l);
                max = Math.max(max, l);
                maxAlpha = Math.max(maxAlpha, a);
            }
            raster.rowDone(y, min, max, maxAlpha);
        }
    }

    /** Truecolour without alpha, 8 or 16 bits, optionally with a tRNS colour key. */
    static final class Rgb extends RowConverter {
        private final int step;
        private final int[] key;

        Rgb(int step, int[] key) {
            this.step = step;
            this.key = key;
        }

        @Override
        boolean hasAlpha() {
            return key != null;
        }

        @Override
        void convert(byte[] row, int offset, DecodedImage raster, int y) {
            int width = raster.width();
            int out = y * width;
            int min = 255, max = 0, maxAlpha = 0;
            for (int x = 0; x < width; x++) {
                int s = offset + 3 * step * x;
                int l = luminance(row[s] & 0xFF, row[s + step] & 0xFF, row[s + 2 * step] & 0xFF);
                if (key != null) {
                    boolean clear = sample(row, s) == key[0] && sample(row, s + step) == key[1]
                            && sample(row, s + 2 * step) == key[2];
                    l = clear ? 255 : l;
                    raster.alpha()[out + x] = (byte) (clear ? 0 : 255);
                    maxAlpha = clear ? maxAlpha : 255;
                }
                raster.lum()[out + x] = (byte) l;
                min = Math.min(min, l);
                max = Math.max(max, l);
            }
            raster.rowDone(y, min, max, maxAlpha);
        }

        private int sample(byte[] row, int s) {
            return step == 2 ? readShort(row, s) : row[s] & 0xFF;
        }
    }

    /**
     * 8-bit RGB and RGBA, what browsers and drawing programs export: one loop for both, with the per-pixel rule in
     * {@link #convertBlock}. Most of such a picture is one background colour, but along anti-aliased ink nearly
     * every pixel differs from the next. So the row is converted in blocks of {@value #BLOCK} pixels, pixel by pixel
     * without a branch, and after each block, if the next {@value #BLOCK} pixels all repeat the block's last, the
     * whole run of them is found with one vectorised {@code Arrays.mismatch} and written with {@code Arrays.fill}.
     * Only a long run costs a search, and the one branch per block mostly goes the way it went before (ink blocks
     * follow ink blocks), where a check after every pixel was mispredicted along every anti-aliased edge.
     */
    abstract static sealed class Runs extends RowConverter permits Rgb8, Rgba8 {
        /**
         * Pixels converted one by one between two looks for a run, and the shortest run taken as one: as many as a
         * word has bytes, so that {@code bpp} words hold a block's pixels.
         */
        static final int BLOCK = Long.BYTES;
        private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.nativeOrder());

        private final int bytesPerPixel;
        /** The extremes of the row being converted so far, kept up to date by {@link #convertBlock}. */
        int min;
        int max;
        int maxAlpha;

        Runs(int bytesPerPixel) {
            this.bytesPerPixel = bytesPerPixel;
        }

        /**
         * Converts the {@code n} pixels at {@code row[from]} into {@code lum} and {@code alpha} (null without alpha)
         * from {@code to} on, and takes them into the row's extremes.
         */
        abstract void convertBlock(byte[] row, int from, byte[] lum, byte[] alpha, int to, int n);

        /** Starts a row's extremes: {@link #min}, {@link #max} and {@link #maxAlpha} at their neutral values. */
        void startRow() {
            min = 255;
            max = 0;
            maxAlpha = 0;
        }

        /** Completes {@link #min}, {@link #max} and {@link #maxAlpha} from what blocks put aside, at a row's end. */
        void finishRow() {
        }

        @Override
        final void convert(byte[] row, int offset, DecodedImage raster, int y) {
            int width = raster.width();
            int out = y * width;
            int bpp = bytesPerPixel;
            byte[] lum = raster.lum();
            byte[] alpha = raster.alpha();
            startRow();
            for (int x = 0; x < width; ) {
                int end = Math.min(x + BLOCK, width);
                convertBlock(row, offset + bpp * x, lum, alpha, out + x, end - x);
                x = end;
                if (x + BLOCK <= width && nextBlockRepeats(row, offset + bpp * (x - 1), bpp)) {
                    int runEnd = runEnd(row, offset, x + BLOCK - 1, width, bpp);
                    Arrays.fill(lum, out + x, out + runEnd, lum[out + x - 1]);
                    if (alpha != null) {
                        Arrays.fill(alpha, out + x, out + runEnd, alpha[out + x - 1]);
                    }
                    x = runEnd;
                }
            }
            finishRow();
            raster.rowDone(y, min, max, maxAlpha);
        }

        /**
         * Converts row {@code y} of which only the pixels in {@code ranges} ({@code count / 2} ranges {from, to},
         * ascending, apart) may differ from row {@code y - 1}, which the raster holds converted: that row is copied
         * and only the ranges are converted from {@code row} (this row's unfiltered bytes). The row's extremes are
         * the ones a whole conversion finds: from the row above's and the converted pixels' when that settles them
         * (a converted pixel reaches beyond the old extreme, or none of them held it before), else from the row's
         * bytes.
         */
        final void convertChanged(byte[] row, int[] ranges, int count, DecodedImage raster, int y) {
            int width = raster.width();
            int out = y * width, above = out - width;
            byte[] lum = raster.lum();
            byte[] alpha = raster.alpha();
            System.arraycopy(lum, above, lum, out, width);
            if (alpha != null) {
                System.arraycopy(alpha, above, alpha, out, width);
            }
            int oldMin = raster.rowMinLum()[y - 1], oldMax = raster.rowMaxLum()[y - 1];
            int oldTop = raster.rowMaxAlpha()[y - 1];
            boolean heldMin = false, heldMax = false, heldTop = false;
            startRow();
            int bpp = bytesPerPixel;
            for (int r = 0; r < count; r += 2) {
                int from = ranges[r], to = ranges[r + 1];
                for (int x = from; x < to; x++) {
                    int l = lum[above + x] & 0xFF;
                    heldMin |= l == oldMin;
                    heldMax |= l == oldMax;
                    heldTop |= alpha != null && (alpha[above + x] & 0xFF) == oldTop;
                }
                for (int x = from; x < to; x += BLOCK) {
                    convertBlock(row, bpp * x, lum, alpha, out + x, Math.min(BLOCK, to - x));
                }
            }
            finishRow();
            int rowMin = min <= oldMin ? min : heldMin ? -1 : oldMin;
            int rowMax = max >= oldMax ? max : heldMax ? -1 : oldMax;
            int rowTop = maxAlpha >= oldTop ? maxAlpha : heldTop ? -1 : oldTop;
            if (rowMin < 0 || rowMax < 0) {
                rowMin = 255;
                rowMax = 0;
                for (int i = out; i < out + width; i++) {
                    int l = lum[i] & 0xFF;
                    rowMin = Math.min(rowMin, l);
                    rowMax = Math.max(rowMax, l);
                }
            }
            if (rowTop < 0) {
                rowTop = 0;
                for (int i = out; i < out + width; i++) {
                    rowTop = Math.max(rowTop, alpha[i] & 0xFF);
                }
            }
            raster.rowDone(y, rowMin, rowMax, rowTop);
        }

        /**
         * Whether the {@value #BLOCK} pixels after the one at {@code row[s]} all repeat it: the {@code BLOCK * bpp}
         * bytes after it each equal the byte one pixel back, {@code bpp} words compared.
         */
        private static boolean nextBlockRepeats(byte[] row, int s, int bpp) {
            for (int k = 0; k < bpp; k++) {
                if ((long) LONG.get(row, s + bpp + Long.BYTES * k) != (long) LONG.get(row, s + Long.BYTES * k)) {
                    return false;
                }
            }
            return true;
        }

        /** The first pixel from {@code x}, which repeats the pixel before it, that differs from it, or the width. */
        private static int runEnd(byte[] row, int offset, int x, int width, int bpp) {
            // Pixels repeat as long as each byte equals the one a pixel on: a comparison of the row with itself.
            int from = offset + bpp * x;
            int to = offset + bpp * (width - 1);
            int mismatch = Arrays.mismatch(row, from, to, row, from + bpp, to + bpp);
            return mismatch < 0 ? width : x + 1 + mismatch / bpp;
        }
    }

    /** 8-bit RGB without a colour key: an opaque export (a drawing program's, a canvas filled before drawing). */
    static final class Rgb8 extends Runs {
        Rgb8() {
            super(3);
        }

        @Override
        boolean hasAlpha() {
            return false;
        }

        @Override
        void convertBlock(byte[] row, int from, byte[] lum, byte[] alpha, int to, int n) {
            int lo = min, hi = max;
            for (int i = 0; i < n; i++) {
                int s = from + 3 * i;
                int l = luminance(row[s] & 0xFF, row[s + 1] & 0xFF, row[s + 2] & 0xFF);
                lo = Math.min(lo, l);
                hi = Math.max(hi, l);
                lum[to + i] = (byte) l;
            }
            min = lo;
            max = hi;
        }
    }

    /**
     * 8-bit RGBA: what browsers export from a canvas, ink over a transparent background. A canvas's ink is one
     * colour at many opacities, so the colour's share of the luminance is computed once per colour and each pixel
     * costs one multiplication by its alpha, three fewer (a quarter of this converter's time on anti-aliased ink);
     * a block of one colour is read and written a word at a time ({@link #convertOneColour}).
     */
    static final class Rgba8 extends Runs {
        private static final VarHandle PIXEL = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle WORD = MethodHandles.byteArrayViewVarHandle(long[].class,
                ByteOrder.LITTLE_ENDIAN);
        /** The colour bytes of the two pixels in a {@link #WORD}. */
        private static final long COLOUR = 0x00FFFFFF00FFFFFFL;

        /** The last colour seen (black at first) and 255 minus its luminance: what full opacity takes off white. */
        private int lastRgb;
        private int lastInk = 255;
        /**
         * Alpha extremes of the row's white-ink and black-ink blocks so far, eight lanes a word (a lane per pixel
         * position in a block), folded into the row's extremes once by {@link #finishRow}: eight lanes compared
         * at once per block instead of eight pixels one by one.
         */
        private long whiteTop;
        private long blackTop;
        private long blackLeast;
        private boolean sawWhite;
        private boolean sawBlack;

        Rgba8() {
            super(4);
        }

        @Override
        boolean hasAlpha() {
            return true;
        }

        @Override
        void convertBlock(byte[] row, int from, byte[] lum, byte[] alpha, int to, int n) {
            if (n == BLOCK && convertOneColour(row, from, lum, alpha, to)) {
                return;
            }
            int lo = min, hi = max, top = maxAlpha;
            int rgbSeen = lastRgb, ink = lastInk;
            for (int i = 0; i < n; i++) {
                int rgba = (int) PIXEL.get(row, from + 4 * i);
                int rgb = rgba >>> 8;
                if (rgb != rgbSeen) {
                    rgbSeen = rgb;
                    ink = 255 - luminance(rgb >>> 16, rgb >>> 8 & 0xFF, rgb & 0xFF);
                }
                int a = rgba & 0xFF;
                int l = 255 - covered(ink, a);
                lo = Math.min(lo, l);
                hi = Math.max(hi, l);
                top = Math.max(top, a);
                lum[to + i] = (byte) l;
                alpha[to + i] = (byte) a;
            }
            min = lo;
            max = hi;
            maxAlpha = top;
            lastRgb = rgbSeen;
            lastInk = ink;
        }

        /**
         * A block whose eight pixels share one colour (anti-aliased ink of one pen, or a flat area), read as four
         * words and written as one word of luminance and one of alpha; false, with nothing written, when the colours
         * differ. As the colour is one, luminance falls as alpha rises: the block's luminance extremes are those of
         * its alpha extremes, not eight more comparisons each.
         */
        private boolean convertOneColour(byte[] row, int from, byte[] lum, byte[] alpha, int to) {
            long w0 = (long) WORD.get(row, from);
            long w1 = (long) WORD.get(row, from + 8);
            long w2 = (long) WORD.get(row, from + 16);
            long w3 = (long) WORD.get(row, from + 24);
            long colour = w0 & COLOUR;
            if (colour >>> 32 != (colour & 0xFFFFFFFFL) || (w1 & COLOUR) != colour || (w2 & COLOUR) != colour
                    || (w3 & COLOUR) != colour) {
                return false;
            }
            int rgb = (int) (w0 & 0xFF) << 16 | (int) (w0 & 0xFF00) | (int) (w0 >>> 16 & 0xFF);
            if (rgb != lastRgb) {
                newColour(rgb);
            }
            int ink = lastInk;
            long alphas = alphas(w0, w1, w2, w3);
            WORD.set(alpha, to, alphas);
            if (ink == 0) {
                // White ink leaves white at every alpha (covered(0, a) == 0): luminance 255 whatever the alpha.
                WORD.set(lum, to, -1L);
                whiteTop = maxBytes(whiteTop, alphas);
                sawWhite = true;
                return true;
            }
            if (ink == 255) {
                // Black ink takes off exactly its alpha (covered(255, a) == a, so 255 - a, each byte's complement).
                WORD.set(lum, to, ~alphas);
                blackTop = maxBytes(blackTop, alphas);
                blackLeast = minBytes(blackLeast, alphas);
                sawBlack = true;
                return true;
            }
            otherInk(ink, alphas, lum, to);
            return true;
        }

        /** The alpha bytes of eight pixels in four words, one a byte. (A method of its own keeps its caller inlined.) */
        private static long alphas(long w0, long w1, long w2, long w3) {
            // Each word holds two pixels, R G B A from its low byte up: their alphas are bytes 3 and 7.
            return (w0 >>> 24 & 0xFFL) | (w0 >>> 48 & 0xFF00L) | (w1 >>> 8 & 0xFF0000L)
                    | (w1 >>> 32 & 0xFF000000L) | (w2 << 8 & 0xFF00000000L) | (w2 >>> 16 & 0xFF0000000000L)
                    | (w3 << 24 & 0xFF000000000000L) | (w3 & 0xFF00000000000000L);
        }

        private void newColour(int rgb) {
            lastRgb = rgb;
            lastInk = 255 - luminance(rgb >>> 16, rgb >>> 8 & 0xFF, rgb & 0xFF);
        }

        /** A one-colour block of ink neither white nor black: each pixel's luminance from its alpha. */
        private void otherInk(int ink, long alphas, byte[] lum, int to) {
            long lums = 0;
            int least = 255, most = 0;
            for (int shift = 0; shift < Long.SIZE; shift += Byte.SIZE) {
                int a = (int) (alphas >>> shift) & 0xFF;
                least = Math.min(least, a);
                most = Math.max(most, a);
                lums |= (long) (255 - covered(ink, a)) << shift;
            }
            WORD.set(lum, to, lums);
            min = Math.min(min, 255 - covered(ink, most));
            max = Math.max(max, 255 - covered(ink, least));
            maxAlpha = Math.max(maxAlpha, most);
        }

        @Override
        void startRow() {
            super.startRow();
            whiteTop = 0;
            blackTop = 0;
            blackLeast = -1L;
            sawWhite = false;
            sawBlack = false;
        }

        @Override
        void finishRow() {
            if (sawWhite) {
                max = 255;
                maxAlpha = Math.max(maxAlpha, largestByte(whiteTop));
            }
            if (sawBlack) {
                int most = largestByte(blackTop);
                min = Math.min(min, 255 - most);
                max = Math.max(max, 255 - smallestByte(blackLeast));
                maxAlpha = Math.max(maxAlpha, most);
            }
        }

        /** 0xFF in each byte where {@code a}'s byte is at least {@code b}'s (unsigned), else 0. */
        private static long atLeast(long a, long b) {
            long high = 0x8080808080808080L;
            // Bit 7 of each byte: the low seven bits compared (no borrow leaves a byte), then the top bits decide.
            long low = (a | high) - (b & ~high);
            long ge = ((a & ~b) | (~(a ^ b) & low)) & high;
            return (ge >>> 7) * 0xFF;
        }

        private static long maxBytes(long a, long b) {
            long ge = atLeast(a, b);
            return (a & ge) | (b & ~ge);
        }

        private static long minBytes(long a, long b) {
            long ge = atLeast(a, b);
            return (b & ge) | (a & ~ge);
        }

        private static int largestByte(long lanes) {
            int most = 0;
            for (int shift = 0; shift < Long.SIZE; shift += Byte.SIZE) {
                most = Math.max(most, (int) (lanes >>> shift) & 0xFF);
            }
            return most;
        }

        private static int smallestByte(long lanes) {
            int least = 255;
            for (int shift = 0; shift < Long.SIZE; shift += Byte.SIZE) {
                least = Math.min(least, (int) (lanes >>> shift) & 0xFF);
            }
            return least;
        }

        /**
         * {@code ink * alpha / 255} rounded, as {@link DecodedImage#overWhite} computes it:
         * {@code overWhite(l, a) == 255 - covered(255 - l, a)}.
         */
        private static int covered(int ink, int alpha) {
            int t = ink * alpha + 128;
            return (t + (t >>> 8)) >>> 8;
        }
    }

    /** 16-bit RGBA, reduced to the high byte of each sample. */
    static final class Rgba16 extends RowConverter {
        @Override
        boolean hasAlpha() {
            return true;
        }

        @Override
        void convert(byte[] row, int offset, DecodedImage raster, int y) {
            int width = raster.width();
            int out = y * width;
            int min = 255, max = 0, maxAlpha = 0;
            for (int x = 0; x < width; x++) {
                int s = offset + 8 * x;
                int a = row[s + 6] & 0xFF;
                int l = overWhite(luminance(row[s] & 0xFF, row[s + 2] & 0xFF, row[s + 4] & 0xFF), a);
                raster.lum()[out + x] = (byte) l;
                raster.alpha()[out + x] = (byte) a;
                min = Math.min(min, l);
                max = Math.max(max, l);
                maxAlpha = Math.max(maxAlpha, a);
            }
            raster.rowDone(y, min, max, maxAlpha);
        }
    }
}
