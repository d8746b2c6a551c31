package io.mathsketch.training.styles;

import io.mathsketch.corpus.hand.DigitStyle;
import java.util.Locale;

/** Markdown tables of per-style results, for model cards and the README. */
public final class StyleTable {

    private StyleTable() {
    }

    /** One row per style: description, digit, whether MNIST lacks it, canvas, paper crop, both, errors. */
    public static String markdown(StyleAccuracy a) {
        StringBuilder md = new StringBuilder();
        md.append("| Style | Digit | MNIST lacks it | Canvas | Paper crop | Both | Correct |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (DigitStyle s : DigitStyle.values()) {
            if (a.total(s) == 0) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | **%s** | %d / %d |%n", s.description(),
                    s.digit(), s.mnistLacks() ? "yes" : "", percent(a.accuracy(s, RenderPath.CANVAS)),
                    percent(a.accuracy(s, RenderPath.PAPER)), percent(a.accuracy(s)), a.correct(s), a.total(s)));
        }
        md.append(String.format(Locale.ROOT, "| **all styles** | | | %s | %s | **%s** | %d / %d |%n",
                percent(a.accuracy(RenderPath.CANVAS)), percent(a.accuracy(RenderPath.PAPER)),
                percent(a.accuracy()), Math.round(a.accuracy() * a.total()), a.total()));
        return md.toString();
    }

    /** Old vs new per style. */
    public static String comparison(StyleAccuracy before, StyleAccuracy after) {
        StringBuilder md = new StringBuilder();
        md.append("| Style | Before | After | Change |\n|---|---|---|---|\n");
        for (DigitStyle s : DigitStyle.values()) {
            if (after.total(s) == 0) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %+.2f |%n", s.description(),
                    percent(before.accuracy(s)), percent(after.accuracy(s)),
                    100 * (after.accuracy(s) - before.accuracy(s))));
        }
        return md.toString();
    }

    public static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * value);
    }
}
