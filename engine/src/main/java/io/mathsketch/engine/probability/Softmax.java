package io.mathsketch.engine.probability;

/**
 * Softmax and log-softmax of one row of scores, numerically stable: the row's maximum is subtracted before
 * {@code exp}, so huge scores do not overflow. Scores are expected finite; a caller that reads them from a model
 * checks that first (the model's fault, named in its own message).
 */
public final class Softmax {

    private Softmax() {
    }

    /** The probabilities of {@code scores}, a new array summing to 1. */
    public static float[] probabilities(float[] scores) {
        return probabilities(scores, scores.length);
    }

    /**
     * The probabilities of the first {@code labels} scores, normalised over those alone: the later ones are left out
     * (number mode's ten digits of the line reader's eleven labels, the blank last).
     */
    public static float[] probabilities(float[] scores, int labels) {
        float max = max(scores, labels);
        double sum = 0;
        double[] e = new double[labels];
        for (int i = 0; i < labels; i++) {
            e[i] = Math.exp(scores[i] - max);
            sum += e[i];
        }
        float[] p = new float[labels];
        for (int i = 0; i < labels; i++) {
            p[i] = (float) (e[i] / sum);
        }
        return p;
    }

    /** The log-probabilities of {@code scores} (log-softmax), a new array. */
    public static float[] logProbabilities(float[] scores) {
        float max = max(scores, scores.length);
        double sum = 0;
        for (float v : scores) {
            sum += Math.exp(v - max);
        }
        float log = (float) (max + Math.log(sum));
        float[] out = new float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = scores[i] - log;
        }
        return out;
    }

    private static float max(float[] scores, int labels) {
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < labels; i++) {
            max = Math.max(max, scores[i]);
        }
        return max;
    }
}
