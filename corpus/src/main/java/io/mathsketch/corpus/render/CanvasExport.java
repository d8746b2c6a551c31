package io.mathsketch.corpus.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Encodes a canvas as {@code canvas.toDataURL('image/png')} does: a non-interlaced 8-bit RGBA PNG of every pixel.
 * Browsers pick their own filters and compression level; neither changes the decoded pixels, so this writes
 * unfiltered rows at the fastest compression level (training encodes many thousands of drawings).
 */
public final class CanvasExport {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int COLOUR_TYPE_RGBA = 6;

    private CanvasExport() {
    }

    /** @param canvas an ARGB image, as {@link CanvasRasterizer} draws */
    public static byte[] png(BufferedImage canvas) {
        if (canvas.getType() != BufferedImage.TYPE_INT_ARGB) {
            throw new IllegalArgumentException("a canvas is ARGB; got image type " + canvas.getType());
        }
        int width = canvas.getWidth(), height = canvas.getHeight();
        int[] argb = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(width * height / 8 + 1024)) {
            bytes.write(SIGNATURE);
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(width);
            h.writeInt(height);
            h.write(new byte[] {8, COLOUR_TYPE_RGBA, 0, 0, 0});
            chunk(bytes, "IHDR", header.toByteArray());
            chunk(bytes, "IDAT", deflate(argb, width, height));
            chunk(bytes, "IEND", new byte[0]);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
    }

    private static byte[] deflate(int[] argb, int width, int height) throws IOException {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(width * height / 8 + 64)) {
            try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater, 1 << 16)) {
                byte[] row = new byte[1 + width * 4];
                for (int y = 0; y < height; y++) {
                    int p = y * width;
                    for (int x = 0, o = 1; x < width; x++, o += 4) {
                        int c = argb[p + x];
                        row[o] = (byte) (c >>> 16);
                        row[o + 1] = (byte) (c >>> 8);
                        row[o + 2] = (byte) c;
                        row[o + 3] = (byte) (c >>> 24);
                    }
                    z.write(row);
                }
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        d.writeInt(data.length);
        d.write(name);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }
}
