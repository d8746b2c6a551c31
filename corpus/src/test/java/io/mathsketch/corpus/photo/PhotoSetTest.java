package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.CompleteMnistTest;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.render.CanvasQualityTest;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.codec.ImageDecoder;
import io.mathsketch.engine.codec.Orientation;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.testing.LumPlane;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The photo generator: deterministic, varied as configured, and its EXIF variants turn back into the photo. */
class PhotoSetTest {

    private static final MnistSubset SUBSET = MnistSubset.load();
    private final PhotoSet set = new PhotoSet(PhotoConfig.TEST, SUBSET.images(), SUBSET.labels(), HandConfig.HELD_OUT);

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void photoIOfASourceIsAlwaysTheSame() {
        for (int i : new int[] {0, 5}) {
            Photo a = set.mnist(i), b = new PhotoSet(PhotoConfig.TEST, SUBSET.images(), SUBSET.labels(),
                    HandConfig.HELD_OUT).mnist(i);
            assertArrayEquals(pixels(a.image()), pixels(b.image()));
            assertArrayEquals(a.jpeg(), b.jpeg());
            Photo h = set.hand(i), g = set.hand(i);
            assertArrayEquals(pixels(h.image()), pixels(g.image()));
            assertEquals(h.label(), g.label());
        }
        assertEquals(SUBSET.labels().label(7), set.mnist(7).label());
        Photo other = new PhotoSet(PhotoConfig.TEST.withSeed(42), SUBSET.images(), SUBSET.labels(),
                HandConfig.HELD_OUT).mnist(0);
        assertNotEquals(set.mnist(0).conditions(), other.conditions(), "another seed, another photo");
    }

    @Test
    void theTuningPhotosAreNotTheTestPhotosNorOfTheTestDigits() {
        Set<Integer> tested = new HashSet<>();
        for (int i = 0; i < PhotoQualityTest.PER_SOURCE; i++) {
            tested.add(i * 13);
        }
        Set<Integer> tuned = new HashSet<>();
        for (int s = 0; s < PhotoTuning.sets(); s++) {
            PhotoSet tuning = new PhotoSet(PhotoTuning.config(s), SUBSET.images(), SUBSET.labels(),
                    PhotoTuning.hand(s));
            assertNotEquals(PhotoQualityTest.HAND.seed(), PhotoTuning.hand(s).seed());
            assertNotEquals(PhotoConfig.TEST.seed(), PhotoTuning.config(s).seed());
            for (int i = 0; i < PhotoQualityTest.PER_SOURCE; i++) {
                int digit = PhotoTuning.mnistIndex(s, i);
                assertFalse(tested.contains(digit), "tuning photo " + i + " of set " + s + " is of a test digit");
                assertTrue(tuned.add(digit), "tuning sets " + s + " and another share MNIST digit " + digit);
                assertTrue(digit < SUBSET.labels().count());
            }
            assertNotEquals(set.mnist(0).conditions(), tuning.mnist(0).conditions());
            assertNotEquals(set.hand(0).conditions(), tuning.hand(0).conditions());
        }
        assertEquals(PhotoConfig.TUNING.seed(), PhotoTuning.config(0).seed(), "set 0 is the documented tuning set");
        // The photos added to the test set draw beyond every tuning set's digits and beyond the canvas set's drawings.
        assertTrue(PhotoQualityTest.ADDED_FIRST_MNIST >= SUBSET.labels().count());
        assertTrue(PhotoQualityTest.ADDED_FIRST_MNIST + 11 * (PhotoQualityTest.ADDED_PER_SOURCE - 1)
                < CompleteMnistTest.LABELS.count());
        assertTrue(PhotoQualityTest.ADDED_FIRST_DRAWING >= CanvasQualityTest.DRAWINGS);
    }

    /** The hard tuning set: never a test digit, and seeds no other photo set (test or tuning) draws with. */
    @Test
    void theHardTuningPhotosAreOfTheirOwnSeedsAndNeverOfTheTestDigits() {
        Set<Long> others = new HashSet<>(Set.of(PhotoConfig.TEST.seed(), PhotoConfig.ORIENTATION.seed(),
                PhotoQualityTest.HAND.seed()));
        for (int t = 0; t < 64; t++) { // PhotoTuning's sets and ConditionTuning's beyond them
            others.add(PhotoTuning.config(t).seed());
            others.add(PhotoTuning.hand(t).seed());
        }
        Set<Integer> digits = new HashSet<>();
        for (int s = 0; s < HardPhotoTuning.SETS; s++) {
            assertFalse(others.contains(HardPhotoTuning.config(s).seed()), "set " + s + "'s conditions' seed");
            assertFalse(others.contains(HardPhotoTuning.hand(s).seed()), "set " + s + "'s hands' seed");
            for (int i = 0; i < PhotoQualityTest.PER_SOURCE; i++) {
                int digit = HardPhotoTuning.mnistIndex(s, i);
                assertNotEquals(0, digit % 13, "hard tuning photo " + i + " of set " + s + " is of a test digit");
                assertTrue(digits.add(digit), "MNIST digit " + digit + " twice");
                assertTrue(digit < SUBSET.labels().count());
            }
        }
        PhotoSet hard = new PhotoSet(HardPhotoTuning.config(0), SUBSET.images(), SUBSET.labels(),
                HardPhotoTuning.hand(0));
        int pencil = 0, desks = 0, plainWhite = 0;
        for (int i = 0; i < 40; i++) {
            PhotoConditions c = hard.hand(i).conditions();
            pencil += c.pen() == Pen.PENCIL ? 1 : 0;
            desks += c.edgeSide() > 0 ? 1 : 0;
            plainWhite += c.paper() == Paper.WHITE ? 1 : 0;
            assertTrue(c.pressure() >= 0.55 && c.pressure() <= 1, "pressure " + c.pressure());
        }
        assertTrue(pencil > 10 && pencil < 30, pencil + " pencil photos in 40, weighted to a half");
        assertTrue(desks > 10 && desks < 30, desks + " desks in 40");
        assertTrue(plainWhite < 12, plainWhite + " on white paper in 40, weighted to an eighth");
    }

    @Test
    void photosVaryOverTheConfiguredConditionsAndKeepTheDigitInTheFrame() {
        Set<String> frames = new HashSet<>();
        Set<Pen> pens = new HashSet<>();
        Set<Paper> papers = new HashSet<>();
        Set<Float> qualities = new HashSet<>();
        int shadows = 0, desks = 0;
        for (int i = 0; i < 60; i++) {
            PhotoConditions c = set.mnist(i).conditions();
            frames.add(c.width() + "x" + c.height());
            pens.add(c.pen());
            papers.add(c.paper());
            qualities.add(c.jpegQuality());
            shadows += c.shadowDepth() < 1 ? 1 : 0;
            desks += c.edgeSide() > 0 ? 1 : 0;
            Photo p = set.hand(i);
            var box = p.digitBox();
            assertTrue(box.x() >= 0 && box.y() >= 0 && box.x() + box.width() <= p.image().getWidth()
                    && box.y() + box.height() <= p.image().getHeight(), "digit inside the frame: " + p);
            assertTrue(p.conditions().digitHeight() >= PhotoConfig.TEST.minDigitPixels());
            assertEquals(1.0, p.conditions().pressure(), "the test's digits are written at the pen's opacity");
        }
        assertEquals(PhotoConfig.TEST.frames().size(), frames.size(), "every frame size: " + frames);
        assertEquals(Set.of(Pen.values()), pens);
        assertEquals(Paper.values().length, papers.size());
        assertEquals(PhotoConfig.TEST.jpegQualities().size(), qualities.size());
        assertTrue(shadows > 15 && shadows < 45, shadows + " shadows in 60");
        assertTrue(desks > 5 && desks < 30, desks + " desks in 60");
    }

    @Test
    void theDigitIsDarkerThanThePaperAroundIt() {
        Photo p = set.mnist(3);
        var box = p.digitBox();
        int[] rgb = pixels(p.image());
        int w = p.image().getWidth();
        int darkest = 255, paper = 0;
        for (int y = box.y(); y < box.y() + box.height(); y++) {
            for (int x = box.x(); x < box.x() + box.width(); x++) {
                darkest = Math.min(darkest, rgb[y * w + x] >> 8 & 0xFF);
            }
        }
        paper = rgb[(box.y() + 2) * w + box.x() + 2] >> 8 & 0xFF; // a corner of the box: MNIST's margin
        assertTrue(paper - darkest > 40, "ink " + darkest + " on paper " + paper + ": " + p);
    }

    /** Every variant, decoded by the engine (which applies the tag), is the upright photo again. */
    @Test
    void exifVariantsTurnBackIntoThePhoto() throws RecognitionException, IOException {
        // A photo of the orientation set: 320x240 or 640x480, read sixteen times.
        BufferedImage upright = new PhotoSet(PhotoConfig.ORIENTATION, SUBSET.images(), SUBSET.labels(),
                HandConfig.HELD_OUT).hand(2).image();
        ImageDecoder decoder = new ImageDecoder(InputLimits.DEFAULT);
        int[] expected = decoder.decode(ExifVariants.png(upright, 1), LumPlane::of);
        for (int orientation = 1; orientation <= 8; orientation++) {
            byte[] png = ExifVariants.png(upright, orientation);
            assertEquals(Orientation.ofExif(orientation), ImageDecoder.orientation(png));
            BufferedImage stored = ImageIO.read(new ByteArrayInputStream(png));
            boolean swapped = orientation >= 5;
            assertEquals(swapped ? upright.getHeight() : upright.getWidth(), stored.getWidth(), "stored turned");
            assertArrayEquals(expected, decoder.decode(png, LumPlane::of), "PNG orientation " + orientation);
            byte[] jpeg = ExifVariants.jpeg(upright, orientation, 0.9f);
            assertEquals(Orientation.ofExif(orientation), ImageDecoder.orientation(jpeg));
            int[] turned = decoder.decode(jpeg, LumPlane::of);
            assertEquals(expected.length, turned.length);
            double error = 0;
            for (int i = 0; i < expected.length; i++) {
                error += Math.abs(expected[i] - turned[i]);
            }
            assertTrue(error / expected.length < 6, "JPEG orientation " + orientation + ": mean error "
                    + error / expected.length);
        }
        assertTrue(Arrays.stream(expected).distinct().count() > 50, "a photo, not a flat image");
    }
}
