package io.mathsketch.corpus.photo;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Photos to bytes as phones and editors write them: JPEG at a chosen quality (ImageIO's baseline encoder, 4:2:0
 * chroma), PNG, and the EXIF orientation tag in a JPEG APP1 segment right after SOI or a PNG eXIf chunk right after
 * IHDR, in a big-endian TIFF structure as most cameras write.
 */
public final class Encoding {

    private Encoding() {
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.setOutput(out);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a JPEG in memory failed", e);
        } finally {
            writer.dispose();
        }
    }

    public static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a PNG in memory failed", e);
        }
    }

    /** The JPEG with an APP1 Exif segment holding {@code orientation} right after SOI. */
    static byte[] jpegWithOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = tiff(orientation);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + tiff.length + 10);
        out.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The PNG with an eXIf chunk holding {@code orientation} right after IHDR. */
    static byte[] pngWithOrientation(byte[] png, int orientation) {
        byte[] tiff = tiff(orientation);
        int afterHeader = 8 + 12 + 13;
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length + tiff.length + 12);
        out.write(png, 0, afterHeader);
        byte[] type = "eXIf".getBytes(StandardCharsets.US_ASCII);
        int32(out, tiff.length);
        out.writeBytes(type);
        out.writeBytes(tiff);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(tiff);
        int32(out, (int) crc.getValue());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** A big-endian TIFF structure whose IFD0 holds the orientation tag (SHORT) and nothing else. */
    private static byte[] tiff(int orientation) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(26);
        out.writeBytes(new byte[] {'M', 'M', 0, 42});
        int32(out, 8);
        out.writeBytes(new byte[] {0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0});
        int32(out, 0);
        return out.toByteArray();
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        out.writeBytes(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
    }
}
