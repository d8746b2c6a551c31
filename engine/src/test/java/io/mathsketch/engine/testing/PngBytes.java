package io.mathsketch.engine.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes PNG files byte by byte, for the layouts ImageIO's writer cannot be asked for directly: any colour type and
 * bit depth, palettes with tRNS, colour-key tRNS, a chosen scanline filter, and deliberately broken headers.
 */
public final class PngBytes {

    public static final int GREY = 0, RGB = 2, PALETTE = 3, GREY_ALPHA = 4, RGBA = 6;
    /** As {@code filter}: each row filtered another way, runs of Up rows between rows of every other filter. */
    public static final int MIXED_FILTERS = -1;
    private static final int[] MIXED = {2, 2, 0, 2, 1, 2, 2, 3, 2, 4, 2, 0, 0, 2};

    private PngBytes() {
    }

    /**
     * @param samples row-major samples, {@code channels} per pixel, each in [0, 2^depth - 1]
     * @param filter scanline filter applied to every row (0 None, 1 Sub, 2 Up, 3 Average, 4 Paeth), or
     *               {@link #MIXED_FILTERS}
     * @param palette PLTE data (RGB triples) or null
     * @param transparency tRNS data or null
     */
    public static byte[] encode(int width, int height, int colorType, int depth, int[] samples, int filter,
                                byte[] palette, byte[] transparency) {
        int channels = switch (colorType) {
            case GREY, PALETTE -> 1;
            case GREY_ALPHA -> 2;
            case RGB -> 3;
            default -> 4;
        };
        int stride = (width * channels * depth + 7) / 8;
        int bpp = Math.max(1, channels * depth / 8);
        byte[] raw = new byte[height * (stride + 1)];
        byte[] previous = new byte[stride];
        for (int y = 0; y < height; y++) {
            byte[] row = new byte[stride];
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    int value = samples[(y * width + x) * channels + c];
                    int index = x * channels + c;
                    if (depth == 16) {
                        row[2 * index] = (byte) (value >> 8);
                        row[2 * index + 1] = (byte) value;
                    } else if (depth == 8) {
                        row[index] = (byte) value;
                    } else {
                        int bit = index * depth;
                        row[bit / 8] |= (byte) (value << (8 - depth - bit % 8));
                    }
                }
            }
            int out = y * (stride + 1);
            int rowFilter = filter == MIXED_FILTERS ? MIXED[y % MIXED.length] : filter;
            raw[out] = (byte) rowFilter;
            for (int i = 0; i < stride; i++) {
                int a = i >= bpp ? row[i - bpp] & 0xFF : 0;
                int b = previous[i] & 0xFF;
                int c = i >= bpp ? previous[i - bpp] & 0xFF : 0;
                int predictor = switch (rowFilter) {
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >>> 1;
                    case 4 -> paeth(a, b, c);
                    default -> 0;
                };
                raw[out + 1 + i] = (byte) (row[i] - predictor);
            }
            previous = row;
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", header(width, height, depth, colorType));
        if (palette != null) {
            chunk(png, "PLTE", palette);
        }
        if (transparency != null) {
            chunk(png, "tRNS", transparency);
        }
        chunk(png, "IDAT", deflate(raw));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A valid-looking PNG whose header declares the given size but whose image data is a few bytes. */
    public static byte[] bomb(int width, int height) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", header(width, height, 8, RGBA));
        chunk(png, "IDAT", deflate(new byte[1024]));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A PNG with the given header and arbitrary (for example corrupt) IDAT payload, all CRCs correct. */
    public static byte[] withImageData(int width, int height, int colorType, int depth, byte[] imageData) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", header(width, height, depth, colorType));
        chunk(png, "IDAT", imageData);
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    public static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(6);
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] header(int width, int height, int depth, int colorType) {
        return new byte[] {(byte) (width >>> 24), (byte) (width >>> 16), (byte) (width >>> 8), (byte) width,
            (byte) (height >>> 24), (byte) (height >>> 16), (byte) (height >>> 8), (byte) height,
            (byte) depth, (byte) colorType, 0, 0, 0};
    }

    /** A PNG chunk: its length, type, data and CRC. */
    public static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        writeInt(out, data.length);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeInt(out, (int) crc.getValue());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
