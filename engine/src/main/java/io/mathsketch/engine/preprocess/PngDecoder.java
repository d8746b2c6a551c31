package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.RecognitionException.CorruptImage;

import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The fast path for the format nearly every canvas sends: a pure-Java decoder for non-interlaced PNG of every colour
 * type and bit depth. IDAT payloads are inflated straight from the caller's array into a small reusable buffer of a
 * few scanlines, unfiltered in place and converted row by row to luminance and alpha bytes, so no ARGB image and no
 * per-pixel object is ever built.
 *
 * <p>An instance holds an {@link Inflater} and its row buffer and is used by one thread at a time; the
 * {@link ImagePreprocessor} keeps a small pool of them.
 */
final class PngDecoder {

    /** Target size of the inflate window: large enough to amortise inflate calls, small enough for the cache. */
    private static final int WINDOW_BYTES = 32 * 1024;

    private final Inflater inflater = new Inflater();
    private final byte[] scratch = new byte[256];
    private byte[] window = new byte[WINDOW_BYTES];

    // Per-image state, valid during decode() only.
    private byte[] data;
    private int chunkEnd;

    InkRaster decode(byte[] encoded, PngHeader header) throws CorruptImage {
        PngChunks chunks = PngChunks.scan(encoded);
        RowConverter converter = RowConverter.of(header, encoded, chunks);
        int width = header.width();
        int height = header.height();
        int stride = (int) header.stride();
        int rowLength = stride + 1;
        int bpp = Math.max(1, header.bitsPerPixel() / 8);
        int rowsPerWindow = Math.max(1, Math.min(height, WINDOW_BYTES / rowLength));
        int needed = (rowsPerWindow + 1) * rowLength;
        if (window.length < needed) {
            window = new byte[needed];
        }
        byte[] buffer = window;
        InkRaster raster = new InkRaster(width, height, converter.hasAlpha());
        inflater.reset();
        data = encoded;
        startChunk(chunks.firstIdat);
        try {
            // Slot 0 holds the previous scanline (zeros before the first), slots 1..n the scanlines being decoded.
            Arrays.fill(buffer, 0, rowLength, (byte) 0);
            for (int y = 0; y < height; y += rowsPerWindow) {
                int rows = Math.min(rowsPerWindow, height - y);
                inflateFully(buffer, rowLength, rows * rowLength);
                for (int r = 1; r <= rows; r++) {
                    int cur = r * rowLength;
                    unfilter(buffer, buffer[cur], cur + 1, cur + 1 - rowLength, stride, bpp);
                    converter.convert(buffer, cur + 1, raster, y + r - 1);
                }
                System.arraycopy(buffer, rows * rowLength, buffer, 0, rowLength);
            }
            finishStream();
        } catch (DataFormatException e) {
            throw new CorruptImage("PNG image data is not a valid zlib stream: " + e.getMessage(), e);
        } finally {
            data = null;
        }
        return raster;
    }

    private void startChunk(int chunkOffset) {
        int length = PngChunks.readInt(data, chunkOffset);
        inflater.setInput(data, chunkOffset + 8, length);
        chunkEnd = chunkOffset + 12 + length;
    }

    /** Moves to the next IDAT chunk; false when the image data has ended. */
    private boolean nextChunk() {
        if (chunkEnd + 8 > data.length || PngChunks.readInt(data, chunkEnd + 4) != PngChunks.IDAT) {
            return false;
        }
        startChunk(chunkEnd);
        return true;
    }

    private void inflateFully(byte[] buffer, int offset, int length) throws DataFormatException, CorruptImage {
        int end = offset + length;
        while (offset < end) {
            int n = inflater.inflate(buffer, offset, end - offset);
            offset += n;
            if (n == 0) {
                if (inflater.finished() || inflater.needsDictionary()) {
                    throw new CorruptImage("PNG image data ends before the last scanline");
                }
                if (inflater.needsInput() && !nextChunk()) {
                    throw new CorruptImage("PNG image data is truncated");
                }
            }
        }
    }

    /**
     * Reads the end of the zlib stream so the Inflater verifies its Adler-32 checksum over all scanlines. Trailing
     * data beyond the image is tolerated, but only a bounded amount is inflated.
     */
    private void finishStream() throws DataFormatException {
        for (int i = 0; i < 16 && !inflater.finished(); i++) {
            if (inflater.inflate(scratch) == 0 && inflater.needsInput() && !nextChunk()) {
                return;
            }
        }
    }

    private static void unfilter(byte[] b, int filter, int cur, int prev, int n, int bpp) throws CorruptImage {
        switch (filter) {
            case 0 -> {
            }
            case 1 -> {
                for (int i = bpp; i < n; i++) {
                    b[cur + i] += b[cur + i - bpp];
                }
            }
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    b[cur + i] += b[prev + i];
                }
            }
            case 3 -> {
                for (int i = 0; i < bpp; i++) {
                    b[cur + i] += (byte) ((b[prev + i] & 0xFF) >>> 1);
                }
                for (int i = bpp; i < n; i++) {
                    b[cur + i] += (byte) (((b[cur + i - bpp] & 0xFF) + (b[prev + i] & 0xFF)) >>> 1);
                }
            }
            case 4 -> {
                for (int i = 0; i < bpp; i++) {
                    b[cur + i] += b[prev + i];
                }
                for (int i = bpp; i < n; i++) {
                    int a = b[cur + i - bpp] & 0xFF;
                    int up = b[prev + i] & 0xFF;
                    int c = b[prev + i - bpp] & 0xFF;
                    int pa = Math.abs(up - c);
                    int pb = Math.abs(a - c);
                    int pc = Math.abs(a + up - 2 * c);
                    int predictor = pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
                    b[cur + i] += (byte) predictor;
                }
            }
            default -> throw new CorruptImage("PNG scanline has unknown filter type " + (filter & 0xFF));
        }
    }
}
