package io.mathsketch.engine.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Test helper: puts an EXIF orientation into encoded images the way cameras and editors do, a TIFF structure with
 * the tag 0x0112 in IFD0, carried by a JPEG APP1 {@code Exif} segment or a PNG {@code eXIf} chunk. Also builds
 * deliberately broken structures, since metadata from the wild is often damaged.
 */
public final class ExifBytes {

    private ExifBytes() {
    }

    /**
     * A TIFF structure whose IFD0 holds a few unrelated tags around the orientation tag, as camera files do.
     *
     * @param type TIFF field type of the value: 3 (SHORT, what everyone writes) or 4 (LONG)
     */
    public static byte[] tiff(int orientation, boolean littleEndian, int type) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Writer w = new Writer(out, littleEndian);
        out.writeBytes(littleEndian ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        w.u16(42);
        w.u32(8);
        int[][] entries = {{0x010F, 2, 4, 0}, {0x0112, type, 1, orientation}, {0x011A, 4, 1, 72}};
        w.u16(entries.length);
        for (int[] e : entries) {
            w.u16(e[0]);
            w.u16(e[1]);
            w.u32(e[2]);
            if (e[1] == 3) {
                w.u16(e[3]);
                w.u16(0);
            } else if (e[1] == 2) {
                out.writeBytes(new byte[] {'A', 'c', 'm', 0}); // a 4-byte ASCII value fits in the entry
            } else {
                w.u32(e[3]);
            }
        }
        w.u32(0); // no next IFD
        return out.toByteArray();
    }

    public static byte[] tiff(int orientation) {
        return tiff(orientation, false, 3);
    }

    /** The JPEG with an APP1 Exif segment right after SOI (where cameras put it, before any JFIF APP0). */
    public static byte[] jpeg(byte[] jpeg, byte[] tiff) {
        return jpegAt(jpeg, tiff, 2);
    }

    /** The JPEG with the APP1 Exif segment inserted at byte {@code at}, which must be a segment boundary. */
    public static byte[] jpegAt(byte[] jpeg, byte[] tiff, int at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + tiff.length + 16);
        out.write(jpeg, 0, at);
        int length = 2 + 6 + tiff.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** The PNG with an {@code eXIf} chunk right after IHDR. */
    public static byte[] png(byte[] png, byte[] tiff) {
        int afterIhdr = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + tiff.length + 12);
        out.write(png, 0, afterIhdr);
        PngBytes.chunk(out, "eXIf", tiff);
        out.write(png, afterIhdr, png.length - afterIhdr);
        return out.toByteArray();
    }

    private record Writer(ByteArrayOutputStream out, boolean little) {
        void u16(int v) {
            if (little) {
                out.write(v);
                out.write(v >> 8);
            } else {
                out.write(v >> 8);
                out.write(v);
            }
        }

        void u32(int v) {
            if (little) {
                u16(v & 0xFFFF);
                u16(v >>> 16);
            } else {
                u16(v >>> 16);
                u16(v & 0xFFFF);
            }
        }
    }
}
