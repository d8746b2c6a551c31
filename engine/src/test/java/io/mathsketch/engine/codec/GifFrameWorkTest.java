package io.mathsketch.engine.codec;

import io.mathsketch.engine.RecognitionException.UnsupportedImage;
import io.mathsketch.engine.config.InputLimits;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A GIF's first frame is refused before decoding when its LZW codes would make the JDK's reader write out far more
 * than its pixels: a megabyte of codes naming the longest string took 10 CPU-seconds for a 28x28 frame.
 */
class GifFrameWorkTest {

    private final ImageDecoder decoder = new ImageDecoder(InputLimits.DEFAULT);

    @Test
    void anOrdinaryGifWritesEachPixelOnceAndDecodes() throws Exception {
        for (byte[] gif : List.of(jdkGif(ring(280, 280)), jdkGif(noise(64, 48)))) {
            GifFrameWork.Frame frame = GifFrameWork.first(gif).orElseThrow();
            long pixels = (long) frame.width() * frame.height();
            // One unit a pixel, and the clear codes the JDK's writer puts at the start and where its table fills.
            assertTrue(frame.work() >= pixels && frame.work() < 2 * pixels, frame.toString());
            assertFalse(frame.tooCostly());
            assertEquals(frame.width(), (int) decoder.decode(gif, image -> image.width()));
        }
    }

    /** An encoder that never compresses clears its table every 3 pixels at the smallest code size. */
    @Test
    void anUncompressedGifAtTheSmallestCodeSizeIsWithinItsAllowance() throws Exception {
        int width = 280, height = 280;
        Codes codes = new Codes(2);
        for (int p = 0; p < width * height; p++) {
            if (p % 3 == 0) {
                codes.clear();
            }
            codes.add(p % 4 == 0 ? 0 : 3);
        }
        byte[] gif = gif(width, height, codes.end());
        GifFrameWork.Frame frame = GifFrameWork.first(gif).orElseThrow();
        assertFalse(frame.tooCostly(), frame + " allowed " + frame.allowed());
        assertTrue(frame.work() < 12L * width * height, frame.toString());
        assertEquals(width, (int) decoder.decode(gif, image -> image.width()));
    }

    @Test
    void codesNamingTheLongestStringAreRefusedBeforeDecoding() {
        // Each code names the entry it makes (1, 2, 3... pixels), then the longest, 3,839 pixels, again and again.
        Codes codes = new Codes(8);
        codes.clear();
        codes.add(0);
        for (int entry = 258; entry < 4096; entry++) {
            codes.add(entry);
        }
        while (codes.size() < 100_000) {
            codes.add(4095);
        }
        UnsupportedImage refused = assertThrows(UnsupportedImage.class,
                () -> decoder.decode(gif(28, 28, codes.end()), image -> 0));
        assertTrue(refused.getMessage().contains("28x28"), refused.getMessage());
    }

    @Test
    void aFloodOfClearCodesIsRefusedBeforeDecoding() {
        Codes codes = new Codes(2);
        while (codes.size() < 100_000) {
            codes.clear();
        }
        assertTrue(GifFrameWork.first(gif(28, 28, codes.end())).orElseThrow().tooCostly());
        assertThrows(UnsupportedImage.class, () -> decoder.decode(gif(28, 28, codes.end()), image -> 0));
    }

    /**
     * The reader walks each block before the frame, and each sub-block of its data, however short: 7 MB of 5-byte
     * comments cost 0.4 CPU-seconds for a 28x28 frame, one token. Such a GIF is refused before the reader sees it,
     * by decoding and by the size read for admission alike.
     */
    @Test
    void aFloodOfShortBlocksBeforeTheFrameIsRefusedBeforeTheReaderWalksIt() throws Exception {
        byte[] plain = jdkGif(ring(28, 28));
        int header = 13 + GifMetadata.colourTable(plain[10]);
        ByteArrayOutputStream flooded = new ByteArrayOutputStream();
        flooded.write(plain, 0, header);
        for (int i = 0; i < 2_000; i++) {
            flooded.writeBytes(new byte[] {0x21, (byte) 0xFE, 1, 'x', 0});
        }
        flooded.write(plain, header, plain.length - header);
        byte[] gif = flooded.toByteArray();
        GifFrameWork.Frame frame = GifFrameWork.first(gif).orElseThrow();
        assertTrue(frame.tooCostly(), frame + " allowed " + frame.allowed());
        assertThrows(UnsupportedImage.class, () -> decoder.decode(gif, image -> 0));
        assertTrue(ImageDecoder.declaredSize(gif).isEmpty());
        // A few extensions, even of many sub-blocks (an ICC profile, XMP's 258-byte trailer), are read.
        ByteArrayOutputStream described = new ByteArrayOutputStream();
        described.write(plain, 0, header);
        described.writeBytes(new byte[] {0x21, (byte) 0xFF, 11});
        described.writeBytes("XMP DataXMP".getBytes(StandardCharsets.US_ASCII));
        for (int size = 255; size > 0; size--) {
            described.write(size);
            described.writeBytes(new byte[size]);
        }
        described.write(0);
        described.write(plain, header, plain.length - header);
        byte[] xmp = described.toByteArray();
        assertFalse(GifFrameWork.first(xmp).orElseThrow().tooCostly());
        assertEquals(28, (int) decoder.decode(xmp, image -> image.width()));
        assertEquals(28, ImageDecoder.declaredSize(xmp).orElseThrow().width());
    }

    /** A frame's data in 1-byte sub-blocks (encoders write 255) costs the reader a block per byte. */
    @Test
    void aFrameOfOneByteSubBlocksIsRefusedBeforeDecoding() throws Exception {
        byte[] plain = jdkGif(noise(128, 128));
        int image = 13 + GifMetadata.colourTable(plain[10]);
        while ((plain[image] & 0xFF) != 0x2C) {
            image = GifMetadata.subBlocksEnd(plain, image + 2);
        }
        int data = image + 10 + GifMetadata.colourTable(plain[image + 9]) + 1;
        ByteArrayOutputStream split = new ByteArrayOutputStream();
        split.write(plain, 0, data);
        for (int at = data; plain[at] != 0; at += (plain[at] & 0xFF) + 1) {
            for (int i = 1; i <= (plain[at] & 0xFF); i++) {
                split.writeBytes(new byte[] {1, plain[at + i]});
            }
        }
        split.writeBytes(new byte[] {0, 0x3B});
        byte[] gif = split.toByteArray();
        assertFalse(GifFrameWork.first(plain).orElseThrow().tooCostly());
        assertEquals(128, (int) decoder.decode(plain, decoded -> decoded.width()));
        assertTrue(GifFrameWork.first(gif).orElseThrow().tooCostly(), gif.length + " bytes");
        assertThrows(UnsupportedImage.class, () -> decoder.decode(gif, decoded -> 0));
    }

    private static BufferedImage ring(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(width / 20f));
        g.drawOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        return image;
    }

    private static byte[] jdkGif(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "gif", out));
        return out.toByteArray();
    }

    /** A GIF of one frame with a global table of 256 greys and {@code data}: its code size and sub-blocks. */
    private static byte[] gif(int width, int height, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) width, (byte) (width >> 8), (byte) height, (byte) (height >> 8),
            (byte) 0xF7, 0, 0});
        for (int i = 0; i < 256; i++) {
            out.writeBytes(new byte[] {(byte) i, (byte) i, (byte) i});
        }
        out.writeBytes(new byte[] {0x2C, 0, 0, 0, 0, (byte) width, (byte) (width >> 8), (byte) height,
            (byte) (height >> 8), 0});
        out.writeBytes(data);
        out.write(0x3B);
        return out.toByteArray();
    }

    /** LZW codes packed as a GIF frame's data, with the code size growing as a decoder's does. */
    private static final class Codes {
        private final int minimum;
        private final List<int[]> codes = new ArrayList<>();
        private int size, next;
        private boolean fresh = true;

        Codes(int minimum) {
            this.minimum = minimum;
            this.size = minimum + 1;
            this.next = (1 << minimum) + 2;
        }

        void clear() {
            codes.add(new int[] {1 << minimum, size});
            size = minimum + 1;
            next = (1 << minimum) + 2;
            fresh = true;
        }

        void add(int code) {
            codes.add(new int[] {code, size});
            if (!fresh && next < 4096) {
                next++;
                if (next == 1 << size && size < 12) {
                    size++;
                }
            }
            fresh = false;
        }

        int size() {
            return codes.size();
        }

        /** The minimum code size, the codes with the end code in sub-blocks of 255 bytes, and the terminator. */
        byte[] end() {
            ByteArrayOutputStream packed = new ByteArrayOutputStream();
            long buffer = 0;
            int bits = 0;
            List<int[]> all = new ArrayList<>(codes);
            all.add(new int[] {(1 << minimum) + 1, size});
            for (int[] code : all) {
                buffer |= (long) code[0] << bits;
                bits += code[1];
                while (bits >= 8) {
                    packed.write((int) buffer & 0xFF);
                    buffer >>>= 8;
                    bits -= 8;
                }
            }
            if (bits > 0) {
                packed.write((int) buffer & 0xFF);
            }
            byte[] bytes = packed.toByteArray();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(minimum);
            for (int at = 0; at < bytes.length; at += 255) {
                int n = Math.min(255, bytes.length - at);
                out.write(n);
                out.write(bytes, at, n);
            }
            out.write(0);
            return out.toByteArray();
        }
    }
}
