package io.mathsketch.training.lines;

import io.mathsketch.corpus.numbers.NumberConfig;
import io.mathsketch.corpus.numbers.NumberWriter;
import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.LineCentering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The line reader's examples: written numbers (the number writer's four kinds) cropped to their line as number mode
 * crops them ({@link ImagePreprocessor#lineCrop}) and fitted by the engine's {@link LineCentering}, each with its
 * digits. Pixels are kept as bytes (0-255) to hold tens of thousands of lines in little memory.
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

    /** The lines of the given numbers of {@code config}, in that order (a number with no ink left out). */
    public static LineTrainingSet of(NumberConfig config, MnistImages images, MnistLabels labels, long[] numbers) {
        NumberWriter writer = new NumberWriter(config, images, labels);
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        LineCentering centering = new LineCentering();
        List<Object[]> lines = Arrays.stream(numbers).parallel()
                .mapToObj(i -> line(writer.number(i), preprocessor, centering)).toList();
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

    private static Object[] line(WrittenNumber number, ImagePreprocessor preprocessor, LineCentering centering) {
        try {
            float[] field = centering.center(preprocessor.lineCrop(number.png(), WORKING_PIXELS).ink());
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
