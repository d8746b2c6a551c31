package io.mathsketch.engine.number;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Decoding of the line reader's output ({@link CtcScore}'s per-step log-probabilities over the digits and the blank):
 * the most probable digits by a prefix beam search, and the most probable alignment of given digits to the steps, so
 * that each digit has the steps it was read at. Work is bounded: {@code steps x beam x labels} for the search,
 * {@code steps x (2 x digits + 1)} for the alignment.
 */
public final class CtcDecoder {

    /**
     * Prefixes the search keeps per step. Unlike the best path, it sums every alignment of a prefix, so a digit
     * spread over steps where the blank is likelier each time is still read.
     */
    public static final int BEAM = 12;

    /**
     * A digit less likely than this at a step (natural log; e^-20 is about 2e-9) does not start a new digit there:
     * the trained reader is mostly that sure at a step, so the search grows a few prefixes per step, not ten per kept
     * one, and a reading that needs such a step is all but impossible anyway.
     */
    private static final float NEGLIGIBLE = -20;

    /** Best first; among equals, the shorter prefix, then the one found first (the search has no hashing). */
    private static final Comparator<Prefix> ORDER = (a, b) -> a.total != b.total ? Double.compare(b.total, a.total)
            : Integer.compare(a.length, b.length);

    private CtcDecoder() {
    }

    /**
     * The most probable digits (characters 0-9, possibly none) that the {@code beam} most probable prefixes kept at
     * each step lead to: exact when {@code beam} holds every prefix and no digit is less likely than e^-20 at a step.
     *
     * @throws IllegalArgumentException when {@code beam} is under 1
     */
    public static String bestLabelling(float[][] logProbabilities, int beam) {
        if (beam < 1) {
            throw new IllegalArgumentException("the beam must keep at least one prefix, not " + beam);
        }
        Prefix empty = new Prefix(null, -1);
        empty.blank = 0;
        empty.total = 0;
        List<Prefix> kept = List.of(empty);
        for (int t = 0; t < logProbabilities.length; t++) {
            float[] step = logProbabilities[t];
            List<Prefix> next = new ArrayList<>();
            for (Prefix p : kept) {
                double total = p.total;
                p.add(t, next, false, total + step[CtcScore.BLANK]);
                if (p.last >= 0) {
                    p.add(t, next, true, p.digit + step[p.last]);
                }
                for (int c = 0; c < CtcScore.BLANK; c++) {
                    if (step[c] < NEGLIGIBLE) {
                        continue;
                    }
                    // The same digit again is a new digit only after a blank.
                    p.child(c).add(t, next, true, (c == p.last ? p.blank : total) + step[c]);
                }
            }
            for (Prefix p : next) {
                p.blank = p.nextBlank;
                p.digit = p.nextDigit;
                p.total = CtcScore.logAdd(p.blank, p.digit);
            }
            next.sort(ORDER);
            kept = next.size() > beam ? next.subList(0, beam) : next;
        }
        return kept.getFirst().digits();
    }

    /**
     * The steps each digit is read at on the most probable path (Viterbi) that reads {@code digits}: per digit
     * {first, last} step, or null when the steps are too few to hold the digits.
     *
     * @throws IllegalArgumentException when a character of {@code digits} is not a digit
     */
    public static int[][] alignment(float[][] logProbabilities, String digits) {
        // State s: even s is a blank, odd s the digit (s - 1) / 2, as in CtcScore's recursion.
        int[] label = CtcScore.stateLabels(digits);
        int n = digits.length(), states = label.length, steps = logProbabilities.length;
        if (steps == 0) {
            return n == 0 ? new int[0][] : null;
        }
        double[][] best = new double[steps][states];
        int[][] from = new int[steps][states];
        for (double[] row : best) {
            Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        best[0][0] = logProbabilities[0][CtcScore.BLANK];
        if (states > 1) {
            best[0][1] = logProbabilities[0][label[1]];
        }
        for (int t = 1; t < steps; t++) {
            for (int s = 0; s < states; s++) {
                int b = s;
                if (s > 0 && best[t - 1][s - 1] > best[t - 1][b]) {
                    b = s - 1;
                }
                if (s > 1 && label[s] != CtcScore.BLANK && label[s] != label[s - 2]
                        && best[t - 1][s - 2] > best[t - 1][b]) {
                    b = s - 2;
                }
                best[t][s] = best[t - 1][b] + logProbabilities[t][label[s]];
                from[t][s] = b;
            }
        }
        int s = states > 1 && best[steps - 1][states - 2] > best[steps - 1][states - 1] ? states - 2 : states - 1;
        if (best[steps - 1][s] == Double.NEGATIVE_INFINITY) {
            return null;
        }
        int[][] spans = new int[n][];
        for (int t = steps - 1; t >= 0; t--) {
            if (s % 2 == 1) {
                int d = s / 2;
                spans[d] = spans[d] == null ? new int[] {t, t} : new int[] {t, spans[d][1]};
            }
            s = from[t][s];
        }
        return spans;
    }

    /**
     * A prefix of a reading, a node of the tree of prefixes the search grows: its log-probabilities over the steps so
     * far ending in a blank and ending in its last digit, and those of the next step while it is summed.
     */
    private static final class Prefix {

        private final Prefix parent;
        private final int last, length;
        private final Prefix[] children = new Prefix[CtcScore.BLANK];
        private double blank = Double.NEGATIVE_INFINITY, digit = Double.NEGATIVE_INFINITY, total;
        private double nextBlank, nextDigit;
        private int step = -1;

        Prefix(Prefix parent, int last) {
            this.parent = parent;
            this.last = last;
            this.length = parent == null ? 0 : parent.length + 1;
        }

        Prefix child(int c) {
            if (children[c] == null) {
                children[c] = new Prefix(this, c);
            }
            return children[c];
        }

        /** Adds a path's log-probability at step {@code t}, listing this prefix in {@code next} when it is new there. */
        void add(int t, List<Prefix> next, boolean endsInDigit, double logProbability) {
            if (step != t) {
                step = t;
                nextBlank = Double.NEGATIVE_INFINITY;
                nextDigit = Double.NEGATIVE_INFINITY;
                next.add(this);
            }
            if (endsInDigit) {
                nextDigit = CtcScore.logAdd(nextDigit, logProbability);
            } else {
                nextBlank = CtcScore.logAdd(nextBlank, logProbability);
            }
        }

        String digits() {
            char[] digits = new char[length];
            for (Prefix p = this; p.parent != null; p = p.parent) {
                digits[p.length - 1] = (char) ('0' + p.last);
            }
            return new String(digits);
        }
    }
}
