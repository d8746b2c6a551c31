package io.mathsketch.engine.segment;

import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses the reading of a number: the sequence of candidates that covers every atom exactly once, left to right,
 * with the best total score (dynamic programming over atom boundaries). A candidate's score is the log of the
 * model's confidence in its best label plus a prior on its shape, less a fixed cost per digit (so that a digit split
 * in two reads worse than the whole unless both halves are far more convincing) and a cost for each stroke cut.
 */
public final class ReadingSearch {

    /** Confidence is floored here so that one hopeless candidate does not dominate by -infinity. */
    private static final double MIN_CONFIDENCE = 1e-6;

    private final Weights weights;

    public ReadingSearch() {
        this(Weights.DEFAULT);
    }

    public ReadingSearch(Weights weights) {
        this.weights = weights;
    }

    /**
     * The costs of a reading, in natural-log units of confidence. Shapes are in line heights: a candidate wider
     * than {@code wideFrom} costs {@code wideCost} per line height beyond it, one shorter than {@code shortFrom}
     * costs {@code shortCost} per line height below it, empty columns inside it beyond {@code gapFrom} cost
     * {@code gapCost} per line height.
     */
    public record Weights(double digitCost, double cutCost, double wideFrom, double wideCost, double shortFrom,
                          double shortCost, double gapFrom, double gapCost, double cutInkCost, double thinFrom,
                          double thinCost, double oneAspectFrom, double oneAspectCost, double aspectFrom,
                          double aspectCost) {

        /** Tuned on the corpus's numbers tuning set (never on the test set the floor is measured on). */
        public static final Weights DEFAULT = new Weights(0.0, 0.0, 1.1, 8, 0.65, 10, 0.08, 6, 1, 0.25, 0, 0.6, 0,
                1.0, 0);

        public Weights with(int index, double value) {
            double[] v = {digitCost, cutCost, wideFrom, wideCost, shortFrom, shortCost, gapFrom, gapCost, cutInkCost,
                thinFrom, thinCost, oneAspectFrom, oneAspectCost, aspectFrom, aspectCost};
            v[index] = value;
            return new Weights(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13],
                    v[14]);
        }
    }

    /**
     * The shape prior of one candidate (natural log, at most 0); {@code one}: the model reads it as a 1, the one
     * digit that may be a thin stroke and should not be as wide as it is tall.
     */
    double prior(Candidate c, boolean one) {
        double prior = -weights.wideCost() * Math.max(0, c.width() - weights.wideFrom())
                - weights.shortCost() * Math.max(0, weights.shortFrom() - c.height())
                - weights.gapCost() * Math.max(0, c.gap() - weights.gapFrom());
        return one ? prior - weights.oneAspectCost() * Math.max(0, c.width() / c.height() - weights.oneAspectFrom())
                : prior - weights.thinCost() * Math.max(0, weights.thinFrom() - c.width())
                        - weights.aspectCost() * Math.max(0, c.width() / c.height() - weights.aspectFrom());
    }

    /**
     * @param confidence per candidate, the model's probability of its best label
     * @param one        per candidate, whether that label is 1
     * @return the indices of the chosen candidates, left to right
     */
    public int[] best(Candidates candidates, float[] confidence, boolean[] one) {
        List<Candidate> all = candidates.candidates();
        int atoms = candidates.atoms();
        double[] best = new double[atoms + 1];
        int[] via = new int[atoms + 1];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        // Candidates are listed by their first atom, so every path into an atom boundary is final when it is used.
        for (int k = 0; k < all.size(); k++) {
            Candidate c = all.get(k);
            if (best[c.from()] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double score = best[c.from()] + Math.log(Math.max(MIN_CONFIDENCE, confidence[k])) + prior(c, one[k])
                    - weights.digitCost() - (candidates.cutsStroke(c) ? weights.cutCost() : 0)
                    - weights.cutInkCost() * candidates.cutInk(c);
            if (score > best[c.to()]) {
                best[c.to()] = score;
                via[c.to()] = k;
            }
        }
        List<Integer> reading = new ArrayList<>();
        for (int at = atoms; at > 0; at = all.get(via[at]).from()) {
            reading.add(via[at]);
        }
        return reading.reversed().stream().mapToInt(Integer::intValue).toArray();
    }
}
