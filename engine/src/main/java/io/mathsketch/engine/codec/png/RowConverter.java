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
     * 8-bit RGB without a colour key: an opaque export (a drawing program's, a canvas filled before drawing). Like
     * {@link Rgba8}, taken as runs of equal pixels, most of such a picture being one background colour.
     */
    static final class Rgb8 extends RowConverter {
        /** Runs shorter than this are stored pixel by pixel, cheaper than a fill. */
        private static final int SHORT_RUN = 8;

        @Override
        boolean hasAlpha() {
            return false;
        }

        @Override
        void convert(byte[] row, int offset, DecodedImage raster, int y) {
            int width = raster.width();
            int out = y * width;
            byte[] lum = raster.lum();
            int min = 255, max = 0;
            for (int x = 0; x < width; ) {
                int s = offset + 3 * x;
                int r = row[s], g = row[s + 1], b = row[s + 2];
                int l = luminance(r & 0xFF, g & 0xFF, b & 0xFF);
                min = Math.min(min, l);
                max = Math.max(max, l);
                lum[out + x] = (byte) l;
                x++;
                // Along an anti-aliased edge every pixel differs from the next: only a repeat looks for a run.
                if (x < width && row[s + 3] == r && row[s + 4] == g && row[s + 5] == b) {
                    int end = runEnd(row, offset, x, width);
                    if (end - x < SHORT_RUN) {
                        for (int i = out + x; i < out + end; i++) {
                            lum[i] = (byte) l;
                        }
                    } else {
                        Arrays.fill(lum, out + x, out + end, (byte) l);
                    }
                    x = end;
                }
            }
            raster.rowDone(y, min, max, 0);
        }

        /** The first pixel from {@code x}, which repeats the pixel before it, that differs from it, or the width. */
        private static int runEnd(byte[] row, int offset, int x, int width) {
            // Pixels repeat as long as each byte equals the one 3 bytes on.
            int from = offset + 3 * x;
            int to = offset + 3 * (width - 1);
            int mismatch = Arrays.mismatch(row, from, to, row, from + 3, to + 3);
            return mismatch < 0 ? width : x + 1 + mismatch / 3;
        }
    }

    /**
     * 8-bit RGBA: what browsers export from a canvas, so it gets its own tight loop. Most of a canvas is one
     * background colour, so the row is taken as runs of equal pixels, each found with a vectorised
     * {@code Arrays.mismatch}, converted once and written with {@code Arrays.fill}; a transparent row is one run.
     */
    static final class Rgba8 extends RowConverter {
        private static final VarHandle PIXEL = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        /** Runs shorter than this are stored pixel by pixel, cheaper than two fills. */
        private static final int SHORT_RUN = 8;

        @Override
        boolean hasAlpha() {
            return true;
        }

        @Override
        void convert(byte[] row, int offset, DecodedImage raster, int y) {
            int width = raster.width();
            int out = y * width;
            byte[] lum = raster.lum();
            byte[] alpha = raster.alpha();
            int min = 255, max = 0, maxAlpha = 0;
            // A canvas's ink is mostly one colour at many opacities: its luminance is computed once per colour.
            int lastRgb = 0, lastLum = 0; // black: luminance(0, 0, 0) == 0
            for (int x = 0; x < width; ) {
                int rgba = (int) PIXEL.get(row, offset + 4 * x);
                int rgb = rgba >>> 8;
                if (rgb != lastRgb) {
                    lastRgb = rgb;
                    lastLum = luminance(rgb >>> 16, rgb >>> 8 & 0xFF, rgb & 0xFF);
                }
                int a = rgba & 0xFF;
                int l = overWhite(lastLum, a);
                min = Math.min(min, l);
                max = Math.max(max, l);
                maxAlpha = Math.max(maxAlpha, a);
                lum[out + x] = (byte) l;
                alpha[out + x] = (byte) a;
                x++;
                // Along an anti-aliased edge every pixel differs from the next: only a repeat looks for a run.
                if (x < width && (int) PIXEL.get(row, offset + 4 * x) == rgba) {
                    int end = runEnd(row, offset, x, width);
                    if (end - x < SHORT_RUN) {
                        for (int i = out + x; i < out + end; i++) {
                            lum[i] = (byte) l;
                            alpha[i] = (byte) a;
                        }
                    } else {
                        Arrays.fill(lum, out + x, out + end, (byte) l);
                        Arrays.fill(alpha, out + x, out + end, (byte) a);
                    }
                    x = end;
                }
            }
            raster.rowDone(y, min, max, maxAlpha);
        }

        /** The first pixel from {@code x}, which repeats the pixel before it, that differs from it, or the width. */
        private static int runEnd(byte[] row, int offset, int x, int width) {
            // Pixels repeat as long as each byte equals the one 4 bytes on: a vectorised comparison of the row
            // with itself.
            int from = offset + 4 * x;
            int to = offset + 4 * (width - 1);
            int mismatch = Arrays.mismatch(row, from, to, row, from + 4, to + 4);
            return mismatch < 0 ? width : x + 1 + mismatch / 4;
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
