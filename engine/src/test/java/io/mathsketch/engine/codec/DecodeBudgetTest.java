package io.mathsketch.engine.codec;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.RecognitionException.ImageTooLarge;
import io.mathsketch.engine.RecognitionException.Overloaded;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.number.NumberReader;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.HeldDecode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decode budget: per request in pixels, across requests in bytes, always given back. */
class DecodeBudgetTest {

    private static final int SIDE = 1000;
    private static final long ONE_IMAGE = (long) SIDE * SIDE * DecodeBudget.BYTES_PER_PIXEL;

    @Test
    void reservesAndReleasesOnce() throws RecognitionException {
        DecodeBudget budget = new DecodeBudget(limits(2_000_000, 3 * ONE_IMAGE));
        DecodeBudget.Reservation first = budget.reserve(SIDE, SIDE);
        DecodeBudget.Reservation second = budget.reserve(SIDE, SIDE);
        assertEquals(2 * ONE_IMAGE, budget.inFlight());
        assertThrows(Overloaded.class, () -> budget.reserve(SIDE, 2 * SIDE), "over what is left");
        first.close();
        first.close();
        assertEquals(ONE_IMAGE, budget.inFlight(), "a second close gives nothing back twice");
        second.close();
        assertEquals(0, budget.inFlight());
    }

    @Test
    void aRequestOverItsOwnBudgetIsTooLargeNotOverloaded() {
        DecodeBudget budget = new DecodeBudget(limits(999_999, 10 * ONE_IMAGE));
        ImageTooLarge tooMany = assertThrows(ImageTooLarge.class, () -> budget.reserve(SIDE, SIDE));
        assertTrue(tooMany.getMessage().contains("limits.max-image-pixels"), tooMany.getMessage());
        DecodeBudget small = new DecodeBudget(limits(2_000_000, ONE_IMAGE - 1));
        ImageTooLarge never = assertThrows(ImageTooLarge.class, () -> small.reserve(SIDE, SIDE));
        assertTrue(never.getMessage().contains("limits.max-decoded-bytes-in-flight"), never.getMessage());
        assertEquals(0, budget.inFlight() + small.inFlight());
    }

    @Test
    void decodingHoldsItsShareUntilTheReaderIsDoneAndAlwaysGivesItBack() throws Exception {
        ImageDecoder decoder = new ImageDecoder(limits(2_000_000, ONE_IMAGE + ONE_IMAGE / 2));
        byte[] png = CanvasRenderer.encode(blob(SIDE, SIDE), "png");
        try (HeldDecode held = HeldDecode.start(decoder, png)) {
            assertEquals(ONE_IMAGE, decoder.budget().inFlight());
            assertThrows(Overloaded.class, () -> decoder.decode(png, image -> image.width()),
                    "a second image of the same size does not fit beside the first");
            byte[] jpeg = CanvasRenderer.encode(blob(SIDE, SIDE), "jpeg");
            assertThrows(Overloaded.class, () -> decoder.decode(jpeg, image -> image.width()), "ImageIO path too");
            assertEquals(SIDE, held.finish());
        }
        assertEquals(0, decoder.budget().inFlight());
        assertThrows(BlankImage.class, () -> decoder.decode(png, image -> {
            throw new BlankImage();
        }));
        assertEquals(0, decoder.budget().inFlight(), "given back when the reader fails");
        int width = decoder.decode(png, image -> image.width());
        assertEquals(SIDE, width, "and usable again");
    }

    /**
     * {@link DecodeBudget#BYTES_PER_PIXEL} must cover what a request really allocates per declared pixel (allocation
     * is an upper bound of what it holds at once), for every decoder path and both modes.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "png, blob, digit", "png, blob, number", "png, specks, digit", "jpeg, blob, digit", "jpeg, blob, number",
            "jpeg, specks, digit", "bmp, blob, digit", "gif, specks, digit", "gif, blob, number"})
    void bytesPerPixelCoverWhatARequestAllocates(String format, String content, String mode) throws Exception {
        int side = 1024;
        BufferedImage image = content.equals("blob") ? blob(side, side) : specks(side, side);
        byte[] bytes = CanvasRenderer.encode(image, format);
        InputLimits limits = InputLimits.builder().maxPayloadBytes(64L << 20).build();
        ImagePreprocessor preprocessor = new ImagePreprocessor(limits);
        NumberReader numbers = new NumberReader(preprocessor, limits);
        long least = leastAllocated(preprocessor, numbers, bytes, format, content, mode, 3);
        double perPixel = least / (double) ((long) side * side);
        System.out.printf("%s %s %s: %.2f bytes per pixel%n", format, content, mode, perPixel);
        assertTrue(perPixel <= DecodeBudget.BYTES_PER_PIXEL, format + " " + content + " " + mode + ": " + perPixel
                + " bytes per pixel");
        assertEquals(0, preprocessor.decodedBytesInFlight());
    }

    /** A phone photo's size: 12 megapixels, three times {@link Reduction#WORKING_PIXELS}. */
    private static final int PHOTO_WIDTH = 4032, PHOTO_HEIGHT = 3024;
    /**
     * What one address may hold of the decode budget with the shipped 512 MB heap: half the heap's usable ~504 MB,
     * and half of that ({@code rate-limit.address-decode-share}).
     */
    private static final long SHIPPED_ADDRESS_SHARE = 126_000_000;

    @Test
    void anImageOverTheWorkingSizeReservesWhatItIsReducedTo() throws RecognitionException {
        DecodeBudget budget = new DecodeBudget(limits(InputLimits.MAX_IMAGE_PIXELS.defaultValue(),
                SHIPPED_ADDRESS_SHARE));
        try (DecodeBudget.Reservation photo = budget.reserve(PHOTO_WIDTH, PHOTO_HEIGHT)) {
            assertEquals(2016L * 1512 * DecodeBudget.BYTES_PER_PIXEL, budget.inFlight(), "halved: 2016x1512");
            assertEquals(budget.inFlight(), DecodeBudget.bytesToDecode(PHOTO_WIDTH, PHOTO_HEIGHT));
        }
        try (DecodeBudget.Reservation largest = budget.reserve(4096, 4096)) {
            assertEquals(Reduction.WORKING_PIXELS * DecodeBudget.BYTES_PER_PIXEL, budget.inFlight());
        }
        try (DecodeBudget.Reservation working = budget.reserve(2048, 2048)) {
            assertEquals(2048L * 2048 * DecodeBudget.BYTES_PER_PIXEL, budget.inFlight(), "held as it is");
        }
        assertThrows(ImageTooLarge.class, () -> budget.reserve(4097, 4096), "the declared pixels still count");
        DecodeBudget small = new DecodeBudget(limits(InputLimits.MAX_IMAGE_PIXELS.defaultValue(), 50_000_000));
        ImageTooLarge tooLarge = assertThrows(ImageTooLarge.class, () -> small.reserve(PHOTO_WIDTH, PHOTO_HEIGHT));
        assertTrue(tooLarge.getMessage().contains("decoded at 2016x1512 = 3048192 pixels"), tooLarge.getMessage());
        assertEquals(0, budget.inFlight() + small.inFlight());
    }

    @Test
    void theReductionIsTheSmallestWholeFactorWithinTheWorkingSize() {
        assertEquals(new Reduction(1, 2048, 2048), Reduction.of(2048, 2048));
        assertEquals(new Reduction(1, 4096, 1024), Reduction.of(4096, 1024));
        assertEquals(new Reduction(2, 1025, 1024), Reduction.of(2049, 2048));
        assertEquals(new Reduction(2, 2016, 1512), Reduction.of(PHOTO_WIDTH, PHOTO_HEIGHT));
        assertEquals(new Reduction(2, 2048, 2048), Reduction.of(4096, 4096));
        for (int[] size : new int[][] {{4097, 4096}, {65_535, 256}, {6000, 4000}, {8192, 8192}, {3001, 2999}}) {
            Reduction r = Reduction.of(size[0], size[1]);
            assertTrue(r.pixels() <= Reduction.WORKING_PIXELS, r.toString());
            long oneLess = (long) Math.ceilDiv(size[0], r.factor() - 1) * Math.ceilDiv(size[1], r.factor() - 1);
            assertTrue(oneLess > Reduction.WORKING_PIXELS, r + ": a smaller factor would do");
        }
    }

    /**
     * A phone photo's allocation is bounded by the size it is decoded to, not by its 12 declared megapixels: below
     * {@link DecodeBudget#BYTES_PER_PIXEL} per reduced pixel on every decoder path, and decoded with the default
     * limits of a server on the shipped 512 MB heap (one address's share), which refused it before.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "jpeg, blob, digit", "jpeg, blob, number", "png, blob, digit", "png, blob, number", "png, specks, digit",
            "bmp, blob, digit", "gif, specks, digit"})
    void aPhoneSizedImageAllocatesByTheSizeItIsDecodedTo(String format, String content, String mode)
            throws Exception {
        BufferedImage image = content.equals("blob") ? blob(PHOTO_WIDTH, PHOTO_HEIGHT)
                : specks(PHOTO_WIDTH, PHOTO_HEIGHT);
        byte[] bytes = CanvasRenderer.encode(image, format);
        InputLimits limits = InputLimits.builder().maxPayloadBytes(64L << 20)
                .maxDecodedBytesInFlight(SHIPPED_ADDRESS_SHARE).build();
        ImagePreprocessor preprocessor = new ImagePreprocessor(limits);
        NumberReader numbers = new NumberReader(preprocessor, limits);
        long least = leastAllocated(preprocessor, numbers, bytes, format, content, mode, 2);
        long reduced = Reduction.of(PHOTO_WIDTH, PHOTO_HEIGHT).pixels();
        System.out.printf("%s %s %s at %dx%d: %.1f MB, %.2f bytes per decoded pixel%n", format, content, mode,
                PHOTO_WIDTH, PHOTO_HEIGHT, least / 1e6, least / (double) reduced);
        assertTrue(least <= reduced * DecodeBudget.BYTES_PER_PIXEL, format + " " + content + " " + mode + ": "
                + least + " bytes");
        assertEquals(0, preprocessor.decodedBytesInFlight());
    }

    private static InputLimits limits(long maxImagePixels, long inFlight) {
        return InputLimits.builder().maxPayloadBytes(64L << 20).maxImagePixels(maxImagePixels)
                .maxDecodedBytesInFlight(inFlight).build();
    }

    private static BufferedImage blob(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.fillOval(width / 8, height / 8, width * 3 / 4, height * 3 / 4);
        g.dispose();
        return image;
    }

    /** A dot every 16 pixels: many tiny components, the shape of a decompression-style attack. */
    private static BufferedImage specks(int width, int height) {
        BufferedImage image = blob(width, height);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        for (int y = 0; y < height; y += 16) {
            for (int x = 0; x < width; x += 16) {
                image.setRGB(x, y, 0xff000000);
            }
        }
        return image;
    }

    /** The fewest bytes one of {@code rounds} reads of the image allocated on this thread. */
    private static long leastAllocated(ImagePreprocessor preprocessor, NumberReader numbers, byte[] bytes,
                                       String format, String content, String mode, int rounds) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < rounds; i++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            try {
                Object result = mode.equals("digit") ? preprocessor.digitInImage(bytes) : numbers.regions(bytes);
                assertTrue(result != null);
            } catch (BlankImage specksOnly) {
                // The photo path drops specks as sensor noise: a JPEG of specks alone is blank. The work it did to
                // find that out is what is measured.
                assertEquals("specks", content, format + " " + content + " " + mode + " read as blank");
            }
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        return least;
    }
}
