package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.hand.HandwritingGenerator;
import io.mathsketch.corpus.hand.HandwrittenDigit;
import io.mathsketch.corpus.render.CanvasExport;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.mnist.MnistSubset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pictures the size a phone takes them (4032x3024, 12 megapixels) are read as the same picture at 1 megapixel is,
 * by an engine with the heap of a server on the shipped 512 MB heap: they are reduced while decoding instead of being
 * refused as too large. Photos of the photo test's conditions (drawn at both sizes from the same seed: the same
 * paper, light, pen and digit, the digit the same share of the frame), as JPEG (ImageIO, reduced by taking one pixel
 * per block) and as PNG (averaged blocks), and a canvas drawn at that size, exported with transparency.
 */
class PhoneSizedPhotoTest {

    static final int[] PHONE = {4032, 3024};
    static final int[] ONE_MEGAPIXEL = {1152, 864};
    /** Photos per source (MNIST test digits, held-out hands) read as JPEG; the first two of each also as PNG. */
    static final int PER_SOURCE = 6;
    static final int AS_PNG = 2;
    /**
     * One address's share of the decode budget with the shipped 512 MB heap (half of half the usable heap), the
     * strictest bound a server puts on one image's decoded bytes; a 12-megapixel image at 24 bytes a pixel needs
     * 293 MB. The payload limit is raised: a lossless 12-megapixel photo is tens of megabytes.
     */
    static final InputLimits SHIPPED_HEAP = InputLimits.builder().maxDecodedBytesInFlight(126_000_000)
            .maxPayloadBytes(64L << 20).build();

    private static CommittedModel model;
    private static MnistSubset subset;

    @BeforeAll
    static void open() throws Exception {
        model = new CommittedModel(List.of("mnist-cnn"), SHIPPED_HEAP);
        subset = MnistSubset.load();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void aPhoneSizedPhotoReadsAsTheSamePhotoAtOneMegapixel() {
        PhotoSet phone = set(PHONE);
        PhotoSet small = set(ONE_MEGAPIXEL);
        List<String> differences = new ArrayList<>();
        int correct = 0, readings = 0;
        for (int i = 0; i < 2 * PER_SOURCE; i++) {
            int index = i / 2;
            boolean mnist = i % 2 == 0;
            Photo large = mnist ? phone.mnist(index * 13) : phone.hand(index);
            Photo reference = mnist ? small.mnist(index * 13) : small.hand(index);
            String expected = model.read(reference.jpeg());
            String jpeg = model.read(large.jpeg());
            correct += jpeg.equals(Integer.toString(large.label())) ? 1 : 0;
            readings++;
            if (!jpeg.equals(expected)) {
                differences.add("JPEG read " + jpeg + ", at 1 MP " + expected + ": " + large);
            }
            if (index < AS_PNG) {
                String png = model.read(Encoding.png(large.image()));
                correct += png.equals(Integer.toString(large.label())) ? 1 : 0;
                readings++;
                if (!png.equals(expected)) {
                    differences.add("PNG read " + png + ", at 1 MP " + expected + ": " + large);
                }
            }
        }
        System.out.printf("12-megapixel photos: %d/%d readings correct, %d differ from 1 megapixel%n", correct,
                readings, differences.size());
        assertEquals(List.of(), differences);
    }

    @Test
    void aPhoneSizedCanvasReadsAsTheSameCanvasAtOneMegapixel() {
        HandwritingGenerator hand = new HandwritingGenerator(PhotoQualityTest.HAND);
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HandwrittenDigit drawing = hand.sample(i);
            String large = model.read(CanvasExport.png(canvas(drawing, PHONE)));
            String small = model.read(CanvasExport.png(canvas(drawing, ONE_MEGAPIXEL)));
            assertEquals(Integer.toString(drawing.digit()), small, "the 1-megapixel canvas itself");
            if (!large.equals(small)) {
                differences.add("#" + i + " read " + large + ", at 1 MP " + small);
            }
        }
        assertEquals(List.of(), differences);
    }

    private static PhotoSet set(int[] frame) {
        return new PhotoSet(PhotoConfig.TEST.withFrames(List.of(frame)), subset.images(), subset.labels(),
                PhotoQualityTest.HAND);
    }

    /** The drawing page's ink scaled to fill 80% of a transparent frame's height, as a high-density screen exports. */
    private static BufferedImage canvas(HandwrittenDigit drawing, int[] frame) {
        BufferedImage image = new BufferedImage(frame[0], frame[1], BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            double scale = 0.8 * frame[1] / HandwritingGenerator.PAGE_CANVAS;
            g.translate((frame[0] - scale * HandwritingGenerator.PAGE_CANVAS) / 2, 0.1 * frame[1]);
            g.scale(scale, scale);
            g.setColor(java.awt.Color.BLACK);
            new CanvasRasterizer().paint(g, drawing.pageInk());
        } finally {
            g.dispose();
        }
        return image;
    }
}
