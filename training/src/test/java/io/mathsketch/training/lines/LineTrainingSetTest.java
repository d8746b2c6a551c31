package io.mathsketch.training.lines;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.Range;
import io.mathsketch.corpus.numbers.NumberConfig;
import io.mathsketch.corpus.numbers.NumberPhotos;
import io.mathsketch.corpus.numbers.NumberWriter;
import io.mathsketch.corpus.photo.PhotoConfig;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.preprocess.LineCentering;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The line reader's photographed training lines: the same photos on every run, each labelled with its number's digits
 * in order, one {@link LineCentering} field per line, and drawn from sources no test or tuning set uses.
 */
class LineTrainingSetTest {

    private static final MnistSubset MNIST = MnistSubset.load();
    /** The photo numbers' settings on the committed subset (the training digits are not in the checkout). */
    private static final NumberConfig NUMBERS = new NumberConfig("line-photo-test-fixture",
            LineTrainingSet.photoNumbers().seed(), LineTrainingSet.photoNumbers().hand(), 0, MNIST.count(),
            LineTrainingSet.photoNumbers().digitHeight());
    private static final long[] EIGHT = LongStream.range(0, 8).toArray();

    @Test
    void photographedLinesAreRepeatableAndLabelledWithTheirDigitsInOrder() {
        LineTrainingSet photos = photographed();
        assertEquals(EIGHT.length, photos.count(), "every photo of a number has a line");
        assertEquals(EIGHT.length * LineTrainingSet.LINE, photos.pixels().length);
        assertEquals(LineCentering.HEIGHT * LineCentering.WIDTH, photos.line(0).length);
        NumberWriter writer = new NumberWriter(NUMBERS, MNIST.images(), MNIST.labels());
        for (int i = 0; i < EIGHT.length; i++) {
            int[] digits = writer.number(i).text().chars().map(c -> c - '0').toArray();
            assertArrayEquals(digits, photos.readings()[i], "number " + i);
        }
        LineTrainingSet again = photographed();
        assertArrayEquals(photos.pixels(), again.pixels());
    }

    @Test
    void aPhotographedLineIsTheCameraCropNotTheCanvas() {
        LineTrainingSet photos = photographed();
        LineTrainingSet canvas = LineTrainingSet.of(NUMBERS, MNIST.images(), MNIST.labels(), EIGHT);
        for (int i = 0; i < EIGHT.length; i++) {
            float[] line = photos.line(i);
            float ink = 0;
            for (float v : line) {
                ink += v;
            }
            assertTrue(ink > 20, "line " + i + " holds ink");
            assertFalse(java.util.Arrays.equals(line, canvas.line(i)), "line " + i + " went through the camera");
        }
    }

    @Test
    void concatKeepsBothSetsInOrder() {
        LineTrainingSet photos = photographed();
        LineTrainingSet canvas = LineTrainingSet.of(NUMBERS, MNIST.images(), MNIST.labels(), new long[] {3});
        LineTrainingSet both = LineTrainingSet.concat(canvas, photos);
        assertEquals(1 + photos.count(), both.count());
        assertArrayEquals(canvas.line(0), both.line(0));
        assertArrayEquals(photos.line(5), both.line(6));
        assertArrayEquals(photos.readings()[5], both.readings()[6]);
    }

    @Test
    void trainingPhotosUseNoTestOrTuningSource() {
        PhotoConfig camera = LineTrainingSet.photoCamera();
        List<PhotoConfig> heldApart = List.of(PhotoConfig.TEST, PhotoConfig.TUNING, PhotoConfig.NUMBER_TEST,
                PhotoConfig.NUMBER_TUNING, PhotoConfig.HARD_TUNING, PhotoConfig.ORIENTATION);
        for (PhotoConfig other : heldApart) {
            assertNotEquals(other.seed(), camera.seed(), other.name());
            assertNotEquals(other.seed(), LineTrainCommand.PHOTO_VALIDATION_SEED, other.name());
        }
        assertNotEquals(camera.seed(), LineTrainCommand.PHOTO_VALIDATION_SEED);
        NumberConfig numbers = LineTrainingSet.photoNumbers();
        for (NumberConfig other : List.of(NumberPhotos.TEST.numbers(), NumberPhotos.TUNING.numbers(),
                NumberConfig.TEST, NumberConfig.TUNING)) {
            assertNotEquals(other.seed(), numbers.seed(), other.name());
        }
        assertEquals(HandConfig.TRAINING.withSeed(numbers.hand().seed()), numbers.hand(), "the training hand");
        assertTrue(numbers.mnistTo() <= 50_000, "MNIST training digits 0-49,999 only (the validation's are after)");
        assertEquals(Range.of(80, 140), numbers.digitHeight());
    }

    private static LineTrainingSet photographed() {
        return LineTrainingSet.photographed(NUMBERS, LineTrainingSet.photoCamera(), MNIST.images(), MNIST.labels(),
                EIGHT);
    }
}
