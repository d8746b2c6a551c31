package io.mathsketch.training.lines;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.mathsketch.engine.number.CtcScore;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The NDArray CTC loss and the engine's Java forward recursion ({@link CtcScore}) against a brute-force sum over
 * every path of labels on tiny cases, including repeated digits (which need a blank between them), readings of
 * different lengths in one batch, and a reading the steps are too few for.
 */
class CtcLossTest {

    private static final int[][] READINGS = {{3}, {3, 3}, {1, 2}, {7, 7, 7}, {}, {4, 0, 4}};

    @Test
    void lossIsMinusTheLogOfTheSumOverEveryPath() {
        Random random = new Random(7);
        int steps = 5;
        float[][][] logits = new float[READINGS.length][steps][CtcScore.CLASSES];
        for (float[][] sample : logits) {
            for (float[] row : sample) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = (float) random.nextGaussian() * 2;
                }
            }
        }
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            NDArray loss = CtcLoss.perSample(logProbabilities(manager, logits), CtcLoss.targets(manager, READINGS));
            float[] got = loss.toFloatArray();
            for (int b = 0; b < READINGS.length; b++) {
                float[][] logp = CtcScore.logSoftmax(logits[b]);
                double expected = -Math.log(bruteForce(logp, READINGS[b]));
                assertEquals(expected, got[b], 1e-4 * Math.max(1, Math.abs(expected)), "sample " + b);
                assertEquals(-expected, CtcScore.logProbability(logp, text(READINGS[b])), 1e-6 * Math.max(1,
                        Math.abs(expected)), "engine, sample " + b);
            }
        }
    }

    @Test
    void tooFewStepsAreImpossibleInTheEngineAndVeryCostlyInTraining() {
        float[][] logits = new float[2][CtcScore.CLASSES];
        float[][] logp = CtcScore.logSoftmax(logits);
        assertEquals(Double.NEGATIVE_INFINITY, CtcScore.logProbability(logp, "11"));
        assertEquals(0, bruteForce(logp, new int[] {1, 1}));
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            float loss = CtcLoss.perSample(logProbabilities(manager, new float[][][] {logits}),
                    CtcLoss.targets(manager, new int[][] {{1, 1}})).getFloat(0);
            assertTrue(loss > 1e29, "loss " + loss);
        }
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        Random random = new Random(11);
        int steps = 4;
        float[] values = new float[CtcScore.CLASSES * steps];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        int[][] reading = {{2, 2}};
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            NDArray logits = manager.create(values, new Shape(1, CtcScore.CLASSES, 1, steps));
            logits.setRequiresGradient(true);
            NDList targets = CtcLoss.targets(manager, reading);
            float[] gradient;
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray loss = new CtcLoss().evaluate(targets, new NDList(logits));
                collector.backward(loss);
                gradient = logits.getGradient().toFloatArray();
            }
            double h = 1e-2;
            for (int i = 0; i < values.length; i++) {
                float[] up = values.clone(), down = values.clone();
                up[i] += (float) h;
                down[i] -= (float) h;
                double numeric = (loss(up, steps, reading[0]) - loss(down, steps, reading[0])) / (2 * h);
                assertEquals(numeric, gradient[i], 2e-3, "logit " + i);
            }
        }
    }

    /** The loss by the engine's recursion from logits laid out as the network's (11, 1, T). */
    private static double loss(float[] values, int steps, int[] reading) {
        float[][] logits = new float[steps][CtcScore.CLASSES];
        for (int c = 0; c < CtcScore.CLASSES; c++) {
            for (int t = 0; t < steps; t++) {
                logits[t][c] = values[c * steps + t];
            }
        }
        return -CtcScore.logProbability(CtcScore.logSoftmax(logits), text(reading));
    }

    private static NDArray logProbabilities(NDManager manager, float[][][] logits) {
        int batch = logits.length, steps = logits[0].length;
        float[] flat = new float[batch * CtcScore.CLASSES * steps];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                for (int c = 0; c < CtcScore.CLASSES; c++) {
                    flat[(b * CtcScore.CLASSES + c) * steps + t] = logits[b][t][c];
                }
            }
        }
        return CtcLoss.logProbabilities(manager.create(flat, new Shape(batch, CtcScore.CLASSES, 1, steps)));
    }

    /** The probability of {@code reading}: every path of labels whose collapse (repeats merged, blanks dropped) is it. */
    private static double bruteForce(float[][] logp, int[] reading) {
        int steps = logp.length, classes = CtcScore.CLASSES;
        double total = 0;
        int[] path = new int[steps];
        long paths = (long) Math.pow(classes, steps);
        for (long p = 0; p < paths; p++) {
            long rest = p;
            double log = 0;
            for (int t = 0; t < steps; t++) {
                path[t] = (int) (rest % classes);
                rest /= classes;
                log += logp[t][path[t]];
            }
            if (collapsesTo(path, reading)) {
                total += Math.exp(log);
            }
        }
        return total;
    }

    private static boolean collapsesTo(int[] path, int[] reading) {
        int n = 0, previous = CtcScore.BLANK;
        for (int label : path) {
            if (label != CtcScore.BLANK && label != previous) {
                if (n == reading.length || reading[n] != label) {
                    return false;
                }
                n++;
            }
            previous = label;
        }
        return n == reading.length;
    }

    private static String text(int[] reading) {
        StringBuilder b = new StringBuilder();
        for (int d : reading) {
            b.append(d);
        }
        return b.toString();
    }
}
