package io.mathsketch.engine.codec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * BMP as its readers need it: the file and info headers, the colour masks, the palette a picture of up to 8 bits per
 * pixel indexes, and the pixels, copied unchanged. Dropped: whatever lies between the palette and the pixels or after
 * the pixels (BMP has no metadata blocks, but any bytes fit there, and the JDK's reader even takes those before the
 * pixels for palette entries), the header's reserved fields, and a version 5 header's colour profile, linked (a path on
 * the sender's machine, {@code C:\Users\<name>\...}) or embedded, so the picture is read as sRGB, as BMPs almost
 * always are.
 */
final class BmpMetadata {

    private static final int FILE_HEADER = 14;
    private static final int BI_RGB = 0, BI_RLE8 = 1, BI_RLE4 = 2, BI_BITFIELDS = 3;
    /** The version 5 info header, the only one with a profile, and where it keeps the profile's fields. */
    private static final int V5 = 124, COLOUR_SPACE = FILE_HEADER + 56, PROFILE = FILE_HEADER + 112;
    private static final int LCS_SRGB = 0x73524742, PROFILE_LINKED = 0x4C494E4B, PROFILE_EMBEDDED = 0x4D424544;

    private BmpMetadata() {
    }

    /**
     * The BMP rebuilt from its headers, palette and pixels, or the input itself when it has nothing else; empty when
     * its layout cannot be read (an unknown header or compression, pixels past the end, an RLE stream without its
     * end).
     */
    static Optional<byte[]> strip(byte[] bmp) {
        if (bmp.length < FILE_HEADER + 16) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN);
        long offset = Integer.toUnsignedLong(in.getInt(10));
        int header = in.getInt(FILE_HEADER);
        if (header != 12 && header != 40 && header != 52 && header != 56 && header != 108 && header != V5
                || FILE_HEADER + header > bmp.length) {
            return Optional.empty();
        }
        boolean core = header == 12;
        long width = core ? in.getShort(18) : in.getInt(18);
        long height = Math.abs((long) (core ? in.getShort(20) : in.getInt(22)));
        int bits = Short.toUnsignedInt(in.getShort(core ? 24 : 28));
        int compression = core ? BI_RGB : in.getInt(30);
        int masks = header == 40 && compression == BI_BITFIELDS ? 12 : 0;
        int tableAt = FILE_HEADER + header + masks;
        int entry = core ? 3 : 4;
        if (width <= 0 || height == 0 || bits == 0 || offset < tableAt || offset > bmp.length) {
            return Optional.empty();
        }
        int palette = bits <= 8 ? (int) Math.min(1L << bits, (offset - tableAt) / entry) * entry : 0;
        long row = (bits * width + 31) / 32 * 4;
        long pixels = switch (compression) {
            case BI_RGB, BI_BITFIELDS -> height <= (bmp.length - offset) / row ? row * height : -1;
            case BI_RLE8, BI_RLE4 -> rleLength(bmp, (int) offset, compression == BI_RLE4);
            default -> -1;
        };
        if (pixels < 0 || offset + pixels > bmp.length) {
            return Optional.empty();
        }
        int space = header == V5 ? in.getInt(COLOUR_SPACE) : LCS_SRGB;
        boolean profile = space == PROFILE_LINKED || space == PROFILE_EMBEDDED;
        int size = tableAt + palette + (int) pixels;
        if (!profile && offset == tableAt + palette && size == bmp.length && in.getInt(6) == 0) {
            return Optional.of(bmp);
        }
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.put(bmp, 0, tableAt).put(bmp, tableAt, palette).put(bmp, (int) offset, (int) pixels);
        out.putInt(2, size).putInt(6, 0).putInt(10, tableAt + palette);
        if (!core) {
            // The pixels' size as kept (a reader takes an RLE stream's from here), and the palette's entries.
            out.putInt(34, (int) pixels).putInt(46, palette / entry).putInt(50, 0);
        }
        if (profile) {
            out.putInt(COLOUR_SPACE, LCS_SRGB).putInt(PROFILE, 0).putInt(PROFILE + 4, 0).putInt(PROFILE + 8, 0);
        }
        return Optional.of(out.array());
    }

    /** Bytes of an RLE8 or RLE4 stream from {@code at} through its end-of-bitmap code; -1 when it has none. */
    private static long rleLength(byte[] bmp, int at, boolean fourBits) {
        int i = at;
        while (i + 1 < bmp.length) {
            int count = bmp[i] & 0xFF;
            int code = bmp[i + 1] & 0xFF;
            i += 2;
            if (count == 0) {
                if (code == 1) {
                    return i - at;
                } else if (code == 2) {
                    i += 2; // a move right and down
                } else if (code > 2) {
                    // That many pixels written out, padded to 16 bits.
                    int bytes = fourBits ? (code + 1) / 2 : code;
                    i += bytes + (bytes & 1);
                }
            }
        }
        return -1;
    }
}
