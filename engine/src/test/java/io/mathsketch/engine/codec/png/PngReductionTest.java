package io.mathsketch.engine.codec.png;

import io.mathsketch.engine.RecognitionException.CorruptImage;
import io.mathsketch.engine.image.DecodedImage;
import io.mathsketch.engine.testing.PngBytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static io.mathsketch.engine.testing.PngBytes.GREY;
import static io.mathsketch.engine.testing.PngBytes.GREY_ALPHA;
import static io.mathsketch.engine.testing.PngBytes.PALETTE;
import static io.mathsketch.engine.testing.PngBytes.RGB;
import static io.mathsketch.engine.testing.PngBytes.RGBA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Decoding reduced: each block of {@code factor x factor} pixels is the rounded mean of the full decode's luminance
 * and alpha in that block (edge blocks over the pixels they have), for every row converter, filter and size.
 */
class PngReductionTest {

    @ParameterizedTest(name = "type {0} depth {1}, {2}x{3} by {4}, filter {5}")
    @CsvSource({
            "6, 8, 101, 67, 2, -1", "6, 8, 64, 64, 4, 2", "2, 8, 99, 50, 3, -1", "2, 16, 40, 33, 2, 4",
            "0, 8, 77, 31, 5, 1", "0, 1, 50, 20, 2, 0", "0, 16, 30, 30, 3, 3", "4, 8, 45, 46, 2, -1",
            "3, 8, 60, 41, 3, -1", "3, 4, 33, 17, 2, 2", "6, 16, 21, 22, 4, -1", "6, 8, 5, 9, 7, 0"})
    void aReducedDecodeIsTheBlockMeanOfTheFullDecode(int colorType, int depth, int width, int height, int factor,
                                                     int filter) throws CorruptImage {
        byte[] png = png(colorType, depth, width, height, filter, new Random(31L * width + height));
        DecodedImage full = new PngDecoder().decode(png).copy();
        DecodedImage reduced = new PngDecoder().decode(png, factor);
        int outWidth = Math.ceilDiv(width, factor), outHeight = Math.ceilDiv(height, factor);
        assertEquals(outWidth, reduced.width());
        assertEquals(outHeight, reduced.height());
        assertEquals(full.hasAlpha(), reduced.hasAlpha());
        byte[] lum = new byte[outWidth * outHeight];
        byte[] alpha = new byte[outWidth * outHeight];
        int[] rowMin = new int[outHeight], rowMax = new int[outHeight], rowAlpha = new int[outHeight];
        for (int oy = 0; oy < outHeight; oy++) {
            rowMin[oy] = 255;
            for (int ox = 0; ox < outWidth; ox++) {
                int l = 0, a = 0, n = 0;
                for (int y = oy * factor; y < Math.min(height, (oy + 1) * factor); y++) {
                    for (int x = ox * factor; x < Math.min(width, (ox + 1) * factor); x++) {
                        l += full.lum()[y * width + x] & 0xFF;
                        a += full.hasAlpha() ? full.alpha()[y * width + x] & 0xFF : 0;
                        n++;
                    }
                }
                lum[oy * outWidth + ox] = (byte) ((l + n / 2) / n);
                alpha[oy * outWidth + ox] = (byte) ((a + n / 2) / n);
                rowMin[oy] = Math.min(rowMin[oy], (l + n / 2) / n);
                rowMax[oy] = Math.max(rowMax[oy], (l + n / 2) / n);
                rowAlpha[oy] = Math.max(rowAlpha[oy], (a + n / 2) / n);
            }
        }
        int pixels = outWidth * outHeight;
        assertArrayEquals(lum, java.util.Arrays.copyOf(reduced.lum(), pixels));
        if (full.hasAlpha()) {
            assertArrayEquals(alpha, java.util.Arrays.copyOf(reduced.alpha(), pixels));
            assertArrayEquals(rowAlpha, reduced.rowMaxAlpha());
        }
        assertArrayEquals(rowMin, reduced.rowMinLum());
        assertArrayEquals(rowMax, reduced.rowMaxLum());
    }

    /** Random samples over a few runs of one value (so the converters' run and repeat paths are taken too). */
    private static byte[] png(int colorType, int depth, int width, int height, int filter, Random random) {
        int channels = switch (colorType) {
            case GREY, PALETTE -> 1;
            case GREY_ALPHA -> 2;
            case RGB -> 3;
            default -> 4;
        };
        int max = colorType == PALETTE ? Math.min(16, (1 << depth)) - 1 : (1 << depth) - 1;
        int[] samples = new int[width * height * channels];
        for (int i = 0; i < samples.length; i++) {
            boolean run = (i / channels / 7) % 3 == 0;
            samples[i] = run ? max : random.nextInt(max + 1);
        }
        byte[] palette = null;
        byte[] transparency = null;
        if (colorType == PALETTE) {
            palette = new byte[48];
            transparency = new byte[8];
            random.nextBytes(palette);
            random.nextBytes(transparency);
        }
        return PngBytes.encode(width, height, colorType, depth, samples, filter, palette, transparency);
    }
}
