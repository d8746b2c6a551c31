package io.mathsketch.engine.codec;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DecodedImage;
import io.mathsketch.engine.testing.ExifBytes;
import io.mathsketch.engine.testing.ExifPlacement;
import io.mathsketch.engine.testing.LumPlane;
import io.mathsketch.engine.testing.PngBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EXIF orientation as cameras write it: every one of the eight values, in a JPEG APP1 segment and a PNG eXIf chunk,
 * in both byte orders, turns the stored pixels into the picture the viewer sees; damaged metadata changes nothing.
 * The expected placement comes from the EXIF specification's wording for each value ({@link ExifPlacement}), not from
 * the decoder's own walk.
 */
class OrientationTest {

    private static final int W = 7, H = 5;
    private final ImageDecoder decoder = new ImageDecoder(InputLimits.DEFAULT);

    private static int[] distinctGreys() {
        int[] grey = new int[W * H];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = 10 + 6 * i; // all different, so any misplaced pixel shows
        }
        return grey;
    }

    private DecodedImage decode(byte[] encoded) throws RecognitionException {
        // Copied out: a pooled decoder's planes are only valid inside the reader.
        return decoder.decode(encoded, DecodedImage::copy);
    }

    @ParameterizedTest(name = "PNG eXIf orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void pngEveryOrientationIsTurnedUpright(int value) throws RecognitionException {
        int[] stored = distinctGreys();
        byte[] png = PngBytes.encode(W, H, PngBytes.GREY, 8, stored, 0, null, null);
        for (boolean little : new boolean[] {false, true}) {
            byte[] tagged = ExifBytes.png(png, ExifBytes.tiff(value, little, 3));
            assertEquals(Orientation.ofExif(value), ImageDecoder.orientation(tagged));
            DecodedImage upright = decode(tagged);
            ExifPlacement placement = new ExifPlacement(value, W, H);
            assertEquals(placement.viewedWidth(), upright.width(), "width");
            assertEquals(placement.viewedHeight(), upright.height(), "height");
            assertArrayEquals(placement.view(stored), LumPlane.of(upright),
                    "orientation " + value + (little ? " II" : " MM"));
        }
    }

    @ParameterizedTest(name = "JPEG APP1 orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void jpegEveryOrientationIsTurnedUpright(int value) throws Exception {
        // 8x8 flat blocks, one JPEG block each, survive compression within a few levels.
        int bw = 4, bh = 3;
        int[] blocks = new int[bw * bh];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = 20 + 19 * i;
        }
        BufferedImage image = new BufferedImage(bw * 8, bh * 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < bh * 8; y++) {
            for (int x = 0; x < bw * 8; x++) {
                image.getRaster().setSample(x, y, 0, blocks[(y / 8) * bw + x / 8]);
            }
        }
        byte[] jpeg = jpeg(image, 0.95f);
        for (boolean little : new boolean[] {false, true}) {
            for (byte[] tagged : new byte[][] {
                    ExifBytes.jpeg(jpeg, ExifBytes.tiff(value, little, 3)),
                    // after the JFIF APP0 segment ImageIO writes (2 + 2 + 16 bytes), as some editors do
                    ExifBytes.jpegAt(jpeg, ExifBytes.tiff(value, little, 4), 20)}) {
                DecodedImage upright = decode(tagged);
                ExifPlacement placement = new ExifPlacement(value, bw, bh);
                int ubw = placement.viewedWidth();
                assertEquals(ubw * 8, upright.width());
                // Sample each block's centre in the upright picture and compare with the spec's placement.
                int[] expected = placement.view(blocks);
                for (int i = 0; i < expected.length; i++) {
                    int cx = (i % ubw) * 8 + 4, cy = (i / ubw) * 8 + 4;
                    int got = upright.lum()[cy * upright.width() + cx] & 0xFF;
                    assertTrue(Math.abs(got - expected[i]) <= 6,
                            "orientation " + value + " block " + i + ": " + got + " vs " + expected[i]);
                }
            }
        }
    }

    @ParameterizedTest(name = "BufferedImage orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void colourImagesTurnTheSameWay(int value) {
        // The path for callers that keep the picture (stored originals): same placement as the decoder's.
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        int[] stored = new int[W * H];
        Random random = new Random(value);
        for (int i = 0; i < stored.length; i++) {
            stored[i] = 0xFF000000 | random.nextInt(1 << 24);
            image.setRGB(i % W, i / W, stored[i]);
        }
        BufferedImage upright = Orientation.ofExif(value).upright(image);
        ExifPlacement placement = new ExifPlacement(value, W, H);
        int uw = placement.viewedWidth(), uh = placement.viewedHeight();
        assertEquals(uw, upright.getWidth());
        assertEquals(uh, upright.getHeight());
        assertArrayEquals(placement.view(stored), upright.getRGB(0, 0, uw, uh, null, 0, uw));
        assertEquals(BufferedImage.TYPE_INT_RGB, upright.getType());
    }

    @Test
    void uprightImagesKeepTheirRowExtremesAndAlpha() throws RecognitionException {
        // RGBA 3x2: alpha and per-row extremes must follow the pixels (ink finding reads both).
        int[] rgba = {0, 0, 0, 255, 255, 255, 255, 0, 100, 100, 100, 128,
                      50, 50, 50, 255, 200, 200, 200, 64, 255, 255, 255, 255};
        byte[] png = ExifBytes.png(PngBytes.encode(3, 2, PngBytes.RGBA, 8, rgba, 0, null, null), ExifBytes.tiff(6));
        DecodedImage upright = decoder.decode(png, image -> image);
        assertEquals(2, upright.width());
        assertEquals(3, upright.height());
        // Turned 90 degrees clockwise: stored column 0 (black, grey 50) is the top row, read right to left.
        assertEquals(50, upright.lum()[0] & 0xFF);
        assertEquals(0, upright.lum()[1] & 0xFF);
        assertEquals(255, upright.alpha()[1] & 0xFF);
        assertEquals(0, upright.rowMinLum()[0]);
        assertEquals(50, upright.rowMaxLum()[0]);
        assertEquals(255, upright.rowMaxAlpha()[0]);
        assertEquals(0, upright.minLum());
    }

    @Test
    void damagedOrAbsentMetadataLeavesThePictureAsStored() throws Exception {
        byte[] png = PngBytes.encode(W, H, PngBytes.GREY, 8, distinctGreys(), 0, null, null);
        byte[] good = ExifBytes.tiff(6);
        byte[][] broken = {
                new byte[0],
                Arrays.copyOf(good, 7),                                 // shorter than a TIFF header
                Arrays.copyOf(good, 12),                                // IFD0 cut off inside its entries
                replace(good, 0, 'X', 'X'),                             // no byte order
                replace(good, 2, 0, 43),                                // not TIFF's 42
                replace(good, 4, 0x7F, 0xFF, 0xFF, 0xFF),               // IFD0 far outside
                ExifBytes.tiff(0), ExifBytes.tiff(9), ExifBytes.tiff(0xFFFF)};
        int[] stored = distinctGreys();
        for (byte[] tiff : broken) {
            byte[] tagged = ExifBytes.png(png, tiff);
            assertEquals(Orientation.NORMAL, ImageDecoder.orientation(tagged));
            assertArrayEquals(stored, LumPlane.of(decode(tagged)));
        }
        // An IFD0 claiming 65,535 entries is read only as far as the data goes, where the tag still is.
        assertEquals(Orientation.ROTATE_90_CW, ImageDecoder.orientation(ExifBytes.png(png, replace(good, 8, 0xFF, 0xFF))));
        // Without metadata, and for formats that carry none here.
        assertEquals(Orientation.NORMAL, ImageDecoder.orientation(png));
        assertEquals(Orientation.NORMAL, ImageDecoder.orientation(new byte[] {'B', 'M'}));
        assertEquals(Orientation.NORMAL, ImageDecoder.orientation(new byte[] {1, 2, 3}));
        // A JPEG whose segment lengths run past the end is left to the decoder, unrotated.
        byte[] jpeg = jpeg(new BufferedImage(16, 8, BufferedImage.TYPE_BYTE_GRAY), 0.9f);
        byte[] truncatedSegment = Arrays.copyOf(ExifBytes.jpeg(jpeg, good), 2 + 4 + 6 + 5);
        assertEquals(Orientation.NORMAL, ImageDecoder.orientation(truncatedSegment));
    }

    private static byte[] replace(byte[] data, int at, int... bytes) {
        byte[] out = data.clone();
        for (int i = 0; i < bytes.length; i++) {
            out[at + i] = (byte) bytes[i];
        }
        return out;
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }
}
