package io.mathsketch.engine.codec.png;

import io.mathsketch.engine.RecognitionException.CorruptImage;

/**
 * The IHDR of a PNG, read and validated without touching any pixel data, so that oversized images are refused
 * before a byte is inflated.
 */
record PngHeader(int width, int height, int bitDepth, int colorType, boolean interlaced) {

    static final int GREY = 0;
    static final int RGB = 2;
    static final int PALETTE = 3;
    static final int GREY_ALPHA = 4;
    static final int RGBA = 6;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** Signature, IHDR length and type, 13 bytes of IHDR data, CRC. */
    private static final int MIN_LENGTH = 8 + 8 + 13 + 4;

    static boolean hasSignature(byte[] data) {
        if (data.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (data[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    static PngHeader read(byte[] data) throws CorruptImage {
        if (data.length < MIN_LENGTH) {
            throw new CorruptImage("PNG is truncated before the end of its header");
        }
        if (PngChunks.readInt(data, 8) != 13 || PngChunks.readInt(data, 12) != PngChunks.IHDR) {
            throw new CorruptImage("PNG does not start with a valid IHDR chunk");
        }
        PngChunks.checkCrc(data, 8, 13);
        int width = PngChunks.readInt(data, 16);
        int height = PngChunks.readInt(data, 20);
        int depth = data[24];
        int colorType = data[25];
        if (width <= 0 || height <= 0) {
            throw new CorruptImage("PNG declares invalid dimensions " + Integer.toUnsignedString(width) + "x"
                    + Integer.toUnsignedString(height));
        }
        if (!validDepth(colorType, depth)) {
            throw new CorruptImage("PNG declares an invalid bit depth " + depth + " for colour type " + colorType);
        }
        if (data[26] != 0 || data[27] != 0 || (data[28] != 0 && data[28] != 1)) {
            throw new CorruptImage("PNG declares an unknown compression, filter or interlace method");
        }
        return new PngHeader(width, height, depth, colorType, data[28] == 1);
    }

    private static boolean validDepth(int colorType, int depth) {
        return switch (colorType) {
            case GREY -> depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
            case PALETTE -> depth == 1 || depth == 2 || depth == 4 || depth == 8;
            case RGB, GREY_ALPHA, RGBA -> depth == 8 || depth == 16;
            default -> false;
        };
    }

    int channels() {
        return switch (colorType) {
            case GREY, PALETTE -> 1;
            case GREY_ALPHA -> 2;
            case RGB -> 3;
            default -> 4;
        };
    }

    int bitsPerPixel() {
        return channels() * bitDepth;
    }

    /** Bytes of one scanline without its filter byte; long arithmetic because width is only bounded later. */
    long stride() {
        return ((long) width * bitsPerPixel() + 7) / 8;
    }
}
