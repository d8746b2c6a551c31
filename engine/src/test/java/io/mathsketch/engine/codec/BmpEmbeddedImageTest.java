package io.mathsketch.engine.codec;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A BMP wrapping a JPEG or PNG (compression 4 or 5) is refused before the JDK's reader sees it: that reader allocates
 * the header's image size at once (a 2 GB array for a 100-byte file took the server's heap) and decodes the embedded
 * image past the checks of its own dimensions and scans. Plain BMPs are still read.
 */
class BmpEmbeddedImageTest {

    private final ImageDecoder decoder = new ImageDecoder(InputLimits.DEFAULT);

    @Test
    void aBmpWrappingAPngOrAJpegIsUnsupported() throws IOException {
        for (int compression : new int[] {4, 5}) {
            byte[] inner = encode(new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY),
                    compression == 4 ? "jpeg" : "png");
            for (long imageSize : new long[] {inner.length, 0x7FFF_FFF0L}) {
                RecognitionException.UnsupportedImage refused = assertThrows(
                        RecognitionException.UnsupportedImage.class,
                        () -> decoder.decode(wrapped(inner, compression, imageSize), image -> image.width()));
                assertTrue(refused.getMessage().contains("compression " + compression), refused.getMessage());
            }
        }
    }

    @Test
    void aPlainBmpIsStillRead() throws Exception {
        byte[] bmp = encode(new BufferedImage(30, 20, BufferedImage.TYPE_3BYTE_BGR), "bmp");
        int width = decoder.decode(bmp, image -> image.width());
        assertEquals(30, width);
    }

    /** A BMP with a 40-byte info header whose pixels are {@code inner}, as the JDK's reader accepts it. */
    private static byte[] wrapped(byte[] inner, int compression, long imageSize) {
        int offset = 14 + 40;
        ByteBuffer bmp = ByteBuffer.allocate(offset + inner.length).order(ByteOrder.LITTLE_ENDIAN);
        bmp.put((byte) 'B').put((byte) 'M').putInt(offset + inner.length).putInt(0).putInt(offset);
        bmp.putInt(40).putInt(28).putInt(28).putShort((short) 1).putShort((short) 0).putInt(compression)
                .putInt((int) imageSize).putInt(0).putInt(0).putInt(0).putInt(0);
        return bmp.put(inner).array();
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out), format);
        return out.toByteArray();
    }
}
