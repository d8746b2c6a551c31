package io.mathsketch.engine.number;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decoder against brute force: every path of a few steps enumerated, collapsed and summed or maximised. */
class CtcDecoderTest {

    @Test
    void aBeamThatHoldsEveryPrefixFindsTheMostProbableDigits() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            float[][] steps = randomSteps(random, 4, 1);
            assertEquals(bruteForceBest(steps), CtcDecoder.bestLabelling(steps, 100_000), "trial " + trial);
        }
    }

    @Test
    void theServingBeamFindsTheMostProbableDigitsOfAConfidentReaderAndNeverLessThanTheBestPath() {
        // Peaked like a trained reader's output: a few labels likely at each step. Pruned to the serving beam, the
        // search may miss the best reading when two are nearly as likely; it must not miss it often, and never read
        // less likely digits than the best path's.
        Random random = new Random(12);
        int found = 0, trials = 40;
        for (int trial = 0; trial < trials; trial++) {
            float[][] steps = randomSteps(random, 5, 4);
            String read = CtcDecoder.bestLabelling(steps, CtcDecoder.BEAM);
            found += read.equals(bruteForceBest(steps)) ? 1 : 0;
            assertTrue(CtcScore.logProbability(steps, read)
                    >= CtcScore.logProbability(steps, CtcScore.bestPath(steps, null)) - 1e-9, "trial " + trial);
        }
        assertTrue(found >= trials * 9 / 10, found + " of " + trials);
    }

    @Test
    void theBeamSumsAlignmentsWhereTheBestPathDoesNot() {
        // Each step is 0.4 blank and 0.3 a 7 or a 2: the best path reads nothing, but "7" or "2" spread over the
        // steps is likelier than no digit at all.
        float[][] steps = new float[3][CtcScore.CLASSES];
        for (float[] row : steps) {
            java.util.Arrays.fill(row, -30);
            row[CtcScore.BLANK] = (float) Math.log(0.4);
            row[7] = (float) Math.log(0.35);
            row[2] = (float) Math.log(0.25);
        }
        assertEquals("", CtcScore.bestPath(steps, null));
        String read = CtcDecoder.bestLabelling(steps, CtcDecoder.BEAM);
        assertEquals(bruteForceBest(steps), read);
        assertTrue(CtcScore.logProbability(steps, read) > CtcScore.logProbability(steps, ""), read);
    }

    @Test
    void theAlignmentIsTheMostProbablePathThatReadsTheDigits() {
        Random random = new Random(13);
        String[] readings = {"", "3", "33", "31", "310", "1"};
        for (int trial = 0; trial < 24; trial++) {
            float[][] steps = randomSteps(random, 5, 1 + trial % 3);
            String digits = readings[trial % readings.length];
            assertArrayEquals(bruteForceSpans(steps, digits), CtcDecoder.alignment(steps, digits),
                    "trial " + trial + " " + digits);
        }
    }

    @Test
    void digitsTheStepsCannotHoldHaveNoAlignment() {
        float[][] steps = randomSteps(new Random(14), 2, 1);
        assertNull(CtcDecoder.alignment(steps, "11"));
        assertNull(CtcDecoder.alignment(steps, "123"));
        assertEquals(2, CtcDecoder.alignment(steps, "12").length);
    }

    @Test
    void onlyDigitsAreAligned() {
        // ':' is the character after '9': read as a label it would be the blank's, and 'a' no label at all.
        float[][] steps = randomSteps(new Random(15), 4, 1);
        for (String digits : new String[] {"1:", "a", "1 2"}) {
            assertThrows(IllegalArgumentException.class, () -> CtcDecoder.alignment(steps, digits), digits);
        }
    }

    @Test
    void aBeamKeepsAtLeastOnePrefix() {
        float[][] steps = randomSteps(new Random(16), 3, 1);
        assertThrows(IllegalArgumentException.class, () -> CtcDecoder.bestLabelling(steps, 0));
    }

    /** Log-softmax of normal logits times {@code sharpness}. */
    private static float[][] randomSteps(Random random, int count, double sharpness) {
        float[][] logits = new float[count][CtcScore.CLASSES];
        for (float[] row : logits) {
            for (int c = 0; c < row.length; c++) {
                row[c] = (float) (random.nextGaussian() * sharpness);
            }
        }
        return CtcScore.logSoftmax(logits);
    }

    private static String bruteForceBest(float[][] steps) {
        Map<String, Double> total = new HashMap<>();
        forEachPath(steps, (path, logP) -> total.merge(collapse(path), Math.exp(logP), Double::sum));
        return total.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    private static int[][] bruteForceSpans(float[][] steps, String digits) {
        int[][][] best = {null};
        double[] bestLogP = {Double.NEGATIVE_INFINITY};
        forEachPath(steps, (path, logP) -> {
            if (logP > bestLogP[0] && collapse(path).equals(digits)) {
                bestLogP[0] = logP;
                best[0] = spans(path, digits.length());
            }
        });
        return best[0];
    }

    /** Per digit of the path's reading, the first and last step of the run that emits it. */
    private static int[][] spans(int[] path, int digits) {
        int[][] spans = new int[digits][];
        int d = -1, previous = CtcScore.BLANK;
        for (int t = 0; t < path.length; t++) {
            if (path[t] != CtcScore.BLANK && path[t] != previous) {
                spans[++d] = new int[] {t, t};
            } else if (path[t] != CtcScore.BLANK) {
                spans[d][1] = t;
            }
            previous = path[t];
        }
        return spans;
    }

    private static String collapse(int[] path) {
        StringBuilder b = new StringBuilder();
        int previous = CtcScore.BLANK;
        for (int label : path) {
            if (label != CtcScore.BLANK && label != previous) {
                b.append(label);
            }
            previous = label;
        }
        return b.toString();
    }

    private interface PathVisitor {
        void visit(int[] path, double logProbability);
    }

    private static void forEachPath(float[][] steps, PathVisitor visitor) {
        int[] path = new int[steps.length];
        long count = (long) Math.pow(CtcScore.CLASSES, steps.length);
        for (long code = 0; code < count; code++) {
            long rest = code;
            double logP = 0;
            for (int t = 0; t < path.length; t++) {
                path[t] = (int) (rest % CtcScore.CLASSES);
                rest /= CtcScore.CLASSES;
                logP += steps[t][path[t]];
            }
            visitor.visit(path, logP);
        }
    }
}
