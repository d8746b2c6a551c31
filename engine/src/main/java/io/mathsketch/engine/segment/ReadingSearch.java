package io.mathsketch.engine.segment;

import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses the reading of a number: the sequence of candidates that covers every atom exactly once, left to right,
 * with the best total score (dynamic programming over atom boundaries). A candidate's score is the log of the
 * model's confidence in its best label plus a prior on its shape relative to the line height, so that a confident
 * model does not make one digit of a wide pair or of two tall strokes, nor a digit of a short fragment or of pieces
 * far apart.
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
     * The shape prior, in natural-log units of confidence, with shapes in line heights: a candidate wider than
     * {@code wideFrom} costs {@code wideCost} per line height beyond it, one shorter than {@code shortFrom} costs
     * {@code shortCost} per line height below it, empty columns inside it beyond {@code gapFrom} cost {@code gapCost}
     * per line height, and a second separate stroke taller than {@code strokeFrom} costs {@code strokeCost} per line
     * height beyond it (two tall strokes side by side are mostly two digits, a 1 beside its neighbour, while the
     * strokes of one digit are mostly one tall and one short: the bar of a 5, the flag of a 4). When a verifier's
     * probability that each candidate is one whole digit is given, {@code wholeWeight} times its log is added too.
     */
    public record Weights(double wideFrom, double wideCost, double shortFrom, double shortCost, double gapFrom,
                          double gapCost, double strokeFrom, double strokeCost, double wholeWeight) {

        /**
         * Tuned on the corpus's {@code NumberConfig.TUNING} numbers 0-1,199 and checked on 1,200-1,999 (never on the
         * test set the floor is measured on): the second-stroke term reads 953 instead of 947 of the first and 642
         * instead of 637 of the second. A cost per digit and per cut through ink, a bonus per tall digit or per sure
         * digit, a cost for a digit much wider than the reading's median digit or than the label's widest true digits,
         * and a cost for joining across a cut that crosses a single stroke were tried too and were best at zero (the
         * README's "Recognition quality" has the figures). The verifier's weight 1 with the digit verifier 1.0.0:
         * 1,008 of 0-1,199 and 678 of 1,200-1,999 (953 and 642 without it); 0.25-3 read within 2 of that.
         */
        public static final Weights DEFAULT = new Weights(1.1, 2, 0.65, 10, 0.04, 24, 0.6, 5, 1);

        /** These weights with the {@code index}-th component (in declaration order) set to {@code value}. */
        public Weights with(int index, double value) {
            double[] v = {wideFrom, wideCost, shortFrom, shortCost, gapFrom, gapCost, strokeFrom, strokeCost,
                wholeWeight};
            v[index] = value;
            return new Weights(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
        }
    }

    /** The shape prior of one candidate (natural log, at most 0). */
    double prior(Candidate c) {
        return -weights.wideCost() * Math.max(0, c.width() - weights.wideFrom())
                - weights.shortCost() * Math.max(0, weights.shortFrom() - c.height())
                - weights.gapCost() * Math.max(0, c.gap() - weights.gapFrom())
                - weights.strokeCost() * Math.max(0, c.secondStroke() - weights.strokeFrom());
    }

    /**
     * @param confidence per candidate, the model's probability of its best label
     * @return the indices of the chosen candidates, left to right
     */
    public int[] best(Candidates candidates, float[] confidence) {
        return best(candidates, confidence, null);
    }

    /**
     * @param confidence per candidate, the model's probability of its best label
     * @param whole      per candidate, a verifier's probability that it is one whole digit, or null for none
     * @return the indices of the chosen candidates, left to right
     */
    public int[] best(Candidates candidates, float[] confidence, float[] whole) {
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
            double score = best[c.from()] + Math.log(Math.max(MIN_CONFIDENCE, confidence[k])) + prior(c);
            if (whole != null) {
                score += weights.wholeWeight() * Math.log(Math.max(MIN_CONFIDENCE, whole[k]));
            }
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
