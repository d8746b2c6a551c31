package io.mathsketch.engine.codec.png;

import io.mathsketch.engine.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.mathsketch.engine.image.DecodedImage.luminance;
import static io.mathsketch.engine.image.DecodedImage.overWhite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The run-taking 8-bit converters against the plain per-pixel rule, on rows mixing long runs, short runs and lone
 * pixels (an anti-aliased edge), with runs that reach the row's last pixel, and with runs around the block length at
 * every phase of a block.
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
        // One converter for all rows, as for an image: what it remembers of a row's colours must not leak.
        RowConverter.Rgba8 converter = new RowConverter.Rgba8();
        for (int y = 0; y < ROWS; y++) {
            byte[] row = rowOfRuns(random, 4, y % 7 == 0);
            DecodedImage fast = new DecodedImage(WIDTH, 1, true);
            converter.convert(row, 0, fast, 0);

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
     * The converters take a run only once a whole block of pixels repeats: runs one pixel shorter than a block, as
     * long as one and one longer, starting at every position within a block and ending at the row's last pixel or
     * just before it, each between anti-aliased pixels that all differ, must give what the plain rule gives.
     */
    @Test
    void runsOfEveryLengthNearTheBlockAtEveryPhaseGiveThePlainRule() {
        int block = RowConverter.Runs.BLOCK;
        for (int channels : new int[] {3, 4}) {
            for (int length = block - 1; length <= block + 1; length++) {
                for (int start = 0; start < 2 * block; start++) {
                    for (int width : new int[] {start + length, start + length + 1, start + length + 2 * block + 3}) {
                        byte[] row = new byte[width * channels];
                        for (int x = 0; x < width; x++) {
                            boolean inRun = x >= start && x < start + length;
                            for (int c = 0; c < channels; c++) {
                                // Outside the run every pixel differs from its neighbours; the run is one colour.
                                row[x * channels + c] = (byte) (inRun ? 200 + c : 7 * x + 31 * c + 1);
                            }
                        }
                        String where = channels + " channels, run of " + length + " at " + start + ", width "
                                + width;
                        if (channels == 3) {
                            assertRgbPlain(row, width, where);
                        } else {
                            assertRgbaPlain(row, width, where);
                        }
                    }
                }
            }
        }
    }

    /**
     * Anti-aliased ink as a canvas exports it: one colour at many opacities, in blocks that share a colour (read a
     * word at a time) or not (a colour change inside a block), over a transparent background of another colour, at an
     * odd offset in the row buffer (a scanline's filter byte comes first). Every alpha meets every ink colour, black,
     * white and grey among them, so the block's extremes taken from its alpha extremes are checked for each.
     */
    @Test
    void oneColourBlocksOfEveryAlphaGiveThePlainRule() {
        Random random = new Random(16);
        int[] inks = {0x000000, 0xFFFFFF, 0x808080, 0x1E90FF, 0xFF0000, 0x00FF00, 0x0000FF};
        RowConverter.Rgba8 converter = new RowConverter.Rgba8();
        for (int y = 0; y < ROWS; y++) {
            int width = 8 + random.nextInt(120);
            byte[] row = new byte[1 + 4 * width];
            int ink = inks[y % inks.length];
            for (int x = 0; x < width; x++) {
                boolean background = random.nextInt(4) == 0;
                int colour = background ? 0xFFFFFF : random.nextInt(40) == 0 ? inks[random.nextInt(inks.length)] : ink;
                int a = background ? 0 : y % 5 == 0 ? 255 - random.nextInt(2) : random.nextInt(256);
                int s = 1 + 4 * x;
                row[s] = (byte) (colour >>> 16);
                row[s + 1] = (byte) (colour >>> 8);
                row[s + 2] = (byte) colour;
                row[s + 3] = (byte) a;
            }
            DecodedImage fast = new DecodedImage(width, 1, true);
            DecodedImage plain = new DecodedImage(width, 1, true);
            converter.convert(row, 1, fast, 0);
            new RowConverter.Rgba16().convert(widen(Arrays.copyOfRange(row, 1, row.length)), 0, plain, 0);
            String where = "row " + y + ", ink " + Integer.toHexString(ink);
            assertArrayEquals(plain.lum(), fast.lum(), where);
            assertArrayEquals(plain.alpha(), fast.alpha(), where);
            assertEquals(plain.rowMinLum()[0], fast.rowMinLum()[0], where);
            assertEquals(plain.rowMaxLum()[0], fast.rowMaxLum()[0], where);
            assertEquals(plain.rowMaxAlpha()[0], fast.rowMaxAlpha()[0], where);
        }
    }

    /**
     * Black and white ink (and their nearest colours, which take the general way) in one-colour blocks holding every
     * alpha from 0 to 255 at every position of a block, shuffled, each row also with blocks of one alpha: the
     * luminance a black or white block takes straight from its alphas must be the plain rule's, extremes included.
     */
    @Test
    void blackAndWhiteInkBlocksOfEveryAlphaGiveThePlainRule() {
        Random random = new Random(255);
        RowConverter.Rgba8 converter = new RowConverter.Rgba8();
        for (int ink : new int[] {0x000000, 0xFFFFFF, 0x010101, 0xFEFEFE}) {
            for (int shift = 0; shift < 8; shift++) {
                List<Integer> alphas = new ArrayList<>();
                for (int a = 0; a < 256; a++) {
                    alphas.add(a);
                }
                Collections.shuffle(alphas, random);
                int width = 256 + 8 + shift;
                byte[] row = new byte[1 + 4 * width];
                for (int x = 0; x < width; x++) {
                    // Every alpha once, then a block of one alpha, the row shifted so blocks start anywhere.
                    int a = x < shift ? 0 : x < 256 + shift ? alphas.get(x - shift) : alphas.get(0);
                    int s = 1 + 4 * x;
                    row[s] = (byte) (ink >>> 16);
                    row[s + 1] = (byte) (ink >>> 8);
                    row[s + 2] = (byte) ink;
                    row[s + 3] = (byte) a;
                }
                DecodedImage fast = new DecodedImage(width, 1, true);
                DecodedImage plain = new DecodedImage(width, 1, true);
                converter.convert(row, 1, fast, 0);
                new RowConverter.Rgba16().convert(widen(Arrays.copyOfRange(row, 1, row.length)), 0, plain, 0);
                String where = "ink " + Integer.toHexString(ink) + ", shift " + shift;
                assertArrayEquals(plain.lum(), fast.lum(), where);
                assertArrayEquals(plain.alpha(), fast.alpha(), where);
                assertEquals(plain.rowMinLum()[0], fast.rowMinLum()[0], where);
                assertEquals(plain.rowMaxLum()[0], fast.rowMaxLum()[0], where);
                assertEquals(plain.rowMaxAlpha()[0], fast.rowMaxAlpha()[0], where);
            }
        }
    }

    /**
     * Rows of whole one-colour blocks, each black or white at random and with random alphas, one converter for all
     * rows: the row's extremes, which black and white blocks put aside lane by lane and a row's end folds together,
     * must be the plain rule's whichever block and lane holds them, and nothing may carry over to the next row.
     */
    @Test
    void blackAndWhiteBlocksMixedInOneRowGiveThePlainExtremes() {
        Random random = new Random(8);
        RowConverter.Rgba8 converter = new RowConverter.Rgba8();
        for (int y = 0; y < ROWS; y++) {
            int blocks = 1 + random.nextInt(12);
            int width = 8 * blocks + random.nextInt(8);
            byte[] row = new byte[1 + 4 * width];
            int limit = 1 + random.nextInt(256); // low limits keep some rows' alphas well below the row before's
            int colour = 0;
            for (int x = 0; x < width; x++) {
                colour = x % 8 != 0 ? colour : random.nextBoolean() ? 0xFFFFFF : 0x000000;
                int s = 1 + 4 * x;
                row[s] = (byte) (colour >>> 16);
                row[s + 1] = (byte) (colour >>> 8);
                row[s + 2] = (byte) colour;
                row[s + 3] = (byte) random.nextInt(limit);
            }
            DecodedImage fast = new DecodedImage(width, 1, true);
            DecodedImage plain = new DecodedImage(width, 1, true);
            converter.convert(row, 1, fast, 0);
            new RowConverter.Rgba16().convert(widen(Arrays.copyOfRange(row, 1, row.length)), 0, plain, 0);
            String where = "row " + y;
            assertArrayEquals(plain.lum(), fast.lum(), where);
            assertArrayEquals(plain.alpha(), fast.alpha(), where);
            assertEquals(plain.rowMinLum()[0], fast.rowMinLum()[0], where);
            assertEquals(plain.rowMaxLum()[0], fast.rowMaxLum()[0], where);
            assertEquals(plain.rowMaxAlpha()[0], fast.rowMaxAlpha()[0], where);
        }
    }

    private static void assertRgbPlain(byte[] row, int width, String where) {
        DecodedImage fast = new DecodedImage(width, 1, false);
        DecodedImage plain = new DecodedImage(width, 1, false);
        new RowConverter.Rgb8().convert(row, 0, fast, 0);
        new RowConverter.Rgb(1, null).convert(row, 0, plain, 0);
        assertArrayEquals(plain.lum(), fast.lum(), where);
        assertEquals(plain.rowMinLum()[0], fast.rowMinLum()[0], where);
        assertEquals(plain.rowMaxLum()[0], fast.rowMaxLum()[0], where);
    }

    private static void assertRgbaPlain(byte[] row, int width, String where) {
        DecodedImage fast = new DecodedImage(width, 1, true);
        DecodedImage plain = new DecodedImage(width, 1, true);
        new RowConverter.Rgba8().convert(row, 0, fast, 0);
        new RowConverter.Rgba16().convert(widen(row), 0, plain, 0);
        assertArrayEquals(plain.lum(), fast.lum(), where);
        assertArrayEquals(plain.alpha(), fast.alpha(), where);
        assertEquals(plain.rowMinLum()[0], fast.rowMinLum()[0], where);
        assertEquals(plain.rowMaxLum()[0], fast.rowMaxLum()[0], where);
        assertEquals(plain.rowMaxAlpha()[0], fast.rowMaxAlpha()[0], where);
    }

    /** 8-bit samples as 16-bit ones with the same high byte, for the plain per-pixel 16-bit converter. */
    private static byte[] widen(byte[] row) {
        byte[] wide = new byte[2 * row.length];
        for (int i = 0; i < row.length; i++) {
            wide[2 * i] = row[i];
            wide[2 * i + 1] = (byte) 0xA5;
        }
        return wide;
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
