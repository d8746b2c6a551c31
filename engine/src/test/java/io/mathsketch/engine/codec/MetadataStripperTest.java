package io.mathsketch.engine.codec;

import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.MetadataFixtures;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataStripperTest {

    private static final byte[] SECRET = MetadataFixtures.SECRET.getBytes(StandardCharsets.UTF_8);

    @Test
    void aJpegLosesExifGpsXmpAndCommentsButKeepsItsPixels() {
        byte[] plain = CanvasRenderer.encode(picture(), "jpeg");
        byte[] tagged = MetadataFixtures.jpegWithExifGps(plain, 1);
        assertTrue(MetadataFixtures.contains(tagged, MetadataFixtures.latitudeBytes()), "the fixture carries GPS");

        byte[] stripped = MetadataStripper.strip(tagged).orElseThrow();

        assertFalse(MetadataFixtures.contains(stripped, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)));
        assertFalse(MetadataFixtures.contains(stripped, MetadataFixtures.latitudeBytes()), "GPS latitude");
        assertFalse(MetadataFixtures.contains(stripped, SECRET), "XMP, comment or EXIF text");
        assertArrayEquals(plain, stripped, "what is left is exactly the JPEG before the metadata was added");
        assertArrayEquals(pixels(tagged), pixels(stripped));
    }

    @Test
    void aJfifThumbnailIsDroppedAndColourSegmentsAreKept() {
        byte[] plain = CanvasRenderer.encode(picture(), "jpeg");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        byte[] icc = "ICC_PROFILE\0\1\1profile-bytes".getBytes(StandardCharsets.ISO_8859_1);
        out.write(0xFF);
        out.write(0xE2);
        out.write(0);
        out.write(icc.length + 2);
        out.writeBytes(icc);
        out.write(plain, 2, plain.length - 2);
        byte[] withIcc = out.toByteArray();

        byte[] stripped = MetadataStripper.strip(withIcc).orElseThrow();

        assertArrayEquals(withIcc, stripped, "the ICC profile decides colours: kept");
    }

    @Test
    void aPngWithNothingToDropIsKeptByteForByte() throws IOException {
        byte[] plain = CanvasRenderer.encode(picture(), "png");
        byte[] trailing = Arrays.copyOf(plain, plain.length + 5);

        assertArrayEquals(plain, MetadataStripper.strip(plain).orElseThrow());
        assertArrayEquals(plain, MetadataStripper.strip(trailing).orElseThrow(), "bytes after IEND dropped");
    }

    @Test
    void aPngLosesTextExifTimeAndTrailingBytesButKeepsRenderingChunks() throws IOException {
        byte[] plain = CanvasRenderer.encode(picture(), "png");
        ByteArrayOutputStream gamma = new ByteArrayOutputStream();
        gamma.write(plain, 0, 33);
        MetadataFixtures.chunk(gamma, "gAMA", new byte[] {0, 0, (byte) 0xB1, (byte) 0x8F});
        gamma.write(plain, 33, plain.length - 33);
        byte[] tagged = MetadataFixtures.pngWithTextAndExif(gamma.toByteArray(), 1);

        byte[] stripped = MetadataStripper.strip(tagged).orElseThrow();

        assertFalse(MetadataFixtures.contains(stripped, SECRET));
        assertFalse(MetadataFixtures.contains(stripped, MetadataFixtures.latitudeBytes()));
        for (String dropped : new String[] {"tEXt", "iTXt", "eXIf", "tIME"}) {
            assertFalse(MetadataFixtures.contains(stripped, dropped.getBytes(StandardCharsets.ISO_8859_1)), dropped);
        }
        assertTrue(MetadataFixtures.contains(stripped, "gAMA".getBytes(StandardCharsets.ISO_8859_1)), "gamma kept");
        assertArrayEquals(gamma.toByteArray(), stripped);
        assertArrayEquals(pixels(tagged), pixels(stripped));
    }

    @Test
    void aGifLosesCommentsAndXmp() {
        byte[] plain = CanvasRenderer.encode(picture(), "gif");
        byte[] tagged = MetadataFixtures.gifWithComment(plain);

        byte[] stripped = MetadataStripper.strip(tagged).orElseThrow();

        assertFalse(MetadataFixtures.contains(stripped, SECRET));
        assertArrayEquals(pixels(plain), pixels(stripped));
    }

    @Test
    void aGifLosesTextAndUnknownExtensions() {
        byte[] plain = CanvasRenderer.encode(picture(), "gif");
        byte[] tagged = MetadataFixtures.gifWithTextExtensions(plain);
        assertArrayEquals(pixels(plain), pixels(tagged), "decoders skip both extensions");

        byte[] stripped = MetadataStripper.strip(tagged).orElseThrow();

        assertFalse(MetadataFixtures.contains(stripped, SECRET));
        assertArrayEquals(plain, stripped, "what is left is exactly the GIF before the extensions were added");
    }

    @Test
    void aBmpLosesItsLinkedProfileAndTheBytesAroundItsPixels() {
        byte[] plain = CanvasRenderer.encode(picture(), "bmp");
        byte[] tagged = MetadataFixtures.bmpWithHiddenData(plain);
        assertArrayEquals(pixels(plain), pixels(tagged), "the fixture decodes");
        assertTrue(MetadataFixtures.contains(tagged, SECRET));

        byte[] stripped = MetadataStripper.strip(tagged).orElseThrow();

        assertFalse(MetadataFixtures.contains(stripped, SECRET), "profile path and trailing bytes");
        assertEquals(Optional.of("image/bmp"), ImageDecoder.mediaType(stripped));
        assertEquals(14 + 124 + (plain.length - 54), stripped.length, "headers and pixels, nothing else");
        assertArrayEquals(pixels(plain), pixels(stripped));
        // A BMP with nothing to drop keeps its bytes; a truncated one is not kept.
        assertArrayEquals(plain, MetadataStripper.strip(plain).orElseThrow());
        assertEquals(Optional.empty(), MetadataStripper.strip(Arrays.copyOf(plain, plain.length - 1)));
    }

    @Test
    void aBmpOfEveryLayoutLosesTheBytesAfterItsPixels() throws IOException {
        BufferedImage grey = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        grey.createGraphics().drawImage(picture(), 0, 0, null);
        BufferedImage twoColours = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_BINARY);
        twoColours.createGraphics().drawImage(picture(), 0, 0, null);
        byte[] grey4 = new byte[16];
        for (int i = 0; i < 16; i++) {
            grey4[i] = (byte) (i * 17);
        }
        BufferedImage sixteenColours = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(4, 16, grey4, grey4, grey4));
        sixteenColours.createGraphics().drawImage(picture(), 0, 0, null);
        Map<String, byte[]> layouts = Map.of("8-bit palette", bmp(grey, "BI_RGB"),
                "1-bit palette", bmp(twoColours, "BI_RGB"), "RLE8", bmp(grey, "BI_RLE8"),
                "RLE4", bmp(sixteenColours, "BI_RLE4"), "16-bit bit fields", bmp(picture(), "BI_BITFIELDS"));
        for (Map.Entry<String, byte[]> layout : layouts.entrySet()) {
            byte[] plain = layout.getValue();
            byte[] trailing = ByteBuffer.allocate(plain.length + SECRET.length).put(plain).put(SECRET).array();

            byte[] stripped = MetadataStripper.strip(trailing).orElseThrow();

            assertFalse(MetadataFixtures.contains(stripped, SECRET), layout.getKey());
            assertEquals(plain.length, stripped.length, layout.getKey());
            assertArrayEquals(pixels(plain), pixels(stripped), layout.getKey());
        }
    }

    @Test
    void aPictureStoredSidewaysIsKeptUprightWithoutItsMetadata() throws IOException {
        BufferedImage sideways = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sideways.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, 16, 12); // the stored top-left corner
        g.dispose();
        for (String format : new String[] {"jpeg", "png"}) {
            byte[] encoded = CanvasRenderer.encode(sideways, format);
            byte[] tagged = format.equals("jpeg") ? MetadataFixtures.jpegWithExifGps(encoded, 6)
                    : MetadataFixtures.pngWithTextAndExif(encoded, 6);

            byte[] kept = MetadataStripper.strip(tagged).orElseThrow();

            assertFalse(MetadataFixtures.contains(kept, SECRET), format);
            assertFalse(MetadataFixtures.contains(kept, MetadataFixtures.latitudeBytes()), format);
            assertEquals(Optional.of("image/" + format), ImageDecoder.mediaType(kept), "kept in its own format");
            assertEquals(Orientation.NORMAL, ImageDecoder.orientation(kept), "nothing left to turn");
            BufferedImage upright = ImageIO.read(new ByteArrayInputStream(kept));
            assertEquals(48, upright.getWidth(), format + ": turned a quarter");
            assertEquals(64, upright.getHeight());
            // Orientation 6 is shown turned 90 degrees clockwise: the stored top-left corner is the top-right.
            assertTrue((upright.getRGB(42, 5) & 0xFF) < 64, format + ": ink at the top right");
            assertTrue((upright.getRGB(5, 5) & 0xFF) > 192, format + ": paper at the top left");
        }
    }

    @Test
    void aTurnedPictureOverTheUprightLimitIsNotKept() {
        for (int side : new int[] {2048, 2049}) {
            byte[] png = MetadataFixtures.pngWithTextAndExif(CanvasRenderer.encode(
                    new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY), "png"), 6);
            // MAX_UPRIGHT_PIXELS is 2048x2048: a larger turned picture would be decoded whole and encoded again.
            assertEquals(side == 2048, MetadataStripper.strip(png).isPresent(), side + "x" + side);
        }
        // Not turned: stripped byte by byte whatever its size.
        byte[] plain = MetadataFixtures.pngWithTextAndExif(CanvasRenderer.encode(
                new BufferedImage(2049, 2049, BufferedImage.TYPE_BYTE_GRAY), "png"), 1);
        assertTrue(MetadataStripper.strip(plain).isPresent());
    }

    @Test
    void anImageWhoseStructureCannotBeWalkedIsNotKept() {
        byte[] jpeg = MetadataFixtures.jpegWithExifGps(CanvasRenderer.encode(picture(), "jpeg"), 1);
        byte[] png = MetadataFixtures.pngWithTextAndExif(CanvasRenderer.encode(picture(), "png"), 1);
        assertEquals(Optional.empty(), MetadataStripper.strip(Arrays.copyOf(jpeg, 40)));
        assertEquals(Optional.empty(), MetadataStripper.strip(Arrays.copyOf(png, 60)));
        assertEquals(Optional.empty(), MetadataStripper.strip("not an image".getBytes(StandardCharsets.UTF_8)));
    }

    private static BufferedImage picture() {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 48);
        g.setColor(Color.BLACK);
        g.fillOval(10, 8, 30, 30);
        g.dispose();
        return image;
    }

    private static byte[] bmp(BufferedImage image, String compression) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("bmp").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(compression);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static int[] pixels(byte[] encoded) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
            return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
