package io.mathsketch.engine.codec;

import io.mathsketch.engine.codec.png.PngDecoder;

/**
 * Finds the EXIF orientation tag in encoded bytes without decoding a pixel: in a JPEG's APP1 {@code Exif} segment
 * (markers are walked up to the start of scan) or in a PNG's {@code eXIf} chunk, then in the TIFF structure both hold
 * (byte order, IFD0, tag 0x0112). Metadata is advisory: anything malformed, truncated or out of range reads as
 * {@link Orientation#NORMAL} rather than failing a picture whose pixels are fine. Work is bounded by the segment
 * walk (each step advances by a declared length) and IFD0's entry count (at most 65,535 entries of 12 bytes).
 */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;
    private static final int TYPE_SHORT = 3;
    private static final int TYPE_LONG = 4;
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};

    private ExifOrientation() {
    }

    static Orientation of(byte[] data, ImageFormat format) {
        return switch (format) {
            case JPEG -> jpeg(data);
            case PNG -> PngDecoder.exif(data).map(span -> tiff(data, span.offset(), span.length()))
                    .orElse(Orientation.NORMAL);
            case GIF, BMP -> Orientation.NORMAL;
        };
    }

    /** The first APP1 segment that starts with {@code Exif\0\0}, before the first scan. */
    private static Orientation jpeg(byte[] data) {
        int at = 2; // after SOI
        while (at + 4 <= data.length) {
            if ((data[at] & 0xFF) != 0xFF) {
                return Orientation.NORMAL; // not a marker where one must be: leave the damage to the decoder
            }
            int marker = data[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++; // fill byte
                continue;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
                at += 2; // stand-alone markers carry no length
                continue;
            }
            if (marker == 0xDA || marker == 0xD9) {
                return Orientation.NORMAL; // start of scan or end of image: metadata comes before
            }
            int length = u16(data, at + 2, false);
            int payload = at + 4;
            if (length < 2 || payload + length - 2 > data.length) {
                return Orientation.NORMAL;
            }
            if (marker == 0xE1 && length - 2 >= EXIF_HEADER.length && startsWith(data, payload, EXIF_HEADER)) {
                return tiff(data, payload + EXIF_HEADER.length, length - 2 - EXIF_HEADER.length);
            }
            at = payload + length - 2;
        }
        return Orientation.NORMAL;
    }

    /** Tag 0x0112 of IFD0 in the TIFF structure at {@code data[start, start + length)}. */
    static Orientation tiff(byte[] data, int start, int length) {
        if (length < 8 || start < 0 || start + length > data.length) {
            return Orientation.NORMAL;
        }
        boolean little;
        if (data[start] == 'I' && data[start + 1] == 'I') {
            little = true;
        } else if (data[start] == 'M' && data[start + 1] == 'M') {
            little = false;
        } else {
            return Orientation.NORMAL;
        }
        if (u16(data, start + 2, little) != 42) {
            return Orientation.NORMAL;
        }
        long ifd = u32(data, start + 4, little);
        if (ifd < 8 || ifd + 2 > length) {
            return Orientation.NORMAL;
        }
        int entries = u16(data, start + (int) ifd, little);
        int first = start + (int) ifd + 2;
        int end = start + length;
        for (int e = 0; e < entries && first + 12L * (e + 1) <= end; e++) {
            int entry = first + 12 * e;
            if (u16(data, entry, little) != ORIENTATION_TAG) {
                continue;
            }
            int type = u16(data, entry + 2, little);
            long count = u32(data, entry + 4, little);
            if (count < 1) {
                return Orientation.NORMAL;
            }
            // A value that fits in four bytes is stored in the entry itself, left-aligned.
            long value = type == TYPE_SHORT ? u16(data, entry + 8, little)
                    : type == TYPE_LONG ? u32(data, entry + 8, little) : 0;
            return Orientation.ofExif((int) Math.min(value, 9));
        }
        return Orientation.NORMAL;
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] d, int at, boolean little) {
        int a = d[at] & 0xFF, b = d[at + 1] & 0xFF;
        return little ? a | b << 8 : a << 8 | b;
    }

    private static long u32(byte[] d, int at, boolean little) {
        long hi = u16(d, little ? at + 2 : at, little), lo = u16(d, little ? at : at + 2, little);
        return hi << 16 | lo;
    }
}
