package io.mathsketch.engine.number;

import io.mathsketch.engine.probability.Softmax;

/**
 * Scores of number mode's line reader, a network that reads a whole number line ({@code preprocess.LineCentering})
 * and outputs, per column step, logits over {@link #CLASSES} labels: the digits 0-9 and last {@link #BLANK} (no
 * digit at this step). Trained with connectionist temporal classification (CTC): a reading's probability is the sum
 * over every alignment of its digits to the steps (each digit held one step or more, blanks between and around them,
 * a blank required between two equal digits), computed by the forward recursion in log space.
 */
public final class CtcScore {

    /** Labels per step: ten digits and the blank. */
    public static final int CLASSES = 11;
    /** The blank's label. */
    public static final int BLANK = 10;
    /** The line reader's labels in order, as its manifest names them: the digits, then {@code blank}. */
    public static final java.util.List<String> LABELS = java.util.List.of("0", "1", "2", "3", "4", "5", "6", "7",
            "8", "9", "blank");

    private CtcScore() {
    }

    /** Each step's logits turned into log-probabilities (log-softmax), a new array. */
    public static float[][] logSoftmax(float[][] logits) {
        float[][] out = new float[logits.length][];
        for (int t = 0; t < logits.length; t++) {
            out[t] = Softmax.logProbabilities(logits[t]);
        }
        return out;
    }

    /**
     * The log-probability of {@code digits} (characters 0-9) given per-step log-probabilities ({@link #logSoftmax});
     * negative infinity when the steps are too few to hold it.
     */
    public static double logProbability(float[][] logProbabilities, String digits) {
        int n = digits.length(), steps = logProbabilities.length;
        int[] label = stateLabels(digits);
        int states = label.length;
        if (steps == 0) {
            return n == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        double[] alpha = new double[states], next = new double[states];
        java.util.Arrays.fill(alpha, Double.NEGATIVE_INFINITY);
        alpha[0] = logProbabilities[0][BLANK];
        if (states > 1) {
            alpha[1] = logProbabilities[0][label[1]];
        }
        for (int t = 1; t < steps; t++) {
            for (int s = 0; s < states; s++) {
                double a = alpha[s];
                if (s > 0) {
                    a = logAdd(a, alpha[s - 1]);
                }
                // Skipping the blank between two digits is allowed only when they differ.
                if (s > 1 && label[s] != BLANK && label[s] != label[s - 2]) {
                    a = logAdd(a, alpha[s - 2]);
                }
                next[s] = a + logProbabilities[t][label[s]];
            }
            double[] swap = alpha;
            alpha = next;
            next = swap;
        }
        return states > 1 ? logAdd(alpha[states - 1], alpha[states - 2]) : alpha[0];
    }

    /**
     * The best path's reading: the most likely label at each step, repeats merged and blanks dropped. With
     * {@code steps} non-null, {@code steps[i]} is set to the first step of digit {@code i} of the reading (the array
     * must hold at least as many entries as there are steps).
     */
    public static String bestPath(float[][] logits, int[] steps) {
        StringBuilder b = new StringBuilder();
        int previous = BLANK;
        for (int t = 0; t < logits.length; t++) {
            int best = 0;
            for (int c = 1; c < logits[t].length; c++) {
                if (logits[t][c] > logits[t][best]) {
                    best = c;
                }
            }
            if (best != BLANK && best != previous) {
                if (steps != null) {
                    steps[b.length()] = t;
                }
                b.append((char) ('0' + best));
            }
            previous = best;
        }
        return b.toString();
    }

    /**
     * The label of each state of the recursion over {@code digits} (characters 0-9): even state s is a blank, odd
     * state s the digit (s - 1) / 2.
     *
     * @throws IllegalArgumentException when a character is not a digit
     */
    static int[] stateLabels(String digits) {
        int[] label = new int[2 * digits.length() + 1];
        for (int s = 0; s < label.length; s++) {
            label[s] = s % 2 == 0 ? BLANK : digit(digits.charAt(s / 2));
        }
        return label;
    }

    private static int digit(char c) {
        if (c < '0' || c > '9') {
            throw new IllegalArgumentException("not a digit: '" + c + "'");
        }
        return c - '0';
    }

    static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double max = Math.max(a, b);
        return max + Math.log1p(Math.exp(-Math.abs(a - b)));
    }
}
