package io.mathsketch.training;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.mathsketch.engine.DigitReading;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.image.DigitImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Runs a model in inference mode (batch norm uses its running statistics, no dropout) over labelled digits and
 * tallies the confusion matrix, or returns the raw logits.
 */
public final class Evaluator {

    private static final int BATCH = 500;

    private final InputNormalization normalization;

    public Evaluator(InputNormalization normalization) {
        this.normalization = normalization;
    }

    /**
     * @param digits digit {@code i} of the set, e.g. {@code images::digit} for MNIST as stored
     */
    public Evaluation evaluate(Model model, IntFunction<DigitImage> digits, MnistLabels labels) {
        long[][] confusion = null; // one row and column per output of the model: 10 for digits, 18 for symbols
        int count = labels.count();
        for (int start = 0; start < count; start += BATCH) {
            int size = Math.min(BATCH, count - start);
            float[][] logits = logits(model, digits, start, size);
            if (confusion == null) {
                confusion = new long[logits[0].length][logits[0].length];
            }
            for (int i = 0; i < size; i++) {
                confusion[labels.label(start + i)][argMax(logits[i])]++;
            }
        }
        if (confusion == null) {
            throw new IllegalArgumentException("nothing to evaluate");
        }
        return new Evaluation(confusion);
    }

    /** Logits of digits {@code start .. start + count - 1}, from the model in inference mode. */
    public float[][] logits(Model model, IntFunction<DigitImage> digits, int start, int count) {
        List<DigitImage> batch = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batch.add(digits.apply(start + i));
        }
        float[] input = normalization.apply(batch);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = manager.create(input, new Shape(count, 1, DigitImage.SIDE, DigitImage.SIDE));
            NDArray y = model.getBlock().forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow();
            float[] flat = y.toFloatArray();
            int classes = flat.length / count;
            float[][] rows = new float[count][classes];
            for (int i = 0; i < count; i++) {
                System.arraycopy(flat, i * classes, rows[i], 0, classes);
            }
            return rows;
        }
    }

    /** Index of the largest value (the first one on ties). */
    public static int argMax(float[] values) {
        return DigitReading.winner(values);
    }
}
