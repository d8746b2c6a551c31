package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.image.InkImage;

import io.mathsketch.engine.image.DigitImage;

import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.RecognitionException.CorruptImage;
import io.mathsketch.engine.RecognitionException.ImageTooLarge;
import io.mathsketch.engine.RecognitionException.InvalidPixels;
import io.mathsketch.engine.RecognitionException.PayloadTooLarge;
import io.mathsketch.engine.RecognitionException.UnsupportedImage;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.PixelDifference;
import io.mathsketch.engine.testing.PngBytes;
import io.mathsketch.engine.testing.SyntheticDigits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decoding as a client sees it: formats, colours and polarity, blank pictures, limits and broken files. */
class ImagePreprocessorTest {

    private final ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
    private final InkImage seven = SyntheticDigits.draw("7", 60, 0.1);
    private final List<CanvasRenderer.Placement> scene = List.of(CanvasRenderer.place(seven, 50, 30, 2.5));

    static Stream<Arguments> inkAndBackgrounds() {
        return Stream.of(
                Arguments.of(Color.BLACK, Color.WHITE),
                Arguments.of(Color.WHITE, Color.BLACK),
                Arguments.of(new Color(20, 40, 200), new Color(250, 245, 200)),
                Arguments.of(new Color(128, 128, 128), Color.WHITE),
                Arguments.of(new Color(230, 230, 230), new Color(30, 30, 60)),
                Arguments.of(Color.BLACK, null),
                Arguments.of(Color.WHITE, null),
                Arguments.of(Color.RED, null),
                Arguments.of(new Color(255, 255, 0), null));
    }

    /** Whatever the colours, polarity or transparency, ink comes back as ink (1) on background (0). */
    @ParameterizedTest(name = "ink {0} on {1}")
    @MethodSource("inkAndBackgrounds")
    void recoversInkWhateverTheColoursAndPolarity(Color ink, Color background) throws RecognitionException {
        CanvasRenderer canvas = CanvasRenderer.white(300, 240).withInk(ink).withBackground(background);
        float[] expected = canvas.inkField(scene);

        float[] decoded = preprocessor.decode(canvas.png(scene)).ink();

        // Colours are quantised to 8 bits before decoding; stretching a low contrast magnifies that rounding.
        assertArrayEquals(expected, decoded, 0.02f);
    }

    /** digit() maps only the ink's box; it must give exactly what centring the whole decoded image gives. */
    @ParameterizedTest(name = "ink {0} on {1}")
    @MethodSource("inkAndBackgrounds")
    void digitEqualsCentringTheDecodedImage(Color ink, Color background) throws RecognitionException {
        byte[] png = CanvasRenderer.white(300, 240).withInk(ink).withBackground(background).png(scene);

        DigitImage direct = preprocessor.digit(png);
        DigitImage viaDecode = new MnistCentering().center(preprocessor.decode(png));

        assertArrayEquals(viaDecode.pixels(), direct.pixels(), 1e-6f);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpeg", "gif", "bmp"})
    void decodesOtherFormats(String format) throws RecognitionException {
        CanvasRenderer canvas = CanvasRenderer.white(300, 240);
        float[] expected = canvas.inkField(scene);

        float[] decoded = preprocessor.decode(CanvasRenderer.encode(canvas.image(scene), format)).ink();

        // JPEG is lossy; GIF is quantised to a palette; BMP is exact.
        double tolerance = format.equals("bmp") ? 0.005 : 0.03;
        assertTrue(PixelDifference.meanAbsolute(expected, decoded) < tolerance,
                () -> format + " mean difference " + PixelDifference.meanAbsolute(expected, decoded));
    }

    @Test
    void gifWithATransparentBackgroundReadsInkFromTransparency() throws RecognitionException {
        // White strokes over a transparent index: only transparency tells ink from background.
        java.awt.image.IndexColorModel palette = new java.awt.image.IndexColorModel(8, 2,
                new byte[] {(byte) 255, (byte) 255}, new byte[] {(byte) 255, (byte) 255},
                new byte[] {(byte) 255, (byte) 255}, 0);
        BufferedImage gif = new BufferedImage(seven.width(), seven.height(), BufferedImage.TYPE_BYTE_INDEXED, palette);
        for (int i = 0; i < seven.ink().length; i++) {
            gif.getRaster().setSample(i % seven.width(), i / seven.width(), 0, seven.ink()[i] > 0.5f ? 1 : 0);
        }

        float[] decoded = preprocessor.decode(CanvasRenderer.encode(gif, "gif")).ink();

        for (int i = 0; i < decoded.length; i++) {
            assertEquals(seven.ink()[i] > 0.5f ? 1f : 0f, decoded[i], "pixel " + i);
        }
    }

    @Test
    void lightOnDarkGivesTheSameDigitAsDarkOnLight() throws RecognitionException {
        CanvasRenderer dark = CanvasRenderer.white(300, 240);
        CanvasRenderer light = dark.withInk(Color.WHITE).withBackground(Color.BLACK);

        DigitImage a = preprocessor.digit(dark.png(scene));
        DigitImage b = preprocessor.digit(light.png(scene));

        assertArrayEquals(a.pixels(), b.pixels(), 0.01f);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blankCanvases")
    void blankPictureIsReportedAsBlank(String name, CanvasRenderer canvas) throws RecognitionException {
        byte[] png = canvas.png(List.of());

        InkImage decoded = preprocessor.decode(png);

        for (float v : decoded.ink()) {
            assertEquals(0f, v);
        }
        assertThrows(BlankImage.class, () -> preprocessor.digit(png));
        assertThrows(BlankImage.class, () -> preprocessor.inkCrop(png, 1 << 20));
    }

    static Stream<Arguments> blankCanvases() {
        return Stream.of(Arguments.of("white", CanvasRenderer.white(200, 200)),
                Arguments.of("black", CanvasRenderer.white(200, 200).withBackground(Color.BLACK)),
                Arguments.of("transparent", CanvasRenderer.transparent(200, 200, Color.BLACK)));
    }

    @Test
    void faintNoiseIsNotStretchedIntoInk() throws RecognitionException {
        BufferedImage paper = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 100; x++) {
                int v = 240 + (x * 7 + y * 13) % 12;
                paper.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }

        assertThrows(BlankImage.class, () -> preprocessor.digit(CanvasRenderer.encode(paper, "png")));
    }

    @Test
    void concurrentDecodesGiveTheSameResult() throws Exception {
        byte[] png = CanvasRenderer.transparent(300, 240, Color.BLUE).png(scene);
        float[] expected = preprocessor.digit(png).pixels();
        try (var executor = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<DigitImage>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(executor.submit(() -> preprocessor.digit(png)));
            }
            for (var result : results) {
                assertArrayEquals(expected, result.get().pixels());
            }
        }
    }

    @Test
    void declaredDimensionsOverTheLimitAreRefusedBeforeDecoding() {
        // 100000 x 100000 RGBA would need 40 GB; the header alone must be enough to refuse it.
        byte[] bomb = PngBytes.bomb(100_000, 100_000);

        assertTrue(bomb.length < 200);
        assertThrows(ImageTooLarge.class, () -> preprocessor.decode(bomb));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jpeg", "gif", "bmp"})
    void otherFormatsAreCheckedFromTheHeaderToo(String format) {
        byte[] small = CanvasRenderer.encode(CanvasRenderer.white(40, 30).image(List.of()), format);
        byte[] huge = ImageHeaders.withDimensions(small, format, 60_000, 50_000);

        assertThrows(ImageTooLarge.class, () -> preprocessor.decode(huge));
    }

    @Test
    void limitsAreTakenFromTheConfiguration() throws RecognitionException {
        ImagePreprocessor strict = new ImagePreprocessor(
                InputLimits.builder().maxPayloadBytes(100_000).maxWidth(100).maxHeight(100).build());
        byte[] png = CanvasRenderer.white(300, 240).png(scene);

        assertThrows(ImageTooLarge.class, () -> strict.decode(png));
        assertThrows(PayloadTooLarge.class, () -> new ImagePreprocessor(
                InputLimits.builder().maxPayloadBytes(png.length - 1).build()).decode(png));
        assertEquals(300, new ImagePreprocessor(InputLimits.builder().maxPayloadBytes(png.length).maxWidth(300)
                .maxHeight(240).build()).decode(png).width());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
    void truncatedFilesAreCorrupt(String format) {
        byte[] whole = CanvasRenderer.encode(CanvasRenderer.white(300, 240).image(scene), format);
        for (double keep : new double[] {0.02, 0.3, 0.6, 0.95}) {
            byte[] cut = Arrays.copyOf(whole, (int) (whole.length * keep));
            assertThrows(CorruptImage.class, () -> preprocessor.decode(cut), () -> format + " cut to " + keep);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
    void garbageAfterTheMagicBytesIsCorrupt(String format) {
        byte[] whole = CanvasRenderer.encode(CanvasRenderer.white(300, 240).image(scene), format);
        int magic = switch (format) {
            case "png" -> 8;
            case "jpeg" -> 3;
            case "gif" -> 6;
            default -> 2;
        };
        byte[] garbage = whole.clone();
        java.util.Random random = new java.util.Random(7);
        for (int i = magic; i < garbage.length; i++) {
            garbage[i] = (byte) random.nextInt();
        }

        assertThrows(CorruptImage.class, () -> preprocessor.decode(garbage));
    }

    /** Damage anywhere must end in a typed error (or a picture), never an unchecked exception. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
    void randomlyDamagedFilesFailOnlyWithTypedErrors(String format) {
        byte[] whole = CanvasRenderer.encode(CanvasRenderer.white(60, 40)
                .image(List.of(CanvasRenderer.place(seven, 5, 2, 0.5))), format);
        java.util.Random random = new java.util.Random(format.hashCode());
        for (int trial = 0; trial < 150; trial++) {
            byte[] damaged = whole.clone();
            int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt();
            }
            if (random.nextBoolean()) {
                damaged = Arrays.copyOf(damaged, 1 + random.nextInt(damaged.length));
            }
            decodeExpectingOnlyTypedErrors(damaged);
        }
    }

    @Test
    void damagedPngImageDataWithValidChecksumsFailsOnlyWithTypedErrors() {
        int w = 30, h = 20;
        java.util.Random random = new java.util.Random(11);
        byte[] raw = new byte[h * (1 + 4 * w)];
        for (int trial = 0; trial < 300; trial++) {
            // Valid zlib over damaged scanlines (bad filter types), or damaged zlib, each with correct CRCs.
            random.nextBytes(raw);
            byte[] data = PngBytes.deflate(raw);
            if (trial % 2 == 1) {
                data[random.nextInt(data.length)] ^= (byte) (1 + random.nextInt(255));
            }
            int colorType = new int[] {0, 2, 3, 4, 6}[trial % 5];
            int depth = colorType == 0 || colorType == 3 ? new int[] {1, 2, 4, 8}[trial % 4] : 8;
            decodeExpectingOnlyTypedErrors(PngBytes.withImageData(w, h, colorType, depth, data));
        }
    }

    private void decodeExpectingOnlyTypedErrors(byte[] bytes) {
        try {
            preprocessor.decode(bytes);
        } catch (RecognitionException expected) {
            // A typed error is the point; which one depends on where the damage landed.
        }
    }

    @Test
    void pngWithBadChecksumOrBrokenImageDataIsCorrupt() {
        byte[] png = CanvasRenderer.white(300, 240).png(scene);
        byte[] flipped = png.clone();
        flipped[flipped.length / 2] ^= 0x5A;
        byte[] notZlib = PngBytes.withImageData(300, 240, PngBytes.RGB, 8, "definitely not zlib".getBytes());
        byte[] tooShort = PngBytes.withImageData(300, 240, PngBytes.RGB, 8, PngBytes.deflate(new byte[500]));
        byte[] badFilter = PngBytes.withImageData(2, 2, PngBytes.GREY, 8, PngBytes.deflate(new byte[] {9, 0, 0, 9, 0, 0}));

        for (byte[] broken : List.of(flipped, notZlib, tooShort, badFilter)) {
            assertThrows(CorruptImage.class, () -> preprocessor.decode(broken));
        }
    }

    @Test
    void pngHeaderWithImpossibleValuesIsCorrupt() {
        byte[] png = PngBytes.encode(2, 2, PngBytes.RGB, 4, new int[12], 0, null, null);

        assertThrows(CorruptImage.class, () -> preprocessor.decode(png));
    }

    @Test
    void otherFormatsAreUnsupported() {
        List<byte[]> others = List.of("%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII),
                "hello, this is text".getBytes(StandardCharsets.US_ASCII),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.US_ASCII),
                new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '},
                new byte[0], new byte[] {(byte) 0x89});

        for (byte[] other : others) {
            assertThrows(UnsupportedImage.class, () -> preprocessor.decode(other));
        }
        UnsupportedImage pdf = assertThrows(UnsupportedImage.class, () -> preprocessor.decode(others.get(0)));
        assertTrue(pdf.getMessage().contains("PDF"), pdf.getMessage());
    }

    @Test
    void pixelsInTheUnitRangeAreAccepted() throws RecognitionException {
        float[] values = new float[DigitImage.SIZE];
        values[400] = 1f;
        values[401] = 0.5f;

        DigitImage digit = ImagePreprocessor.fromPixels(values);

        assertArrayEquals(values, digit.pixels());
        values[402] = 1f;
        assertEquals(0f, digit.pixels()[402], "the digit must not share the caller's array");
    }

    @Test
    void blankPixelsAreABlankImageLikeABlankPicture() throws RecognitionException {
        float[] grey = new float[DigitImage.SIZE];
        Arrays.fill(grey, 0.5f);
        float[] white = new float[DigitImage.SIZE];
        Arrays.fill(white, 1f);
        float[] speckOfNoise = new float[DigitImage.SIZE];
        speckOfNoise[300] = 0.05f;
        assertThrows(BlankImage.class, () -> ImagePreprocessor.fromPixels(new float[DigitImage.SIZE]));
        assertThrows(BlankImage.class, () -> ImagePreprocessor.fromPixels(grey));
        assertThrows(BlankImage.class, () -> ImagePreprocessor.fromPixels(white));
        assertThrows(BlankImage.class, () -> ImagePreprocessor.fromPixels(speckOfNoise));

        grey[400] = 1f;
        assertEquals(1f, ImagePreprocessor.fromPixels(grey).pixels()[400], "ink on a grey field is a drawing");
        assertThrows(BlankImage.class, () -> preprocessor.digit(CanvasRenderer.white(280, 280).png(List.of())),
                "the same rule as for a blank picture");
    }

    @Test
    void invalidPixelsAreRefusedWithAClearMessage() {
        float[] nan = new float[DigitImage.SIZE];
        nan[30] = Float.NaN;
        float[] scale255 = new float[DigitImage.SIZE];
        scale255[100] = 255f;
        float[] negative = new float[DigitImage.SIZE];
        negative[0] = -0.1f;

        assertTrue(assertThrows(InvalidPixels.class, () -> ImagePreprocessor.fromPixels(new float[783]))
                .getMessage().contains("784"));
        assertTrue(assertThrows(InvalidPixels.class, () -> ImagePreprocessor.fromPixels(nan))
                .getMessage().contains("row 1, column 2"));
        assertTrue(assertThrows(InvalidPixels.class, () -> ImagePreprocessor.fromPixels(scale255))
                .getMessage().contains("255"));
        assertThrows(InvalidPixels.class, () -> ImagePreprocessor.fromPixels(negative));
        assertThrows(InvalidPixels.class, () -> ImagePreprocessor.fromPixels(null));
    }

    @Test
    void aPagesSearchForItsDigitIsToldToTheMeterEvenWhenItFindsNone() {
        LongAdder searched = new LongAdder();
        assertThrows(BlankImage.class, () -> preprocessor.digitInImage(CanvasRenderer.white(1200, 1200).png(),
                searched::add));
        // Every pass the search may take over the page's working plane, at its size (1200x1200 is within 1280).
        assertTrue(searched.sum() >= 20L * 1200 * 1200 && searched.sum() <= (long) PhotoInk.MAX_PASSES * 1200 * 1200,
                "pixels searched: " + searched.sum());
    }

    @Test
    void aCanvasReadByTheCanvasRuleIsNoSearch() throws RecognitionException {
        LongAdder searched = new LongAdder();
        preprocessor.digitInImage(CanvasRenderer.white(280, 280).png(scene), searched::add);
        assertEquals(0, searched.sum());
    }

    @Test
    void aPhotosSearchForItsLineIsToldToTheMeterInNumberAndExpressionMode() throws RecognitionException {
        // Paper lit from one side (no flat background: read as a photo) with a dark bar on it.
        BufferedImage photo = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                int level = 150 + x / 8 + (x > 300 && x < 320 && y > 150 && y < 330 ? -120 : 0);
                photo.setRGB(x, y, new Color(level, level, level).getRGB());
            }
        }
        byte[] png = CanvasRenderer.encode(photo, "png");
        LongAdder line = new LongAdder(), expression = new LongAdder();
        preprocessor.lineCrop(png, 1 << 20, line::add);
        preprocessor.expressionCrop(png, 1 << 20, expression::add);
        assertTrue(line.sum() >= 5L * 640 * 480, "a line's search: " + line.sum());
        assertTrue(expression.sum() >= 5L * 640 * 480, "an expression's search: " + expression.sum());
    }
}
