package io.mathsketch.training.styles;

import ai.djl.Model;
import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.training.Evaluator;
import java.util.List;

/**
 * A classifier's results on generated drawings, per style and per render path: correct and total counts, indexed
 * by {@link DigitStyle#ordinal()} and {@link RenderPath#ordinal()}.
 */
public record StyleAccuracy(long[][] correctCounts, long[][] totalCounts) {

    private static final int BATCH = 500;

    /** Runs {@code model} (inference mode) over {@code samples}. */
    public static StyleAccuracy measure(Evaluator evaluator, Model model, List<StyledSample> samples) {
        long[][] correct = new long[DigitStyle.values().length][RenderPath.values().length];
        long[][] total = new long[DigitStyle.values().length][RenderPath.values().length];
        for (int start = 0; start < samples.size(); start += BATCH) {
            int size = Math.min(BATCH, samples.size() - start);
            float[][] logits = evaluator.logits(model, i -> samples.get(i).digit(), start, size);
            for (int i = 0; i < size; i++) {
                StyledSample s = samples.get(start + i);
                total[s.style().ordinal()][s.path().ordinal()]++;
                if (Evaluator.argMax(logits[i]) == s.label()) {
                    correct[s.style().ordinal()][s.path().ordinal()]++;
                }
            }
        }
        return new StyleAccuracy(correct, total);
    }

    public double accuracy() {
        return ratio(sum(correctCounts, -1, -1), sum(totalCounts, -1, -1));
    }

    public double accuracy(DigitStyle style) {
        return ratio(sum(correctCounts, style.ordinal(), -1), sum(totalCounts, style.ordinal(), -1));
    }

    public double accuracy(RenderPath path) {
        return ratio(sum(correctCounts, -1, path.ordinal()), sum(totalCounts, -1, path.ordinal()));
    }

    public double accuracy(DigitStyle style, RenderPath path) {
        return ratio(correctCounts[style.ordinal()][path.ordinal()], totalCounts[style.ordinal()][path.ordinal()]);
    }

    public long total() {
        return sum(totalCounts, -1, -1);
    }

    public long total(DigitStyle style) {
        return sum(totalCounts, style.ordinal(), -1);
    }

    public long correct(DigitStyle style) {
        return sum(correctCounts, style.ordinal(), -1);
    }

    /** The style read worst (the first of equals). */
    public DigitStyle weakest() {
        DigitStyle worst = DigitStyle.values()[0];
        for (DigitStyle s : DigitStyle.values()) {
            if (total(s) > 0 && (total(worst) == 0 || accuracy(s) < accuracy(worst))) {
                worst = s;
            }
        }
        return worst;
    }

    private static long sum(long[][] counts, int style, int path) {
        long n = 0;
        for (int s = 0; s < counts.length; s++) {
            for (int p = 0; p < counts[s].length; p++) {
                if ((style < 0 || s == style) && (path < 0 || p == path)) {
                    n += counts[s][p];
                }
            }
        }
        return n;
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
