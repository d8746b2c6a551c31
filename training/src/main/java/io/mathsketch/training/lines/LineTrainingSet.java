package io.mathsketch.training.lines;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.Range;
import io.mathsketch.corpus.numbers.NumberConfig;
import io.mathsketch.corpus.numbers.NumberWriter;
import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.corpus.photo.InkCoverage;
import io.mathsketch.corpus.photo.PaperCamera;
import io.mathsketch.corpus.photo.PhotoConfig;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.LineCentering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The line reader's examples: written numbers (the number writer's four kinds) cropped to their line as number mode
 * crops them ({@link ImagePreprocessor#lineCrop}) and fitted by the engine's {@link LineCentering}, each with its
 * digits; or, for {@link #photographed}, the same numbers photographed on paper by the corpus camera and cropped by the
 * engine's photo path, as number mode sees a phone's photo. Pixels are kept as bytes (0-255) to hold tens of
 * thousands of lines in little memory.
 *
 * @param pixels   {@link LineCentering#HEIGHT} x {@link LineCentering#WIDTH} bytes per line
 * @param readings each line's digits
 */
public record LineTrainingSet(byte[] pixels, int[][] readings) {

    static final int LINE = LineCentering.HEIGHT * LineCentering.WIDTH;
    /** As number mode shrinks a large image before segmenting it. */
    private static final int WORKING_PIXELS = 1 << 20;

    public int count() {
        return readings.length;
    }

    /** Line {@code i}'s ink in [0, 1]. */
    public float[] line(int i) {
        float[] out = new float[LINE];
        for (int k = 0; k < LINE; k++) {
            out[k] = (pixels[i * LINE + k] & 0xFF) / 255f;
        }
        return out;
    }

    /**
     * Numbers to photograph for training: MNIST training digits 0-49,999 and the training hand, both re-seeded, drawn
     * 80-140 pixels high as the number photo sets draw theirs. Never a test set's sources.
     */
    public static NumberConfig photoNumbers() {
        return new NumberConfig("line-photo-training", 0x5EE1_3001L, HandConfig.TRAINING.withSeed(0x5EE1_3101L), 0,
                50_000, Range.of(80, 140));
    }

    /**
     * The camera of the training photos: the number photo sets' conditions (frames, papers, pens, light, blur,
     * grain, JPEG) with a seed of its own, never a test's or a tuning set's.
     */
    public static PhotoConfig photoCamera() {
        return PhotoConfig.NUMBER_TEST.renamed("line-photo-training", 0x9407_3001L);
    }

    /** The lines of the given numbers of {@code config}, in that order (a number with no ink left out). */
    public static LineTrainingSet of(NumberConfig config, MnistImages images, MnistLabels labels, long[] numbers) {
        NumberWriter writer = new NumberWriter(config, images, labels);
        return of(numbers, i -> {
            WrittenNumber number = writer.number(i);
            return new Written(number.png(), number.text());
        });
    }

    /**
     * The lines of the given numbers of {@code config} photographed by {@code camera} (shot {@code i} of number
     * {@code i}, as {@code corpus.numbers.NumberPhotos} takes them) and cropped from the JPEG as number mode crops a
     * photo ({@link ImagePreprocessor#lineCrop}: the photo path's written line), in that order; a photo in which the
     * photo path finds no ink is left out.
     */
    public static LineTrainingSet photographed(NumberConfig config, PhotoConfig camera, MnistImages images,
                                               MnistLabels labels, long[] numbers) {
        NumberWriter writer = new NumberWriter(config, images, labels);
        PaperCamera paper = new PaperCamera(camera);
        return of(numbers, i -> {
            WrittenNumber number = writer.number(i);
            return new Written(paper.shoot(i, InkCoverage.canvas(number.png())).jpeg(), number.text());
        });
    }

    /** {@code first}'s lines, then {@code second}'s. */
    public static LineTrainingSet concat(LineTrainingSet first, LineTrainingSet second) {
        byte[] pixels = Arrays.copyOf(first.pixels, first.pixels.length + second.pixels.length);
        System.arraycopy(second.pixels, 0, pixels, first.pixels.length, second.pixels.length);
        int[][] readings = Arrays.copyOf(first.readings, first.count() + second.count());
        System.arraycopy(second.readings, 0, readings, first.count(), second.count());
        return new LineTrainingSet(pixels, readings);
    }

    /** An encoded image of a number and its digits. */
    private record Written(byte[] image, String text) {
    }

    private static LineTrainingSet of(long[] numbers, LongFunction<Written> write) {
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        LineCentering centering = new LineCentering();
        List<Object[]> lines = Arrays.stream(numbers).parallel()
                .mapToObj(i -> line(write.apply(i), preprocessor, centering)).toList();
        List<Object[]> kept = new ArrayList<>(lines.size());
        for (Object[] line : lines) {
            if (line != null) {
                kept.add(line);
            }
        }
        byte[] pixels = new byte[kept.size() * LINE];
        int[][] readings = new int[kept.size()][];
        for (int i = 0; i < kept.size(); i++) {
            System.arraycopy((byte[]) kept.get(i)[0], 0, pixels, i * LINE, LINE);
            readings[i] = (int[]) kept.get(i)[1];
        }
        return new LineTrainingSet(pixels, readings);
    }

    private static Object[] line(Written number, ImagePreprocessor preprocessor, LineCentering centering) {
        try {
            float[] field = centering.center(preprocessor.lineCrop(number.image(), WORKING_PIXELS).ink());
            byte[] bytes = new byte[LINE];
            for (int k = 0; k < LINE; k++) {
                bytes[k] = (byte) Math.round(Math.max(0, Math.min(1, field[k])) * 255);
            }
            return new Object[] {bytes, number.text().chars().map(c -> c - '0').toArray()};
        } catch (RecognitionException e) {
            return null;
        }
    }
}
