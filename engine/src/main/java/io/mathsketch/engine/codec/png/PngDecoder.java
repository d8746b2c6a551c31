package io.mathsketch.engine.codec.png;

import io.mathsketch.engine.RecognitionException.CorruptImage;
import io.mathsketch.engine.image.DecodedImage;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;

/**
 * The fast path for the format nearly every canvas sends: a pure-Java decoder for non-interlaced PNG of every colour
 * type and bit depth, and the only entry into this package (chunks, header, inflater and row converters are its
 * internals). The image data is inflated by {@link Inflate} straight from the caller's array (IDAT payloads
 * split over several chunks are first joined into a reusable buffer), and each scanline is unfiltered into one of two
 * row buffers and converted to luminance and alpha bytes, so no ARGB image and no per-pixel object is ever built.
 * Unfiltering cannot happen in place: the inflater's window must keep the filtered bytes for back-references.
 *
 * <p>An instance holds its inflater and buffers, including the planes of the image it returns, and is used by one
 * thread at a time; callers keep a small pool of them.
 */
public final class PngDecoder {

    /** Joined image data up to this size is kept for the next image; larger buffers are left to the collector. */
    private static final int MAX_RETAINED_JOIN = 256 * 1024;
    /**
     * Luminance and alpha planes up to this many pixels are reused for the next image: a canvas request then
     * allocates next to nothing (they were most of the garbage per request, and so of the GC pauses under load).
     */
    private static final int MAX_RETAINED_PIXELS = 1024 * 1024;

    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.nativeOrder());
    /**
     * Bytes of an Up scanline added after each non-zero difference before looking for the next one: eight RGBA
     * pixels, so that an anti-aliased edge costs one search, not one per pixel.
     */
    private static final int UP_SPAN = 32;

    private final Inflate inflate = new Inflate();
    private byte[] joined = new byte[0];
    private byte[] previousRow = new byte[0];
    private byte[] currentRow = new byte[0];
    /** A row of zeros, to find the spans of a scanline's differences that are not zero. */
    private byte[] zeros = new byte[0];
    private byte[] lumPlane = new byte[0];
    private byte[] alphaPlane = new byte[0];
    /** Pixel ranges {from, to, from, to, ...} of an Up scanline that may differ from the row above. */
    private int[] changedPixels = new int[0];

    /** What the IHDR declares, read and validated without touching image data. */
    public record Header(int width, int height, boolean interlaced) {
    }

    /** Where a chunk's data lies in the encoded bytes. */
    public record Span(int offset, int length) {
    }

    /** The data of the {@code eXIf} chunk (a TIFF structure), if the PNG has one; nothing is decoded. */
    public static Optional<Span> exif(byte[] encoded) {
        int[] found = PngChunks.find(encoded, PngChunks.EXIF);
        return found == null ? Optional.empty() : Optional.of(new Span(found[0], found[1]));
    }

    /** Whether the bytes start with the PNG signature. */
    public static boolean hasSignature(byte[] data) {
        return PngHeader.hasSignature(data);
    }

    /** Reads and validates the IHDR of PNG bytes, so that oversized images are refused before a byte is inflated. */
    public static Header header(byte[] encoded) throws CorruptImage {
        PngHeader header = PngHeader.read(encoded);
        return new Header(header.width(), header.height(), header.interlaced());
    }

    /**
     * Decodes a non-interlaced PNG. The returned image lives on this decoder's reusable planes when it is small:
     * the caller must be done with it before decoding the next image.
     *
     * @throws CorruptImage when the PNG is malformed or interlaced (those are left to a general-purpose decoder)
     */
    public DecodedImage decode(byte[] encoded) throws CorruptImage {
        return decode(encoded, 1);
    }

    /**
     * Decodes a non-interlaced PNG reduced by {@code factor}: each {@code factor x factor} block of pixels (fewer at
     * the right and bottom edges) becomes one, its luminance and alpha averaged, as its rows are unfiltered, so the
     * full-size planes never exist. A factor of 1 is {@link #decode(byte[])}.
     *
     * @throws CorruptImage when the PNG is malformed or interlaced (those are left to a general-purpose decoder)
     */
    public DecodedImage decode(byte[] encoded, int factor) throws CorruptImage {
        if (factor < 1) {
            throw new IllegalArgumentException("reduction factor " + factor);
        }
        PngHeader header = PngHeader.read(encoded);
        if (header.interlaced()) {
            throw new CorruptImage("interlaced PNG is not decoded by this decoder");
        }
        PngChunks chunks = PngChunks.scan(encoded);
        RowConverter converter = RowConverter.of(header, encoded, chunks);
        int width = header.width();
        int height = header.height();
        int stride = (int) header.stride();
        int rowLength = stride + 1;
        int bpp = Math.max(1, header.bitsPerPixel() / 8);
        if (currentRow.length < stride) {
            previousRow = new byte[stride];
            currentRow = new byte[stride];
            zeros = new byte[stride];
        }
        if (changedPixels.length < 2 * (stride / UP_SPAN + 2)) {
            changedPixels = new int[2 * (stride / UP_SPAN + 2)];
        }
        byte[] previous = previousRow;
        byte[] current = currentRow;
        Arrays.fill(previous, 0, stride, (byte) 0); // the row above the first is zeros
        if (factor > 1) {
            return decodeReduced(encoded, chunks, converter, width, height, stride, bpp, factor);
        }
        DecodedImage raster = raster(width, height, converter.hasAlpha());
        RowConverter.Runs runs = converter instanceof RowConverter.Runs r ? r : null;
        try {
            startImageData(encoded, chunks.firstIdat, (long) rowLength * height, rowLength);
            byte[] window = inflate.window();
            for (int y = 0; y < height; y++) {
                int at = inflate.next(rowLength);
                if (y > 0 && window[at] == 2 && runs != null) {
                    upRow(window, at + 1, previous, stride, bpp, runs, raster, y);
                    continue; // previous now holds this row
                }
                if (y > 0 && repeatsRowAbove(window[at], window, at + 1, previous, stride)) {
                    repeatRow(raster, y); // the row above stays the previous row
                    continue;
                }
                unfilter(window[at], window, at + 1, current, previous, stride, bpp, zeros);
                converter.convert(current, 0, raster, y);
                byte[] swap = previous;
                previous = current;
                current = swap;
            }
            inflate.finish();
        } finally {
            inflate.release();
        }
        return raster;
    }

    /**
     * The reduced decode: every row is unfiltered and converted onto a one-row image of the full width, whose
     * luminance and alpha are summed into the block columns; a block row's sums become an output row when its last
     * source row is in. Held: two source rows, the converted row and the sums, beside the reduced planes.
     */
    private DecodedImage decodeReduced(byte[] encoded, PngChunks chunks, RowConverter converter, int width,
                                       int height, int stride, int bpp, int factor) throws CorruptImage {
        int outWidth = Math.ceilDiv(width, factor);
        int outHeight = Math.ceilDiv(height, factor);
        boolean hasAlpha = converter.hasAlpha();
        DecodedImage raster = raster(outWidth, outHeight, hasAlpha);
        DecodedImage line = new DecodedImage(width, 1, hasAlpha);
        int[] lumSums = new int[outWidth];
        int[] alphaSums = hasAlpha ? new int[outWidth] : null;
        byte[] previous = previousRow;
        byte[] current = currentRow;
        int rowLength = stride + 1;
        try {
            startImageData(encoded, chunks.firstIdat, (long) rowLength * height, rowLength);
            byte[] window = inflate.window();
            for (int y = 0; y < height; y++) {
                int at = inflate.next(rowLength);
                unfilter(window[at], window, at + 1, current, previous, stride, bpp, zeros);
                converter.convert(current, 0, line, 0);
                addToBlocks(line, lumSums, alphaSums, factor);
                if ((y + 1) % factor == 0 || y == height - 1) {
                    emitBlockRow(raster, y / factor, y % factor + 1, lumSums, alphaSums, factor, width);
                }
                byte[] swap = previous;
                previous = current;
                current = swap;
            }
            inflate.finish();
        } finally {
            inflate.release();
        }
        return raster;
    }

    /** Adds a converted full-width row into the sums of its blocks. */
    private static void addToBlocks(DecodedImage line, int[] lumSums, int[] alphaSums, int factor) {
        byte[] lum = line.lum();
        byte[] alpha = line.alpha();
        int width = line.width();
        addToBlocks(lum, width, lumSums, factor);
        if (alpha != null) {
            addToBlocks(alpha, width, alphaSums, factor);
        }
    }

    private static void addToBlocks(byte[] plane, int width, int[] sums, int factor) {
        for (int block = 0, x = 0; x < width; block++) {
            int end = Math.min(width, x + factor);
            int sum = 0;
            for (int i = x; i < end; i++) {
                sum += plane[i] & 0xFF;
            }
            sums[block] += sum;
            x = end;
        }
    }

    /**
     * Writes output row {@code y} as the rounded means of its blocks ({@code rows} source rows of {@code factor}
     * columns, fewer at the right edge) and clears the sums. Averaging the luminance composited onto white is the
     * same as compositing the averaged colour: the background handling stays the decoder's.
     */
    private static void emitBlockRow(DecodedImage raster, int y, int rows, int[] lumSums, int[] alphaSums, int factor,
                                     int width) {
        int outWidth = raster.width();
        byte[] lum = raster.lum();
        byte[] alpha = raster.alpha();
        int out = y * outWidth;
        int min = 255, max = 0, maxAlpha = 0;
        for (int x = 0; x < outWidth; x++) {
            int count = rows * Math.min(factor, width - x * factor);
            int l = (lumSums[x] + count / 2) / count;
            lum[out + x] = (byte) l;
            min = Math.min(min, l);
            max = Math.max(max, l);
            lumSums[x] = 0;
            if (alphaSums != null) {
                int a = (alphaSums[x] + count / 2) / count;
                alpha[out + x] = (byte) a;
                maxAlpha = Math.max(maxAlpha, a);
                alphaSums[x] = 0;
            }
        }
        raster.rowDone(y, min, max, maxAlpha);
    }

    /**
     * A raster on this decoder's reusable planes (valid until its next decode, so the caller must be done with it
     * before the decoder goes back to the pool), or on fresh ones for a very large image.
     */
    private DecodedImage raster(int width, int height, boolean hasAlpha) {
        int pixels = width * height;
        if (pixels > MAX_RETAINED_PIXELS) {
            return new DecodedImage(width, height, hasAlpha);
        }
        if (lumPlane.length < pixels) {
            lumPlane = new byte[pixels];
            alphaPlane = new byte[pixels];
        }
        return new DecodedImage(width, height, lumPlane, hasAlpha ? alphaPlane : null);
    }

    /** Starts the inflater on the first IDAT payload in place, or on all consecutive ones joined when split. */
    private void startImageData(byte[] data, int firstIdat, long size, int rowLength) throws CorruptImage {
        int length = PngChunks.readInt(data, firstIdat);
        int next = firstIdat + 12 + length;
        if (!isIdat(data, next)) {
            inflate.start(data, firstIdat + 8, length, size, rowLength);
            return;
        }
        // PngChunks checked the bounds of every chunk up to IEND, which ends this walk at the latest.
        int total = 0;
        for (int chunk = firstIdat; isIdat(data, chunk); chunk += 12 + PngChunks.readInt(data, chunk)) {
            total += PngChunks.readInt(data, chunk);
        }
        byte[] buffer = joined.length >= total ? joined : new byte[total];
        if (total <= MAX_RETAINED_JOIN) {
            joined = buffer;
        }
        int filled = 0;
        for (int chunk = firstIdat; isIdat(data, chunk); chunk += 12 + PngChunks.readInt(data, chunk)) {
            int n = PngChunks.readInt(data, chunk);
            System.arraycopy(data, chunk + 8, buffer, filled, n);
            filled += n;
        }
        inflate.start(buffer, 0, total, size, rowLength);
    }

    private static boolean isIdat(byte[] data, int chunk) {
        return chunk + 8 <= data.length && PngChunks.readInt(data, chunk + 4) == PngChunks.IDAT;
    }

    /**
     * Whether a filtered scanline unfilters to exactly the row above: Up with all differences zero (how a browser
     * encodes every row of an empty canvas area) or None with the same bytes. One vectorised comparison, where
     * unfiltering and converting would each pass over the row.
     */
    private boolean repeatsRowAbove(byte filter, byte[] src, int s, byte[] previous, int n) {
        if (filter == 2) {
            return Arrays.mismatch(src, s, s + n, zeros, 0, n) < 0;
        }
        return filter == 0 && Arrays.mismatch(src, s, s + n, previous, 0, n) < 0;
    }

    /**
     * An Up scanline of 8-bit RGB or RGBA, unfiltered and converted in one go: the row above ({@code row}, unfiltered)
     * gets the spans of non-zero differences added in place, so it becomes this row, and the raster row is a copy of
     * the one above with only the pixels of those spans that changed converted again
     * ({@link RowConverter.Runs#convertChanged}).
     * A browser filters every canvas row this way and most of a row's differences are zero, so this replaces copying
     * the whole row, unfiltering it and converting all of its pixels with work in proportion to what changed.
     */
    private void upRow(byte[] src, int s, byte[] row, int n, int bpp, RowConverter.Runs runs, DecodedImage raster,
                       int y) {
        int i = Arrays.mismatch(src, s, s + n, zeros, 0, n);
        if (i < 0) {
            repeatRow(raster, y); // no difference at all
            return;
        }
        int[] ranges = changedPixels;
        int count = 0;
        while (i >= 0) {
            // From the first non-zero difference, add a span; only up to its last non-zero word changed pixels.
            int start = i, changedEnd = i + 1;
            int end = Math.min(n, i + UP_SPAN);
            for (; i + Long.BYTES <= end; i += Long.BYTES) {
                long difference = (long) LONG.get(src, s + i);
                LONG.set(row, i, addBytes(difference, (long) LONG.get(row, i)));
                changedEnd = difference != 0 ? i + Long.BYTES : changedEnd;
            }
            for (; i < end; i++) {
                row[i] = (byte) (src[s + i] + row[i]);
                changedEnd = src[s + i] != 0 ? i + 1 : changedEnd;
            }
            int from = start / bpp, to = (changedEnd + bpp - 1) / bpp;
            if (count > 0 && from <= ranges[count - 1]) {
                ranges[count - 1] = to; // touches the range before (a pixel split between two spans)
            } else {
                ranges[count++] = from;
                ranges[count++] = to;
            }
            int next = i == n ? -1 : Arrays.mismatch(src, s + i, s + n, zeros, 0, n - i);
            i = next < 0 ? -1 : i + next;
        }
        runs.convertChanged(row, ranges, count, raster, y);
    }

    /** Makes row {@code y} of the raster a copy of row {@code y - 1}, extremes included. */
    private static void repeatRow(DecodedImage raster, int y) {
        int width = raster.width();
        int from = (y - 1) * width;
        System.arraycopy(raster.lum(), from, raster.lum(), from + width, width);
        if (raster.hasAlpha()) {
            System.arraycopy(raster.alpha(), from, raster.alpha(), from + width, width);
        }
        raster.rowDone(y, raster.rowMinLum()[y - 1], raster.rowMaxLum()[y - 1], raster.rowMaxAlpha()[y - 1]);
    }

    /** Byte-wise sums modulo 256 of two words: no carry crosses from one byte into the next. */
    private static long addBytes(long a, long b) {
        return ((a & 0x7F7F7F7F7F7F7F7FL) + (b & 0x7F7F7F7F7F7F7F7FL)) ^ ((a ^ b) & 0x8080808080808080L);
    }

    private static int addBytes(int a, int b) {
        return ((a & 0x7F7F7F7F) + (b & 0x7F7F7F7F)) ^ ((a ^ b) & 0x80808080);
    }

    /**
     * Reverses the scanline filter of {@code n} bytes at {@code src[s]} into {@code cur}, given the row above;
     * {@code zeros} holds at least {@code n} zero bytes.
     */
    private static void unfilter(int filter, byte[] src, int s, byte[] cur, byte[] prev, int n, int bpp, byte[] zeros)
            throws CorruptImage {
        int first = Math.min(bpp, n);
        switch (filter) {
            case 0 -> System.arraycopy(src, s, cur, 0, n);
            case 1 -> {
                System.arraycopy(src, s, cur, 0, first);
                int i = first;
                if (bpp == Integer.BYTES) {
                    // RGBA: a pixel's four bytes at once (each byte's sum stays in its byte).
                    for (; i + Integer.BYTES <= n; i += Integer.BYTES) {
                        INT.set(cur, i, addBytes((int) INT.get(src, s + i), (int) INT.get(cur, i - bpp)));
                    }
                }
                for (; i < n; i++) {
                    cur[i] = (byte) (src[s + i] + cur[i - bpp]);
                }
            }
            case 2 -> {
                // A browser filters every row of a canvas this way, and most of a row's differences are zero (only
                // where the ink's edge moved from the row above): copy the row above, then add only the spans of
                // differences that are not zero, found a vectorised comparison at a time, eight bytes at once.
                System.arraycopy(prev, 0, cur, 0, n);
                int i = Arrays.mismatch(src, s, s + n, zeros, 0, n);
                while (i >= 0) {
                    int end = Math.min(n, i + UP_SPAN);
                    for (; i + Long.BYTES <= end; i += Long.BYTES) {
                        LONG.set(cur, i, addBytes((long) LONG.get(src, s + i), (long) LONG.get(prev, i)));
                    }
                    for (; i < end; i++) {
                        cur[i] = (byte) (src[s + i] + prev[i]);
                    }
                    int next = i == n ? -1 : Arrays.mismatch(src, s + i, s + n, zeros, 0, n - i);
                    i = next < 0 ? -1 : i + next;
                }
            }
            case 3 -> {
                for (int i = 0; i < first; i++) {
                    cur[i] = (byte) (src[s + i] + ((prev[i] & 0xFF) >>> 1));
                }
                for (int i = first; i < n; i++) {
                    cur[i] = (byte) (src[s + i] + (((cur[i - bpp] & 0xFF) + (prev[i] & 0xFF)) >>> 1));
                }
            }
            case 4 -> {
                for (int i = 0; i < first; i++) {
                    cur[i] = (byte) (src[s + i] + prev[i]);
                }
                for (int i = first; i < n; i++) {
                    int a = cur[i - bpp] & 0xFF;
                    int up = prev[i] & 0xFF;
                    int c = prev[i - bpp] & 0xFF;
                    int pa = Math.abs(up - c);
                    int pb = Math.abs(a - c);
                    int pc = Math.abs(a + up - 2 * c);
                    int predictor = pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
                    cur[i] = (byte) (src[s + i] + predictor);
                }
            }
            default -> throw new CorruptImage("PNG scanline has unknown filter type " + (filter & 0xFF));
        }
    }
}
