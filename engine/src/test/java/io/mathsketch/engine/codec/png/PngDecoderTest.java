package io.mathsketch.engine.codec.png;

import io.mathsketch.engine.image.InkImage;

import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.CorruptImage;
import io.mathsketch.engine.image.DecodedImage;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.PngBytes;
import io.mathsketch.engine.testing.SyntheticDigits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.mathsketch.engine.testing.PngBytes.GREY;
import static io.mathsketch.engine.testing.PngBytes.GREY_ALPHA;
import static io.mathsketch.engine.testing.PngBytes.PALETTE;
import static io.mathsketch.engine.testing.PngBytes.RGB;
import static io.mathsketch.engine.testing.PngBytes.RGBA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure-Java PNG path: every colour type, bit depth, filter and transparency form, checked against known ink. */
class PngDecoderTest {

    private final ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
    /** A digit-shaped ink field with soft edges: full ink in the strokes, every grey level at their borders. */
    private final InkImage digit = SyntheticDigits.draw("3", 40, 0.12);

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of(GREY, 1), Arguments.of(GREY, 2), Arguments.of(GREY, 4), Arguments.of(GREY, 8),
                Arguments.of(GREY, 16), Arguments.of(RGB, 8), Arguments.of(RGB, 16), Arguments.of(PALETTE, 1),
                Arguments.of(PALETTE, 2), Arguments.of(PALETTE, 4), Arguments.of(PALETTE, 8),
                Arguments.of(GREY_ALPHA, 8), Arguments.of(GREY_ALPHA, 16), Arguments.of(RGBA, 8),
                Arguments.of(RGBA, 16));
    }

    static Stream<Arguments> layoutsAndFilters() {
        return layouts().flatMap(a -> IntStream.rangeClosed(0, 4).mapToObj(f -> Arguments.of(a.get()[0], a.get()[1], f)));
    }

    /** Dark ink on an opaque white background, quantised to the bit depth: decoded ink must be the quantised ink. */
    @ParameterizedTest(name = "colour type {0}, {1}-bit, filter {2}")
    @MethodSource("layoutsAndFilters")
    void decodesEveryColourTypeDepthAndFilter(int colorType, int depth, int filter) throws RecognitionException {
        int levels = (1 << depth) - 1;
        int[] quantised = new int[digit.ink().length];
        for (int i = 0; i < quantised.length; i++) {
            quantised[i] = Math.round((1 - digit.ink()[i]) * levels);
        }
        int channels = switch (colorType) {
            case GREY, PALETTE -> 1;
            case GREY_ALPHA -> 2;
            case RGB -> 3;
            default -> 4;
        };
        int[] samples = new int[quantised.length * channels];
        for (int i = 0; i < quantised.length; i++) {
            for (int c = 0; c < channels; c++) {
                boolean alpha = c == channels - 1 && (colorType == GREY_ALPHA || colorType == RGBA);
                samples[i * channels + c] = alpha ? levels : quantised[i];
            }
        }
        byte[] palette = null;
        if (colorType == PALETTE) {
            palette = new byte[3 * (levels + 1)];
            for (int i = 0; i <= levels; i++) {
                palette[3 * i] = palette[3 * i + 1] = palette[3 * i + 2] = (byte) (i * 255 / levels);
            }
        }
        byte[] png = PngBytes.encode(digit.width(), digit.height(), colorType, depth, samples, filter, palette, null);

        InkImage decoded = preprocessor.decode(png);

        assertEquals(digit.width(), decoded.width());
        assertEquals(digit.height(), decoded.height());
        for (int i = 0; i < quantised.length; i++) {
            // 16-bit samples keep their high byte; lower depths scale up to 0..255 as the PNG specification says.
            int lum = depth == 16 ? quantised[i] >> 8 : quantised[i] * 255 / levels;
            assertEquals(1 - lum / 255f, decoded.ink()[i], 0.5f / 255, "pixel " + i);
        }
    }

    @Test
    void paletteTransparencyGivesInkFromAlpha() throws RecognitionException {
        // Index 0: transparent white background; 1..3: black at increasing opacity.
        byte[] palette = {(byte) 255, (byte) 255, (byte) 255, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        byte[] alpha = {0, 85, (byte) 170, (byte) 255};
        int[] samples = quantise(digit, 3);
        byte[] png = PngBytes.encode(digit.width(), digit.height(), PALETTE, 2, samples, 0, palette, alpha);

        InkImage decoded = preprocessor.decode(png);

        for (int i = 0; i < samples.length; i++) {
            assertEquals(samples[i] / 3f, decoded.ink()[i], 0.01f, "pixel " + i);
        }
    }

    @ParameterizedTest(name = "colour type {0}, {1}-bit")
    @MethodSource("colourKeys")
    void colourKeyTransparencyMakesTheBackgroundClear(int colorType, int depth) throws RecognitionException {
        int levels = (1 << depth) - 1;
        int channels = colorType == RGB ? 3 : 1;
        int[] samples = new int[digit.ink().length * channels];
        for (int i = 0; i < digit.ink().length; i++) {
            // Background is the key (white); ink is an opaque mid grey, lighter than what luminance would call ink.
            int value = digit.ink()[i] > 0.5f ? levels / 2 : levels;
            for (int c = 0; c < channels; c++) {
                samples[i * channels + c] = value;
            }
        }
        byte[] key = new byte[2 * channels];
        for (int c = 0; c < channels; c++) {
            key[2 * c] = (byte) (levels >> 8);
            key[2 * c + 1] = (byte) levels;
        }
        byte[] png = PngBytes.encode(digit.width(), digit.height(), colorType, depth, samples, 1, null, key);

        InkImage decoded = preprocessor.decode(png);

        for (int i = 0; i < digit.ink().length; i++) {
            assertEquals(digit.ink()[i] > 0.5f ? 1f : 0f, decoded.ink()[i], 1e-6f, "pixel " + i);
        }
    }

    static Stream<Arguments> colourKeys() {
        return Stream.of(Arguments.of(GREY, 1), Arguments.of(GREY, 8), Arguments.of(GREY, 16), Arguments.of(RGB, 8),
                Arguments.of(RGB, 16));
    }

    /** The fast path must agree with the JDK's own decoder on canvases like those clients send. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("canvases")
    void agreesWithImageIoReference(String name, CanvasRenderer canvas) throws Exception {
        List<CanvasRenderer.Placement> scene = List.of(CanvasRenderer.place(digit, 37, 21, 3.3),
                CanvasRenderer.place(SyntheticDigits.draw("7", 30, 0.1), 180, 90, 2));
        BufferedImage image = canvas.image(scene);
        byte[] png = CanvasRenderer.encode(image, "png");

        float[] fast = preprocessor.decode(png).ink();
        float[] reference = referenceInk(png);

        assertEquals(reference.length, fast.length);
        for (int i = 0; i < fast.length; i++) {
            assertEquals(reference[i], fast[i], 2.5f / 255, "pixel " + i);
        }
    }

    /**
     * Pooled decoders reuse their raster planes: a decoder that has just read a large, inky image must give exactly
     * what a fresh one gives on the next, smaller or differently coloured, image.
     */
    @Test
    void aReusedDecoderGivesWhatAFreshOneGives() throws Exception {
        List<byte[]> images = new ArrayList<>();
        // Opaque RGBA first: every alpha byte 255, which a transparent canvas after it must not inherit.
        int[] opaque = new int[280 * 200 * 4];
        Arrays.fill(opaque, 255);
        for (int i = 0; i < 280 * 40; i++) {
            opaque[4 * i] = opaque[4 * i + 1] = opaque[4 * i + 2] = 0; // a dark band so it is not blank
        }
        images.add(PngBytes.encode(280, 200, RGBA, 8, opaque, 0, null, null));
        int[] shift = {0};
        canvases().forEach(a -> images.add(CanvasRenderer.encode(((CanvasRenderer) a.get()[1]).image(
                List.of(CanvasRenderer.place(digit, 37 + 40 * shift[0]++, 21, 3.3))), "png")));
        images.add(CanvasRenderer.encode(CanvasRenderer.white(120, 90).image(
                List.of(CanvasRenderer.place(digit, 5, 5, 1.5))), "png"));
        int[] grey = new int[digit.ink().length];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = Math.round((1 - digit.ink()[i]) * 255);
        }
        images.add(PngBytes.encode(digit.width(), digit.height(), GREY, 8, grey, 0, null, null));
        List<byte[]> sequence = new ArrayList<>(images);
        sequence.addAll(images.reversed());

        ImagePreprocessor shared = new ImagePreprocessor(InputLimits.DEFAULT);
        for (byte[] png : sequence) {
            ImagePreprocessor fresh = new ImagePreprocessor(InputLimits.DEFAULT);
            assertArrayEquals(fresh.decode(png).ink(), shared.decode(png).ink());
            assertArrayEquals(fresh.digit(png).pixels(), shared.digitInImage(png).digit().pixels());
        }
    }

    /**
     * Up-filtered rows that differ from the row above only here and there (as a canvas's rows do along an ink edge):
     * lone changed bytes at every position of a word and of a pixel, changes closer together and farther apart than
     * the span the decoder adds at once, at a row's first and last byte, and rows of widths that leave a tail after
     * the last whole word. Decoded pixels and each row's extremes must be the encoded ones, in RGBA and RGB (the
     * decoder converts only the changed pixels of such rows and works the extremes out from the row above's).
     */
    @ParameterizedTest(name = "width {0}")
    @MethodSource("sparseWidths")
    void upRowsWithSparseChangesDecodeToTheirPixels(int width) throws CorruptImage {
        for (int channels : new int[] {4, 3}) {
            for (int levels : new int[] {256, 3}) {
                // Few levels: the changed pixels often held the row's extremes, or hold them now, or both.
                Random random = new Random(width * 31L + channels * 7L + levels);
                int height = 60;
                int rowBytes = width * channels;
                int[] samples = new int[width * height * channels];
                for (int i = 0; i < rowBytes; i++) {
                    samples[i] = level(random, levels);
                }
                for (int y = 1; y < height; y++) {
                    System.arraycopy(samples, (y - 1) * rowBytes, samples, y * rowBytes, rowBytes);
                    int changes = y % 10 == 0 ? 0 : 1 + random.nextInt(6);
                    for (int k = 0; k < changes; k++) {
                        int at = switch (k) {
                            case 0 -> y % rowBytes; // every byte position in turn
                            case 1 -> rowBytes - 1;  // the row's last byte
                            default -> random.nextInt(rowBytes);
                        };
                        int length = 1 + random.nextInt(random.nextBoolean() ? 3 : 70);
                        for (int i = at; i < Math.min(rowBytes, at + length); i++) {
                            samples[y * rowBytes + i] = level(random, levels);
                        }
                    }
                }
                byte[] png = PngBytes.encode(width, height, channels == 4 ? RGBA : RGB, 8, samples, 2, null, null);

                assertDecodesTo(samples, channels, width, height, new PngDecoder().decode(png));
            }
        }
    }

    /**
     * A canvas as a browser sends it, Up-filtered: opaque white or transparent, with black and grey strokes that
     * start, move and end from row to row, so that rows lose and gain their darkest and lightest pixels and their
     * most opaque one in the changed pixels; every row Up, and Up rows between rows of the other filters.
     */
    @ParameterizedTest(name = "width {0}")
    @MethodSource("sparseWidths")
    void upFilteredCanvasStrokesDecodeToTheirPixelsAndExtremes(int width) throws CorruptImage {
        for (boolean transparent : new boolean[] {false, true}) {
            Random random = new Random(width + (transparent ? 1000 : 0));
            int height = 80;
            int[] samples = new int[width * height * 4];
            int[] strokeX = new int[3], strokeW = new int[3];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int p = 4 * (y * width + x);
                    samples[p] = samples[p + 1] = samples[p + 2] = 255;
                    samples[p + 3] = transparent ? 0 : 255;
                }
                for (int k = 0; k < strokeX.length; k++) {
                    if (random.nextInt(8) == 0) {
                        strokeW[k] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(Math.max(1, width / 4));
                        strokeX[k] = random.nextInt(width);
                    }
                    for (int x = strokeX[k]; x < Math.min(width, strokeX[k] + strokeW[k]); x++) {
                        int p = 4 * (y * width + x);
                        boolean edge = x == strokeX[k] || x == strokeX[k] + strokeW[k] - 1;
                        int grey = edge ? 128 : 0;
                        samples[p] = samples[p + 1] = samples[p + 2] = transparent ? 0 : grey;
                        samples[p + 3] = transparent ? 255 - grey : 255;
                    }
                }
            }
            for (int filter : new int[] {2, PngBytes.MIXED_FILTERS}) {
                byte[] png = PngBytes.encode(width, height, RGBA, 8, samples, filter, null, null);

                assertDecodesTo(samples, 4, width, height, new PngDecoder().decode(png));
            }
        }
    }

    private static int level(Random random, int levels) {
        return levels == 256 ? random.nextInt(256) : random.nextInt(levels) * 255 / (levels - 1);
    }

    /** Each pixel's luminance over white and alpha, and each row's extremes, as the plain rule makes them. */
    private static void assertDecodesTo(int[] samples, int channels, int width, int height, DecodedImage decoded) {
        for (int y = 0; y < height; y++) {
            int min = 255, max = 0, top = 0;
            for (int x = 0; x < width; x++) {
                int p = y * width + x, s = channels * p;
                int a = channels == 4 ? samples[s + 3] : 255;
                int lum = DecodedImage.overWhite(DecodedImage.luminance(samples[s], samples[s + 1], samples[s + 2]),
                        a);
                assertEquals(lum, decoded.lum()[p] & 0xFF, "lum of pixel " + p);
                if (channels == 4) {
                    assertEquals(a, decoded.alpha()[p] & 0xFF, "alpha of pixel " + p);
                    top = Math.max(top, a);
                }
                min = Math.min(min, lum);
                max = Math.max(max, lum);
            }
            assertEquals(min, decoded.rowMinLum()[y], "darkest of row " + y);
            assertEquals(max, decoded.rowMaxLum()[y], "lightest of row " + y);
            assertEquals(top, decoded.rowMaxAlpha()[y], "most opaque of row " + y);
        }
    }

    static IntStream sparseWidths() {
        return IntStream.of(1, 2, 3, 7, 8, 9, 17, 33, 70, 280);
    }

    static Stream<Arguments> canvases() {
        return Stream.of(
                Arguments.of("black on white", CanvasRenderer.white(280, 200)),
                Arguments.of("black on transparent", CanvasRenderer.transparent(280, 200, Color.BLACK)),
                Arguments.of("white on transparent", CanvasRenderer.transparent(280, 200, Color.WHITE)),
                Arguments.of("red on transparent", CanvasRenderer.transparent(280, 200, Color.RED)));
    }

    @Test
    void interlacedPngFallsBackToImageIoWithTheSameResult() throws RecognitionException {
        BufferedImage image = CanvasRenderer.transparent(120, 90, Color.BLUE)
                .image(List.of(CanvasRenderer.place(digit, 10, 5, 1.7)));

        float[] plain = preprocessor.decode(CanvasRenderer.encode(image, "png")).ink();
        float[] interlaced = preprocessor.decode(CanvasRenderer.interlacedPng(image)).ink();

        for (int i = 0; i < plain.length; i++) {
            assertEquals(plain[i], interlaced[i], 1.5f / 255, "pixel " + i);
        }
    }

    @Test
    void imageDataSplitOverManyIdatChunksDecodes() throws RecognitionException {
        byte[] png = CanvasRenderer.white(64, 64).png(CanvasRenderer.place(digit, 4, 4, 1));
        byte[] split = splitImageData(png, 7);

        assertTrue(split.length > png.length);
        float[] whole = preprocessor.decode(png).ink();
        float[] pieces = preprocessor.decode(split).ink();
        for (int i = 0; i < whole.length; i++) {
            assertEquals(whole[i], pieces[i], 0f);
        }
    }

    /** IDAT boundaries anywhere in the zlib stream: inside its header, between single bytes, at odd places. */
    @ParameterizedTest(name = "pieces {0}")
    @MethodSource("splits")
    void imageDataSplitAtAwkwardBoundariesDecodesTheSame(List<Integer> pieces) throws RecognitionException {
        byte[] png = CanvasRenderer.transparent(120, 90, Color.BLACK).png(CanvasRenderer.place(digit, 10, 5, 1.7));
        byte[] zlib = imageData(png);

        float[] whole = preprocessor.decode(png).ink();
        float[] split = preprocessor.decode(withImageData(png, zlib, pieces)).ink();

        assertArrayEquals(whole, split);
    }

    static Stream<List<Integer>> splits() {
        return Stream.of(List.of(1), List.of(1, 1, 1, 1000), List.of(2, 3), List.of(3, 5, 8, 13, 21, 34, 55),
                List.of(7, 4093), List.of(4096), List.of(65_536));
    }

    /** Stored, fixed and dynamic blocks, whatever the compressor chose: the same picture. */
    @ParameterizedTest(name = "level {0}, strategy {1}")
    @MethodSource("compressions")
    void everyCompressionLevelAndStrategyDecodesTheSame(int level, int strategy) throws RecognitionException {
        byte[] png = CanvasRenderer.transparent(280, 280, Color.BLACK)
                .png(CanvasRenderer.place(digit, 40, 30, 5));
        byte[] recompressed = withImageData(png, InflateTest.deflate(inflate(imageData(png)), level, strategy),
                List.of(8192));

        assertArrayEquals(preprocessor.decode(png).ink(), preprocessor.decode(recompressed).ink());
    }

    static Stream<Arguments> compressions() {
        return IntStream.of(0, 1, 6, 9).boxed().flatMap(level -> IntStream.of(Deflater.DEFAULT_STRATEGY,
                Deflater.FILTERED, Deflater.HUFFMAN_ONLY).mapToObj(strategy -> Arguments.of(level, strategy)));
    }

    @Test
    void imageDataOfTheWrongLengthIsCorruptWithAClearMessage() {
        int w = 40, h = 30;
        byte[] raw = new byte[h * (1 + 3 * w)];
        java.util.Random random = new java.util.Random(4);
        for (int y = 0; y < h; y++) {
            for (int i = 1; i <= 3 * w; i++) {
                raw[y * (1 + 3 * w) + i] = (byte) random.nextInt(256);
            }
        }
        byte[] full = PngBytes.deflate(raw);
        byte[] missingRow = PngBytes.deflate(java.util.Arrays.copyOf(raw, raw.length - 1));
        byte[] extraByte = PngBytes.deflate(java.util.Arrays.copyOf(raw, raw.length + 1));
        byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);

        assertEquals(w, assertDoesNotThrow(() -> preprocessor.decode(PngBytes.withImageData(w, h, RGB, 8, full)))
                .width());
        assertCorrupt(PngBytes.withImageData(w, h, RGB, 8, missingRow), "ends before the last scanline");
        assertCorrupt(PngBytes.withImageData(w, h, RGB, 8, cut), "truncated");
        assertCorrupt(PngBytes.withImageData(w, h, RGB, 8, extraByte), "more data than");
    }

    /** Damaged zlib data behind valid CRCs: a CorruptImage from the decoder itself, not a wrapped runtime error. */
    @Test
    void damagedImageDataFailsWithTheDecodersOwnErrors() {
        byte[] png = CanvasRenderer.transparent(100, 80, Color.BLACK).png(CanvasRenderer.place(digit, 5, 5, 1.5));
        byte[] zlib = imageData(png);
        java.util.Random random = new java.util.Random(99);
        for (int trial = 0; trial < 500; trial++) {
            byte[] damaged = zlib.clone();
            for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
                damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            }
            byte[] broken = withImageData(png, damaged, List.of(1 + random.nextInt(damaged.length)));
            try {
                preprocessor.decode(broken);
            } catch (RecognitionException e) {
                assertTrue(e instanceof RecognitionException.CorruptImage
                        && !e.getMessage().startsWith("PNG image cannot be decoded"), e::toString);
            }
        }
    }

    private void assertCorrupt(byte[] png, String message) {
        RecognitionException.CorruptImage e = assertThrows(RecognitionException.CorruptImage.class,
                () -> preprocessor.decode(png));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    /** The concatenated IDAT payloads of a PNG: its zlib stream. */
    private static byte[] imageData(byte[] png) {
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        for (int offset = 8; offset < png.length; ) {
            int length = java.nio.ByteBuffer.wrap(png, offset, 4).getInt();
            if (new String(png, offset + 4, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("IDAT")) {
                idat.write(png, offset + 8, length);
            }
            offset += 12 + length;
        }
        return idat.toByteArray();
    }

    private static byte[] inflate(byte[] zlib) {
        try {
            Inflater inflater = new Inflater();
            inflater.setInput(zlib);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[65536];
            while (!inflater.finished()) {
                out.write(buffer, 0, inflater.inflate(buffer));
            }
            inflater.end();
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The PNG with its image data replaced by {@code zlib}, cut into IDAT chunks of the given sizes in turn (the
     * last size repeating), all other chunks kept.
     */
    private static byte[] withImageData(byte[] png, byte[] zlib, List<Integer> pieces) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(png, 0, 8);
        for (int offset = 8; offset < png.length; ) {
            int length = java.nio.ByteBuffer.wrap(png, offset, 4).getInt();
            String type = new String(png, offset + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (type.equals("IEND")) {
                for (int i = 0, k = 0; i < zlib.length; k++) {
                    int n = Math.min(zlib.length - i, pieces.get(Math.min(k, pieces.size() - 1)));
                    writeChunk(out, "IDAT", java.util.Arrays.copyOfRange(zlib, i, i + n));
                    i += n;
                }
            }
            if (!type.equals("IDAT")) {
                out.write(png, offset, 12 + length);
            }
            offset += 12 + length;
        }
        return out.toByteArray();
    }

    /** Reference: ImageIO.read + getRGB, composite onto white, invert luminance, or alpha for a clear border. */
    private static float[] referenceInk(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int w = image.getWidth(), h = image.getHeight();
        boolean clearBorder = (image.getRGB(0, 0) >>> 24) < 128;
        float maxAlpha = 0;
        float[] ink = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                float a = (argb >>> 24) / 255f;
                float lum = (0.299f * (argb >> 16 & 0xFF) + 0.587f * (argb >> 8 & 0xFF) + 0.114f * (argb & 0xFF)) / 255f;
                ink[y * w + x] = clearBorder ? a : 1 - (lum * a + (1 - a));
                maxAlpha = Math.max(maxAlpha, a);
            }
        }
        if (clearBorder) {
            for (int i = 0; i < ink.length; i++) {
                ink[i] /= maxAlpha;
            }
        }
        return ink;
    }

    private static int[] quantise(InkImage image, int levels) {
        int[] out = new int[image.ink().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.round(image.ink()[i] * levels);
        }
        return out;
    }

    /** Re-chunks a PNG's image data into IDAT chunks of {@code size} bytes. */
    private static byte[] splitImageData(byte[] png, int size) {
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(png, 0, 8);
        int offset = 8;
        while (offset < png.length) {
            int length = java.nio.ByteBuffer.wrap(png, offset, 4).getInt();
            String type = new String(png, offset + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
            if (type.equals("IDAT")) {
                idat.write(png, offset + 8, length);
            } else {
                if (type.equals("IEND")) {
                    byte[] data = idat.toByteArray();
                    for (int i = 0; i < data.length; i += size) {
                        writeChunk(out, "IDAT", java.util.Arrays.copyOfRange(data, i, Math.min(data.length, i + size)));
                    }
                }
                out.write(png, offset, 12 + length);
            }
            offset += 12 + length;
        }
        return out.toByteArray();
    }

    private static void writeChunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
