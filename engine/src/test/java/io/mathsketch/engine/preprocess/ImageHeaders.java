package io.mathsketch.engine.preprocess;

/** Rewrites the declared dimensions in JPEG, GIF and BMP headers, to build decompression bombs for tests. */
final class ImageHeaders {

    private ImageHeaders() {
    }

    static byte[] withDimensions(byte[] image, String format, int width, int height) {
        byte[] out = image.clone();
        switch (format) {
            case "bmp" -> {
                putIntLe(out, 18, width);
                putIntLe(out, 22, height);
            }
            case "gif" -> {
                putShortLe(out, 6, width);
                putShortLe(out, 8, height);
                int descriptor = gifImageDescriptor(out);
                putShortLe(out, descriptor + 5, width);
                putShortLe(out, descriptor + 7, height);
            }
            case "jpeg" -> {
                int sof = jpegStartOfFrame(out);
                putShortBe(out, sof + 5, height);
                putShortBe(out, sof + 7, width);
            }
            default -> throw new IllegalArgumentException(format);
        }
        return out;
    }

    private static int gifImageDescriptor(byte[] gif) {
        int offset = 13;
        if ((gif[10] & 0x80) != 0) {
            offset += 3 * (1 << ((gif[10] & 0x07) + 1));
        }
        while (gif[offset] == 0x21) {
            offset += 2;
            while (gif[offset] != 0) {
                offset += (gif[offset] & 0xFF) + 1;
            }
            offset++;
        }
        if (gif[offset] != 0x2C) {
            throw new IllegalStateException("no GIF image descriptor found");
        }
        return offset;
    }

    private static int jpegStartOfFrame(byte[] jpeg) {
        int offset = 2;
        while (offset + 4 < jpeg.length) {
            int marker = jpeg[offset + 1] & 0xFF;
            if (marker >= 0xC0 && marker <= 0xC3) {
                return offset;
            }
            offset += 2 + ((jpeg[offset + 2] & 0xFF) << 8 | (jpeg[offset + 3] & 0xFF));
        }
        throw new IllegalStateException("no JPEG start-of-frame marker found");
    }

    private static void putIntLe(byte[] b, int offset, int value) {
        putShortLe(b, offset, value & 0xFFFF);
        putShortLe(b, offset + 2, value >>> 16);
    }

    private static void putShortLe(byte[] b, int offset, int value) {
        b[offset] = (byte) value;
        b[offset + 1] = (byte) (value >>> 8);
    }

    private static void putShortBe(byte[] b, int offset, int value) {
        b[offset] = (byte) (value >>> 8);
        b[offset + 1] = (byte) value;
    }
}
