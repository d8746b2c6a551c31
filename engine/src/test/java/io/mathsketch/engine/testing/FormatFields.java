package io.mathsketch.engine.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper for {@link ByteMutator}: where the integers that steer a decoder lie in an encoded image (PNG chunk
 * lengths, CRCs and IHDR, JPEG segment lengths, SOF and SOS, GIF screen and frame sizes, BMP header fields, and the
 * counts and offsets of a TIFF structure inside a JPEG APP1 {@code Exif} segment or a PNG {@code eXIf} chunk), so a
 * mutation can set exactly those to extremes. Walks the bytes leniently: a structure it cannot follow ends the walk.
 */
public final class FormatFields {

    /** An unsigned integer of {@code size} bytes (1, 2 or 4) at {@code offset}. */
    public record Field(int offset, int size, boolean bigEndian) {
    }

    private FormatFields() {
    }

    /** The fields found in {@code bytes}; empty when the format is not recognised. */
    public static List<Field> of(byte[] bytes) {
        List<Field> fields = new ArrayList<>();
        try {
            if (startsWith(bytes, 0x89, 'P', 'N', 'G')) {
                png(bytes, fields);
            } else if (startsWith(bytes, 0xFF, 0xD8)) {
                jpeg(bytes, fields);
            } else if (startsWith(bytes, 'G', 'I', 'F')) {
                gif(bytes, fields);
            } else if (startsWith(bytes, 'B', 'M')) {
                bmp(fields);
            }
        } catch (IndexOutOfBoundsException e) {
            // A structure that runs past the end: the fields found so far are all there are.
        }
        fields.removeIf(f -> f.offset() < 0 || f.offset() + f.size() > bytes.length);
        return fields;
    }

    private static void png(byte[] b, List<Field> fields) {
        for (int at = 8; at + 8 <= b.length; ) {
            long length = u32(b, at);
            String type = new String(b, at + 4, 4, StandardCharsets.ISO_8859_1);
            fields.add(new Field(at, 4, true));
            if (length > b.length) {
                return;
            }
            int data = at + 8;
            if (type.equals("IHDR")) {
                fields.add(new Field(data, 4, true));
                fields.add(new Field(data + 4, 4, true));
                for (int k = 8; k < 13; k++) {
                    fields.add(new Field(data + k, 1, true));
                }
            } else if (type.equals("eXIf")) {
                tiff(b, data, (int) length, fields);
            }
            fields.add(new Field(data + (int) length, 4, true));
            at = data + (int) length + 4;
        }
    }

    private static void jpeg(byte[] b, List<Field> fields) {
        int at = 2;
        while (at + 4 <= b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                return;
            }
            int marker = b[at + 1] & 0xFF;
            if (marker == 0xD9) {
                return;
            }
            int length = u16(b, at + 2);
            fields.add(new Field(at + 2, 2, true));
            int data = at + 4;
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                fields.add(new Field(data, 1, true));
                fields.add(new Field(data + 1, 2, true));
                fields.add(new Field(data + 3, 2, true));
                int components = b[data + 5] & 0xFF;
                fields.add(new Field(data + 5, 1, true));
                for (int c = 0; c < components; c++) {
                    fields.add(new Field(data + 6 + 3 * c + 1, 1, true));
                    fields.add(new Field(data + 6 + 3 * c + 2, 1, true));
                }
            } else if (marker == 0xE1 && startsAt(b, data, 'E', 'x', 'i', 'f', 0, 0)) {
                tiff(b, data + 6, length - 8, fields);
            } else if (marker == 0xDA) {
                int components = b[data] & 0xFF;
                for (int k = 0; k <= 2 * components + 3; k++) {
                    fields.add(new Field(data + k, 1, true));
                }
            }
            at = at + 2 + length;
            if (marker == 0xDA) {
                // Entropy-coded data: the next marker is an 0xFF not followed by 0x00 or a restart marker.
                while (at + 1 < b.length && !((b[at] & 0xFF) == 0xFF && b[at + 1] != 0
                        && ((b[at + 1] & 0xFF) < 0xD0 || (b[at + 1] & 0xFF) > 0xD7))) {
                    at++;
                }
            }
        }
    }

    /** A TIFF structure (EXIF) of {@code length} bytes at {@code start}: IFD offsets, entry counts and entries. */
    private static void tiff(byte[] b, int start, int length, List<Field> fields) {
        boolean big = b[start] == 'M';
        fields.add(new Field(start + 2, 2, big));
        fields.add(new Field(start + 4, 4, big));
        long ifd = big ? u32(b, start + 4) : u32le(b, start + 4);
        for (int hops = 0; hops < 4 && ifd > 0 && ifd + 2 <= length; hops++) {
            int at = start + (int) ifd;
            int entries = big ? u16(b, at) : u16le(b, at);
            fields.add(new Field(at, 2, big));
            for (int e = 0; e < Math.min(entries, 32); e++) {
                int entry = at + 2 + 12 * e;
                fields.add(new Field(entry + 2, 2, big));
                fields.add(new Field(entry + 4, 4, big));
                fields.add(new Field(entry + 8, 4, big));
            }
            int next = at + 2 + 12 * entries;
            fields.add(new Field(next, 4, big));
            ifd = big ? u32(b, next) : u32le(b, next);
        }
    }

    private static void gif(byte[] b, List<Field> fields) {
        fields.add(new Field(6, 2, false));
        fields.add(new Field(8, 2, false));
        fields.add(new Field(10, 1, false));
        int at = 13 + ((b[10] & 0x80) != 0 ? 3 << ((b[10] & 7) + 1) : 0);
        while (at < b.length) {
            int block = b[at] & 0xFF;
            if (block == 0x21) {
                at = subBlocks(b, at + 2, fields);
            } else if (block == 0x2C) {
                for (int k = 1; k < 9; k += 2) {
                    fields.add(new Field(at + k, 2, false));
                }
                fields.add(new Field(at + 9, 1, false));
                int flags = b[at + 9] & 0xFF;
                at += 10 + ((flags & 0x80) != 0 ? 3 << ((flags & 7) + 1) : 0);
                fields.add(new Field(at, 1, false));
                at = subBlocks(b, at + 1, fields);
            } else {
                return;
            }
        }
    }

    private static int subBlocks(byte[] b, int at, List<Field> fields) {
        while (at < b.length && b[at] != 0) {
            fields.add(new Field(at, 1, false));
            at += 1 + (b[at] & 0xFF);
        }
        return at + 1;
    }

    private static void bmp(List<Field> fields) {
        int[][] layout = {{2, 4}, {10, 4}, {14, 4}, {18, 4}, {22, 4}, {26, 2}, {28, 2}, {30, 4}, {34, 4}, {46, 4},
                {50, 4}};
        for (int[] field : layout) {
            fields.add(new Field(field[0], field[1], false));
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        return startsAt(b, 0, prefix);
    }

    private static boolean startsAt(byte[] b, int at, int... prefix) {
        if (at + prefix.length > b.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[at + i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static int u16le(byte[] b, int at) {
        return b[at] & 0xFF | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    private static long u32le(byte[] b, int at) {
        return u16le(b, at) | (long) u16le(b, at + 2) << 16;
    }
}
