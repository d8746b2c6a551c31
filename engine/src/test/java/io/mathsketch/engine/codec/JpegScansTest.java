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
     * The JDK's reader makes a whole output pass after every progressive scan, so a large progressive JPEG is
     * refused by its scans times its pixels, before decoding: at the largest size admitted, 16 scans are read and
     * 17 refused (63 empty scans of a 4096x4096 colour frame, within {@link JpegMetadata#MAX_SCANS}, took 4.7
     * CPU-seconds for 100 KB).
     */
    @Test
    void refusesMoreScansThanPassesOverTheLargestImageAllow() throws Exception {
        int side = 4096;
        assertEquals((long) side * side, InputLimits.DEFAULT.maxImagePixels());
        int allowed = JpegMetadata.MAX_PASSES_OVER_LARGEST_IMAGE;
        byte[] atLimit = emptyScans(side, allowed - 1);
        byte[] overLimit = emptyScans(side, allowed);
        assertEquals(allowed, JpegMetadata.scans(atLimit));
        assertEquals((long) side * side, JpegMetadata.framePixels(atLimit));

        UnsupportedImage refused = assertThrows(UnsupportedImage.class, () -> decoder.decode(overLimit, image -> 0));
        assertTrue(refused.getMessage().contains("of " + (allowed + 1) + " scans over " + side * side + " pixels"),
                refused.getMessage());
        assertEquals(side, (int) decoder.decode(atLimit, image -> image.width() * 2));
        // Small pictures keep the count limit alone.
        byte[] small = emptyScans(256, JpegMetadata.MAX_SCANS - 1);
        assertEquals(JpegMetadata.MAX_SCANS, JpegMetadata.scans(small));
        assertEquals(256, (int) decoder.decode(small, image -> image.width()));
    }

    /**
     * A greyscale progressive JPEG of {@code side x side} pixels: its DC scan, then {@code acScans} scans of one
     * coefficient and a few bytes each (one end-of-band run over every block), which cost the decoder a pass over
     * every pixel each.
     */
    private static byte[] emptyScans(int side, int acScans) {
        int blocks = (side / 8) * (side / 8);
        int runBits = Math.min(14, 31 - Integer.numberOfLeadingZeros(blocks));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        byte[] table = new byte[65];
        Arrays.fill(table, 1, 65, (byte) 1);
        segment(out, 0xDB, table);
        segment(out, 0xC2, new byte[] {8, (byte) (side >> 8), (byte) side, (byte) (side >> 8), (byte) side, 1, 1,
                0x11, 0});
        segment(out, 0xC4, oneCodeTable(0x00, 0)); // DC: the code '0' is a difference of 0
        segment(out, 0xC4, oneCodeTable(0x10, runBits << 4)); // AC: '0' is a run of 2^runBits empty blocks
        segment(out, SOS, new byte[] {1, 1, 0, 0, 0, 0});
        out.writeBytes(new byte[blocks / 8]);
        StringBuilder bits = new StringBuilder();
        for (int left = blocks; left > 0; left -= 1 << runBits) {
            bits.append("0".repeat(runBits + 1));
        }
        bits.append("1".repeat((8 - bits.length() % 8) % 8));
        byte[] run = new byte[bits.length() / 8];
        for (int i = 0; i < run.length; i++) {
            run[i] = (byte) Integer.parseInt(bits.substring(8 * i, 8 * i + 8), 2);
        }
        for (int i = 0; i < acScans; i++) {
            int band = 1 + i % 63; // one coefficient per scan: a valid progression up to 63 of them
            segment(out, SOS, new byte[] {1, 1, 0, (byte) band, (byte) band, 0});
            out.writeBytes(run);
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) EOI});
        return out.toByteArray();
    }

    /** A Huffman table (class and id) of one 1-bit code, '0', for {@code symbol}. */
    private static byte[] oneCodeTable(int classAndId, int symbol) {
        byte[] table = new byte[18];
        table[0] = (byte) classAndId;
        table[1] = 1;
        table[17] = (byte) symbol;
        return table;
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) marker, (byte) ((payload.length + 2) >> 8),
                (byte) (payload.length + 2)});
        out.writeBytes(payload);
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
