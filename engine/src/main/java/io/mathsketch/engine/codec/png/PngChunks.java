package io.mathsketch.engine.codec.png;

import io.mathsketch.engine.RecognitionException.CorruptImage;

import java.util.zip.CRC32;

/**
 * Walks the chunk structure of a PNG held in memory: bounds and CRC of every chunk are checked once up front (CRC32
 * is an intrinsic and compressed data is small, so this costs about a microsecond for a canvas), which lets the
 * decoder then read IDAT payloads straight out of the caller's array without copying.
 */
final class PngChunks {

    static final int IHDR = type("IHDR");
    static final int PLTE = type("PLTE");
    static final int TRNS = type("tRNS");
    static final int IDAT = type("IDAT");
    static final int IEND = type("IEND");
    static final int EXIF = type("eXIf");

    /** Offset of the first IDAT chunk header. */
    final int firstIdat;
    /** Offset and length of PLTE data, -1 when absent. */
    final int palette;
    final int paletteLength;
    /** Offset and length of tRNS data, -1 when absent. */
    final int transparency;
    final int transparencyLength;

    private PngChunks(int firstIdat, int palette, int paletteLength, int transparency, int transparencyLength) {
        this.firstIdat = firstIdat;
        this.palette = palette;
        this.paletteLength = paletteLength;
        this.transparency = transparency;
        this.transparencyLength = transparencyLength;
    }

    static PngChunks scan(byte[] data) throws CorruptImage {
        int firstIdat = -1, palette = -1, paletteLength = 0, transparency = -1, transparencyLength = 0;
        int offset = 8;
        boolean ended = false;
        while (!ended) {
            if (offset + 8 > data.length) {
                throw new CorruptImage("PNG is truncated: no IEND chunk");
            }
            int length = readInt(data, offset);
            int type = readInt(data, offset + 4);
            if (length < 0 || (long) offset + 12 + length > data.length) {
                throw new CorruptImage("PNG is truncated inside a chunk");
            }
            checkCrc(data, offset, length);
            if (type == IDAT && firstIdat < 0) {
                firstIdat = offset;
            } else if (type == PLTE) {
                palette = offset + 8;
                paletteLength = length;
            } else if (type == TRNS) {
                transparency = offset + 8;
                transparencyLength = length;
            }
            ended = type == IEND;
            offset += 12 + length;
        }
        if (firstIdat < 0) {
            throw new CorruptImage("PNG has no image data (IDAT)");
        }
        return new PngChunks(firstIdat, palette, paletteLength, transparency, transparencyLength);
    }

    /**
     * Offset and length of the data of the first chunk of {@code wanted} type, or null: a bounds-checked walk of the
     * chunk headers only (no CRC), for metadata read before and whatever the decoder.
     */
    static int[] find(byte[] data, int wanted) {
        long offset = 8;
        while (offset + 8 <= data.length) {
            int length = readInt(data, (int) offset);
            int type = readInt(data, (int) offset + 4);
            if (length < 0 || offset + 12 + length > data.length) {
                return null;
            }
            if (type == wanted) {
                return new int[] {(int) offset + 8, length};
            }
            if (type == IEND) {
                return null;
            }
            offset += 12L + length;
        }
        return null;
    }

    static void checkCrc(byte[] data, int chunkOffset, int length) throws CorruptImage {
        CRC32 crc = new CRC32();
        crc.update(data, chunkOffset + 4, length + 4);
        if ((int) crc.getValue() != readInt(data, chunkOffset + 8 + length)) {
            throw new CorruptImage("PNG chunk CRC mismatch at byte " + chunkOffset);
        }
    }

    static int readInt(byte[] data, int offset) {
        return (data[offset] & 0xFF) << 24 | (data[offset + 1] & 0xFF) << 16 | (data[offset + 2] & 0xFF) << 8
                | (data[offset + 3] & 0xFF);
    }

    private static int type(String name) {
        return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }
}
