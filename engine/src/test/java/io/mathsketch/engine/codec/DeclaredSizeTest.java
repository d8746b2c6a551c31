package io.mathsketch.engine.codec;

import io.mathsketch.engine.testing.CanvasRenderer;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ImageDecoder#declaredSize}: every format's header dimensions and a JPEG's scans, without decoding; unknown
 * bytes: empty.
 */
class DeclaredSizeTest {

    @Test
    void readsTheDimensionsOfEveryFormatFromItsHeader() throws IOException {
        for (String format : new String[] {"png", "jpeg", "gif", "bmp"}) {
            byte[] encoded = encode(new BufferedImage(123, 45, BufferedImage.TYPE_3BYTE_BGR), format);
            assertEquals(Optional.of(new ImageDecoder.Size(123, 45)), ImageDecoder.declaredSize(encoded), format);
            assertEquals(123L * 45, ImageDecoder.declaredSize(encoded).orElseThrow().pixels(), format);
        }
    }

    @Test
    void aJpegDeclaresAPassOverItsPixelsForEachScan() {
        BufferedImage colour = new BufferedImage(123, 45, BufferedImage.TYPE_3BYTE_BGR);
        ImageDecoder.Size progressive = ImageDecoder.declaredSize(CanvasRenderer.progressiveJpeg(colour)).orElseThrow();
        ImageDecoder.Size baseline = ImageDecoder.declaredSize(CanvasRenderer.encode(colour, "jpeg")).orElseThrow();

        assertEquals(new ImageDecoder.Size(123, 45, 10), progressive);
        assertEquals(123L * 45 * 10, progressive.decodedPixels());
        assertEquals(123L * 45, baseline.decodedPixels());
    }

    @Test
    void aHeaderOnlyIsEnoughAndGarbageIsEmpty() throws IOException {
        byte[] png = encode(new BufferedImage(3000, 2000, BufferedImage.TYPE_BYTE_GRAY), "png");
        // The first 33 bytes: signature and IHDR, no pixel data.
        assertEquals(Optional.of(new ImageDecoder.Size(3000, 2000)),
                ImageDecoder.declaredSize(Arrays.copyOf(png, 33)));
        assertEquals(Optional.empty(), ImageDecoder.declaredSize("not an image".getBytes()));
        assertEquals(Optional.empty(), ImageDecoder.declaredSize(Arrays.copyOf(png, 12)));
        assertEquals(Optional.empty(), ImageDecoder.declaredSize(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) {
            throw new IOException("no writer for " + format);
        }
        return out.toByteArray();
    }
}
