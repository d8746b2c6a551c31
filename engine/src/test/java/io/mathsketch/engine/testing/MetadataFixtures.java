package io.mathsketch.engine.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Images carrying the metadata a phone or an editor writes, to check that none of it is kept: every block added here
 * contains {@link #SECRET} (or, for EXIF GPS, the coordinates below), so a test can search the stored bytes for it.
 */
public final class MetadataFixtures {

    /** Text planted in every metadata block. */
    public static final String SECRET = "Jane Doe, 12 Secret Lane";
    /** GPS latitude degrees/minutes/seconds planted in the EXIF block, as the three rationals' numerators. */
    public static final int[] LATITUDE = {48, 51, 2437};

    private MetadataFixtures() {
    }

    /**
     * The JPEG with an EXIF block (the given orientation, GPS latitude, camera owner), an XMP block and a comment
     * after SOI.
     */
    public static byte[] jpegWithExifGps(byte[] jpeg, int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        segment(out, 0xE1, concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exifTiff(orientation)));
        segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>" + SECRET
                + "</dc:creator></x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        segment(out, 0xFE, SECRET.getBytes(StandardCharsets.UTF_8));
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The PNG with tEXt, iTXt, eXIf (with the given orientation) and tIME chunks after IHDR and data after IEND. */
    public static byte[] pngWithTextAndExif(byte[] png, int orientation) {
        int afterHeader = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, afterHeader);
        chunk(out, "tEXt", ("Author\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "iTXt", ("Description\0\0\0\0\0" + SECRET).getBytes(StandardCharsets.UTF_8));
        chunk(out, "eXIf", exifTiff(orientation));
        chunk(out, "tIME", new byte[] {0x07, (byte) 0xEA, 12, 2, 3, 4, 5});
        out.write(png, afterHeader, png.length - afterHeader);
        out.writeBytes(SECRET.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A PNG chunk with its length and CRC ({@link PngBytes#chunk}). */
    public static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        PngBytes.chunk(out, type, data);
    }

    /** The GIF with a comment extension and an XMP application extension before its first image. */
    public static byte[] gifWithComment(byte[] gif) {
        int flags = gif[10] & 0xFF;
        int afterHeader = 13 + ((flags & 0x80) == 0 ? 0 : 3 << ((flags & 0x07) + 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gif, 0, afterHeader);
        out.write(0x21);
        out.write(0xFE);
        subBlocks(out, SECRET.getBytes(StandardCharsets.UTF_8));
        out.write(0x21);
        out.write(0xFF);
        out.write(11);
        out.writeBytes("XMP DataXMP".getBytes(StandardCharsets.ISO_8859_1));
        subBlocks(out, ("<x:xmpmeta>" + SECRET + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        out.write(gif, afterHeader, gif.length - afterHeader);
        return out.toByteArray();
    }

    /**
     * The GIF with a plain text extension and an extension of a label no decoder knows before its first image, each
     * holding {@link #SECRET}: decoders skip both, so neither is needed to show the picture.
     */
    public static byte[] gifWithTextExtensions(byte[] gif) {
        int flags = gif[10] & 0xFF;
        int afterHeader = 13 + ((flags & 0x80) == 0 ? 0 : 3 << ((flags & 0x07) + 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(gif, 0, afterHeader);
        out.write(0x21);
        out.write(0x01);
        out.write(12);
        out.writeBytes(new byte[12]); // text grid position and size, cell size, colours
        subBlocks(out, SECRET.getBytes(StandardCharsets.UTF_8));
        out.write(0x21);
        out.write(0x77);
        subBlocks(out, SECRET.getBytes(StandardCharsets.UTF_8));
        out.write(gif, afterHeader, gif.length - afterHeader);
        return out.toByteArray();
    }

    /**
     * A 24-bit BMP as ImageIO writes it (a 40-byte info header, no palette) rewritten with a version 5 header whose
     * colour profile is linked: a path on the sender's machine naming {@link #SECRET}, placed between the header and
     * the pixels (the JDK's reader opens no linked profile unless told to), and {@link #SECRET} again after the
     * pixels, where nothing reads it.
     */
    public static byte[] bmpWithHiddenData(byte[] bmp) {
        ByteBuffer in = ByteBuffer.wrap(bmp).order(ByteOrder.LITTLE_ENDIAN);
        int pixels = in.getInt(10);
        if (in.getInt(14) != 40 || pixels != 14 + 40) {
            throw new IllegalArgumentException("not a BMP with a 40-byte info header and no palette");
        }
        byte[] path = Arrays.copyOf(("C:\\Users\\" + SECRET + "\\colour.icm\0").getBytes(StandardCharsets.ISO_8859_1),
                48);
        byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        int header = 124;
        int offset = 14 + header + path.length;
        ByteBuffer out = ByteBuffer.allocate(offset + bmp.length - pixels + secret.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put((byte) 'B').put((byte) 'M').putInt(out.capacity()).putInt(0).putInt(offset);
        out.putInt(header).put(bmp, 18, 36); // width to colours important, as they were
        out.putInt(0).putInt(0).putInt(0).putInt(0); // colour masks: none for BI_RGB
        out.putInt(0x4C494E4B); // colour space 'LINK': the profile is a file named by the path
        out.put(new byte[36 + 12]); // end points and gamma
        out.putInt(4).putInt(header).putInt(path.length).putInt(0); // intent, profile offset and size, reserved
        out.put(path);
        out.put(bmp, pixels, bmp.length - pixels);
        out.put(secret);
        return out.array();
    }

    /** Whether {@code needle} occurs in {@code haystack}. */
    public static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The planted GPS latitude as it appears in the EXIF block (big-endian rationals). */
    public static byte[] latitudeBytes() {
        ByteBuffer b = ByteBuffer.allocate(24);
        for (int value : LATITUDE) {
            b.putInt(value).putInt(1);
        }
        return b.array();
    }

    /**
     * A big-endian TIFF structure: IFD0 with the orientation, Artist = {@link #SECRET} and a GPS IFD pointer; the GPS
     * IFD with latitude reference N and latitude {@link #LATITUDE}.
     */
    private static byte[] exifTiff(int orientation) {
        byte[] artist = (SECRET + "\0").getBytes(StandardCharsets.ISO_8859_1);
        int ifd0 = 8, ifd0Size = 2 + 3 * 12 + 4;
        int gps = ifd0 + ifd0Size, gpsSize = 2 + 2 * 12 + 4;
        int latitude = gps + gpsSize, artistAt = latitude + 24;
        ByteBuffer b = ByteBuffer.allocate(artistAt + artist.length);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
        b.putShort((short) 3);
        b.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        b.putShort((short) 0x013B).putShort((short) 2).putInt(artist.length).putInt(artistAt);
        b.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gps);
        b.putInt(0);
        b.putShort((short) 2);
        b.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        b.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(latitude);
        b.putInt(0);
        b.put(latitudeBytes());
        b.put(artist);
        return b.array();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xFF);
        out.write(marker);
        out.write((data.length + 2) >> 8);
        out.write((data.length + 2) & 0xFF);
        out.writeBytes(data);
    }

    private static void subBlocks(ByteArrayOutputStream out, byte[] data) {
        for (int i = 0; i < data.length; i += 255) {
            int n = Math.min(255, data.length - i);
            out.write(n);
            out.write(data, i, n);
        }
        out.write(0);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
