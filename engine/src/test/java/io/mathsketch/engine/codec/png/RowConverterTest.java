package io.mathsketch.engine.codec.png;

import io.mathsketch.engine.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.mathsketch.engine.image.DecodedImage.luminance;
import static io.mathsketch.engine.image.DecodedImage.overWhite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The run-taking 8-bit converters against the plain per-pixel rule, on rows mixing long runs, short runs and lone
 * pixels (an anti-aliased edge), with runs that reach the row's last pixel.
 */
class RowConverterTest {

    private static final int WIDTH = 97;
    private static final int ROWS = 400;

    @Test
    void rgbRunsGiveWhatEveryPixelConvertedAloneGives() {
        Random random = new Random(14);
        for (int y = 0; y < ROWS; y++) {
            byte[] row = rowOfRuns(random, 3, y % 7 == 0);
            DecodedImage fast = new DecodedImage(WIDTH, 1, false);
            DecodedImage plain = new DecodedImage(WIDTH, 1, false);
            new RowConverter.Rgb8().convert(row, 0, fast, 0);
            new RowConverter.Rgb(1, null).convert(row, 0, plain, 0);

            int[] expected = new int[WIDTH];
            for (int x = 0; x < WIDTH; x++) {
                expected[x] = luminance(row[3 * x] & 0xFF, row[3 * x + 1] & 0xFF, row[3 * x + 2] & 0xFF);
            }
            assertArrayEquals(bytes(expected), fast.lum(), "row " + y);
            assertArrayEquals(plain.lum(), fast.lum(), "row " + y);
            assertEquals(min(expected), fast.rowMinLum()[0], "row " + y);
            assertEquals(max(expected), fast.rowMaxLum()[0], "row " + y);
        }
    }

    @Test
    void rgbaRunsGiveWhatEveryPixelConvertedAloneGives() {
        Random random = new Random(15);
        for (int y = 0; y < ROWS; y++) {
            byte[] row = rowOfRuns(random, 4, y % 7 == 0);
            DecodedImage fast = new DecodedImage(WIDTH, 1, true);
            new RowConverter.Rgba8().convert(row, 0, fast, 0);

            int[] lum = new int[WIDTH];
            int[] alpha = new int[WIDTH];
            for (int x = 0; x < WIDTH; x++) {
                int s = 4 * x;
                alpha[x] = row[s + 3] & 0xFF;
                lum[x] = overWhite(luminance(row[s] & 0xFF, row[s + 1] & 0xFF, row[s + 2] & 0xFF), alpha[x]);
            }
            assertArrayEquals(bytes(lum), fast.lum(), "row " + y);
            assertArrayEquals(bytes(alpha), fast.alpha(), "row " + y);
            assertEquals(min(lum), fast.rowMinLum()[0], "row " + y);
            assertEquals(max(lum), fast.rowMaxLum()[0], "row " + y);
            assertEquals(max(alpha), fast.rowMaxAlpha()[0], "row " + y);
        }
    }

    /**
     * Pixels of {@code channels} bytes in runs of 1 to 40 equal pixels; neighbouring runs sometimes differ in one
     * channel only, so a run's end is found in every byte position. A flat row is one colour throughout.
     */
    private static byte[] rowOfRuns(Random random, int channels, boolean flat) {
        byte[] row = new byte[WIDTH * channels];
        byte[] pixel = new byte[channels];
        random.nextBytes(pixel);
        for (int x = 0; x < WIDTH; ) {
            int run = flat ? WIDTH : 1 + (random.nextBoolean() ? random.nextInt(3) : random.nextInt(40));
            for (int i = 0; i < run && x < WIDTH; i++, x++) {
                System.arraycopy(pixel, 0, row, x * channels, channels);
            }
            if (random.nextBoolean()) {
                pixel[random.nextInt(channels)] ^= (byte) (1 + random.nextInt(255));
            } else {
                random.nextBytes(pixel);
            }
        }
        return row;
    }

    private static byte[] bytes(int[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static int min(int[] values) {
        int m = 255;
        for (int v : values) {
            m = Math.min(m, v);
        }
        return m;
    }

    private static int max(int[] values) {
        int m = 0;
        for (int v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
