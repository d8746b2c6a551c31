package io.mathsketch.engine.codec;

import io.mathsketch.engine.RecognitionException.UnsupportedImage;
import io.mathsketch.engine.config.InputLimits;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JPEG's scans and APPn segments are counted before decoding, and more than {@link JpegMetadata#MAX_SCANS} or
 * {@link JpegMetadata#MAX_APPLICATION_SEGMENTS} are refused.
 */
class JpegScansTest {

    private static final int SOS = 0xDA, EOI = 0xD9;

    private final ImageDecoder decoder = new ImageDecoder(InputLimits.DEFAULT);

    @Test
    void countsTheScansOfBaselineAndProgressiveJpegs() throws IOException {
        assertEquals(1, JpegMetadata.scans(jpeg(BufferedImage.TYPE_3BYTE_BGR, false)));
        // libjpeg's progressive script: 10 scans for three components, 6 for one.
        assertEquals(10, JpegMetadata.scans(jpeg(BufferedImage.TYPE_3BYTE_BGR, true)));
        assertEquals(6, JpegMetadata.scans(jpeg(BufferedImage.TYPE_BYTE_GRAY, true)));
        assertEquals(0, JpegMetadata.scans(new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3}));
    }

    @Test
    void decodesAnOrdinaryProgressiveJpeg() throws Exception {
        byte[] progressive = jpeg(BufferedImage.TYPE_3BYTE_BGR, true);
        int width = decoder.decode(progressive, image -> image.width());
        assertEquals(64, width);
    }

    @Test
    void refusesMoreScansThanTheLimitBeforeDecoding() throws IOException {
        byte[] progressive = jpeg(BufferedImage.TYPE_BYTE_GRAY, true);
        byte[] atLimit = withLastScanRepeated(progressive, JpegMetadata.MAX_SCANS - 6);
        byte[] overLimit = withLastScanRepeated(progressive, JpegMetadata.MAX_SCANS - 5);
        assertEquals(JpegMetadata.MAX_SCANS, JpegMetadata.scans(atLimit));
        assertEquals(JpegMetadata.MAX_SCANS + 1, JpegMetadata.scans(overLimit));
        UnsupportedImage refused = assertThrows(UnsupportedImage.class, () -> decoder.decode(overLimit, image -> 0));
        assertTrue(refused.getMessage().contains((JpegMetadata.MAX_SCANS + 1) + " scans"), refused.getMessage());
        try {
            decoder.decode(atLimit, image -> 0);
        } catch (UnsupportedImage e) {
            throw new AssertionError("a JPEG of " + JpegMetadata.MAX_SCANS + " scans is not refused for its scans", e);
        } catch (Exception e) {
            // A repeated refinement scan may be reported as damaged; only the scan count is under test here.
        }
    }

    /**
     * The JDK's reader keeps APPn segments in a list it walks to the end before adding each: 30,000 empty ones took
     * 4.6 CPU-seconds of its header alone, so more than the limit are refused, by decoding and by the size read for
     * admission alike, before the reader sees them.
     */
    @Test
    void refusesMoreApplicationSegmentsThanTheLimitBeforeReadingTheHeader() throws Exception {
        byte[] plain = jpeg(BufferedImage.TYPE_3BYTE_BGR, false);
        int present = JpegMetadata.applicationSegments(plain);
        byte[] atLimit = withEmptyApp1(plain, JpegMetadata.MAX_APPLICATION_SEGMENTS - present);
        byte[] overLimit = withEmptyApp1(plain, JpegMetadata.MAX_APPLICATION_SEGMENTS - present + 1);
        assertEquals(JpegMetadata.MAX_APPLICATION_SEGMENTS, JpegMetadata.applicationSegments(atLimit));

        assertEquals(64, (int) decoder.decode(atLimit, image -> image.width()));
        assertEquals(64, ImageDecoder.declaredSize(atLimit).orElseThrow().width());
        UnsupportedImage refused = assertThrows(UnsupportedImage.class, () -> decoder.decode(overLimit, image -> 0));
        assertTrue(refused.getMessage().contains((JpegMetadata.MAX_APPLICATION_SEGMENTS + 1) + " APPn segments"),
                refused.getMessage());
        assertTrue(ImageDecoder.declaredSize(overLimit).isEmpty());
    }

    /** The JPEG with {@code count} empty APP1 segments after its SOI. */
    private static byte[] withEmptyApp1(byte[] jpeg, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (int i = 0; i < count; i++) {
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, 0, 2});
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** The JPEG with its last scan (header and data) repeated {@code times} more times before EOI. */
    private static byte[] withLastScanRepeated(byte[] jpeg, int times) {
        int last = -1;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == SOS) {
                last = i;
            }
        }
        int end = jpeg.length - 2;
        assertEquals(EOI, jpeg[end + 1] & 0xFF);
        byte[] scan = Arrays.copyOfRange(jpeg, last, end);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, end);
        for (int i = 0; i < times; i++) {
            out.writeBytes(scan);
        }
        out.write(jpeg, end, 2);
        return out.toByteArray();
    }

    private static byte[] jpeg(int type, boolean progressive) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, type);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 64, 48);
            g.setColor(Color.BLUE);
            g.fillOval(16, 8, 32, 32);
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (progressive) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
