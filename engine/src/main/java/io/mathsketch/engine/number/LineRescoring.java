package io.mathsketch.engine.number;

/**
 * How number mode lets its line reader weigh in, on images and on ink alike: among a search's best readings, the one
 * whose own score plus {@code weight} times the reader's CTC log-probability of its digits is largest wins, the first
 * of equals.
 */
final class LineRescoring {

    private LineRescoring() {
    }

    /**
     * The winner among readings given by their search scores and their digits, with its digits' log-probability.
     *
     * @param steps the reader's per-step log-probabilities ({@link CtcScore#logSoftmax})
     * @throws IllegalArgumentException when there is no reading, or scores and digits differ in number
     */
    static Winner best(float[][] steps, double weight, double[] scores, String[] digits) {
        if (scores.length == 0 || scores.length != digits.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + digits.length + " readings");
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY, bestLogProbability = Double.NaN;
        for (int i = 0; i < scores.length; i++) {
            double logProbability = CtcScore.logProbability(steps, digits[i]);
            double score = scores[i] + weight * logProbability;
            if (best < 0 || score > bestScore) {
                best = i;
                bestScore = score;
                bestLogProbability = logProbability;
            }
        }
        return new Winner(best, bestLogProbability);
    }

    /** The winning reading's index and the line reader's log-probability of its digits. */
    record Winner(int index, double logProbability) {
    }
}
