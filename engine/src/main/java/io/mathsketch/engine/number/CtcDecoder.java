package io.mathsketch.engine.number;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /** Best first; among equals, the shorter and then the lesser prefix, so that the result does not hang on hashing. */
    private static final Comparator<Map.Entry<String, double[]>> ORDER = Comparator
            .<Map.Entry<String, double[]>>comparingDouble(e -> CtcScore.logAdd(e.getValue()[0], e.getValue()[1]))
            .thenComparing(e -> -e.getKey().length())
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder());

    private CtcDecoder() {
    }

    /**
     * The most probable digits (characters 0-9, possibly none) that the {@code beam} most probable prefixes kept at
     * each step lead to: exact when {@code beam} holds every prefix.
     */
    public static String bestLabelling(float[][] logProbabilities, int beam) {
        Map<String, double[]> kept = new HashMap<>();
        // Per prefix: log-probability of the steps so far ending in a blank, and ending in its last digit.
        kept.put("", new double[] {0, Double.NEGATIVE_INFINITY});
        for (float[] step : logProbabilities) {
            Map<String, double[]> next = new HashMap<>();
            for (Map.Entry<String, double[]> e : kept.entrySet()) {
                String prefix = e.getKey();
                double blank = e.getValue()[0], digit = e.getValue()[1], total = CtcScore.logAdd(blank, digit);
                int last = prefix.isEmpty() ? -1 : prefix.charAt(prefix.length() - 1) - '0';
                add(next, prefix, 0, total + step[CtcScore.BLANK]);
                if (last >= 0) {
                    add(next, prefix, 1, digit + step[last]);
                }
                for (int c = 0; c < CtcScore.BLANK; c++) {
                    // The same digit again is a new digit only after a blank.
                    add(next, prefix + (char) ('0' + c), 1, (c == last ? blank : total) + step[c]);
                }
            }
            kept = prune(next, beam);
        }
        return kept.entrySet().stream().max(ORDER).map(Map.Entry::getKey).orElseThrow();
    }

    /**
     * The steps each digit is read at on the most probable path (Viterbi) that reads {@code digits}: per digit
     * {first, last} step, or null when the steps are too few to hold the digits.
     */
    public static int[][] alignment(float[][] logProbabilities, String digits) {
        int n = digits.length(), states = 2 * n + 1, steps = logProbabilities.length;
        if (steps == 0) {
            return n == 0 ? new int[0][] : null;
        }
        // State s: even s is a blank, odd s the digit (s - 1) / 2, as in CtcScore's recursion.
        int[] label = new int[states];
        for (int s = 0; s < states; s++) {
            label[s] = s % 2 == 0 ? CtcScore.BLANK : digits.charAt(s / 2) - '0';
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

    private static Map<String, double[]> prune(Map<String, double[]> next, int beam) {
        if (next.size() <= beam) {
            return next;
        }
        List<Map.Entry<String, double[]>> entries = new ArrayList<>(next.entrySet());
        entries.sort(ORDER.reversed());
        Map<String, double[]> kept = new HashMap<>();
        for (Map.Entry<String, double[]> e : entries.subList(0, beam)) {
            kept.put(e.getKey(), e.getValue());
        }
        return kept;
    }

    private static void add(Map<String, double[]> next, String prefix, int ending, double logProbability) {
        double[] p = next.computeIfAbsent(prefix, k -> new double[] {Double.NEGATIVE_INFINITY,
            Double.NEGATIVE_INFINITY});
        p[ending] = CtcScore.logAdd(p[ending], logProbability);
    }
}
