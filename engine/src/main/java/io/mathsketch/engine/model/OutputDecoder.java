package io.mathsketch.engine.model;

import io.mathsketch.engine.model.ModelManifest.OutputKind;
import io.mathsketch.engine.probability.Softmax;

import java.util.Arrays;

/**
 * Turns a model's raw output into one probability row per image: softmax for logits, validation for models that
 * already output probabilities. Plain Java so it is tested without an engine.
 */
public final class OutputDecoder {

    /** A probability row may miss 1 by this much (float rounding inside the graph). */
    private static final double SUM_TOLERANCE = 1e-3;

    private final String model;
    private final OutputKind kind;
    private final int classes;

    public OutputDecoder(ModelManifest manifest) {
        this.model = manifest.name();
        this.kind = manifest.output().kind();
        this.classes = manifest.labels().size();
    }

    /**
     * @param values the output tensor's values, row-major
     * @param shape the output tensor's shape; must be {@code n x labels}
     * @param n images in the batch
     * @throws IllegalStateException when the output does not fit the manifest
     */
    public float[][] decode(float[] values, long[] shape, int n) {
        if (shape.length != 2 || shape[0] != n || shape[1] != classes) {
            throw new IllegalStateException("model '" + model + "' output has shape " + Arrays.toString(shape)
                    + ", the manifest implies [" + n + ", " + classes + "] (batch x labels): check 'labels' and"
                    + " 'output.name'");
        }
        float[][] rows = new float[n][];
        for (int r = 0; r < n; r++) {
            float[] row = Arrays.copyOfRange(values, r * classes, (r + 1) * classes);
            rows[r] = kind == OutputKind.LOGITS ? softmax(row) : checkProbabilities(row);
        }
        return rows;
    }

    /** The softmax of a row of logits, which must be finite: a model that outputs NaN or infinity is broken. */
    static float[] softmax(float[] logits) {
        for (float v : logits) {
            if (!Float.isFinite(v)) {
                throw new IllegalStateException("non-finite logit " + v);
            }
        }
        return Softmax.probabilities(logits);
    }

    private float[] checkProbabilities(float[] row) {
        double sum = 0;
        for (float v : row) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalStateException("model '" + model + "' declares output.kind probabilities but"
                        + " produced " + v + ": set output.kind to logits if the graph has no softmax");
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalStateException("model '" + model + "' declares output.kind probabilities but a row"
                    + " sums to " + sum + ": set output.kind to logits if the graph has no softmax");
        }
        return row;
    }
}
