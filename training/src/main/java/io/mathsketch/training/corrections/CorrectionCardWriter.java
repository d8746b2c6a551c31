package io.mathsketch.training.corrections;

import io.mathsketch.training.ConsoleProgress;
import io.mathsketch.training.EpochResult;
import io.mathsketch.training.Evaluation;
import io.mathsketch.training.styles.FixedTestSets;
import io.mathsketch.training.styles.RenderPath;
import io.mathsketch.training.styles.StyleTable;
import java.util.Locale;
import java.util.Map;

/** The model card of a version learnt from corrections: what it learnt from, and old against new on every set. */
public final class CorrectionCardWriter {

    /**
     * @param source   the database as shown (no password)
     * @param options  the round's settings
     * @param outcome  the round's results
     * @param seconds  fine-tuning wall time
     * @param mnistImages MNIST training digits in the mixture
     */
    public String markdown(String source, LearnOptions options, CorrectionLoop.Outcome outcome, double seconds,
                           int mnistImages, int styledImages, FixedTestSets fixed, String date) {
        StringBuilder md = new StringBuilder();
        String name = outcome.base().name();
        line(md, "# Model card: %s %s", name, outcome.newVersion());
        line(md, "");
        line(md, "%s %s fine-tuned on the corrections its users sent (learning from corrections), %s (UTC). %s",
                name, outcome.base().version(), date, outcome.accepted()
                        ? "Written because no fixed test set got worse by more than 0.1 point."
                        : "REFUSED: a fixed test set got worse by more than 0.1 point; this card is the report only.");
        line(md, "");
        line(md, "## Old and new");
        line(md, "");
        line(md, "| Test set | %s %s | %s %s | Change (points) | Gate (no drop > 0.1 point) |", name,
                outcome.base().version(), name, outcome.newVersion());
        line(md, "|---|---|---|---|---|");
        for (CorrectionLoop.Comparison c : outcome.comparisons()) {
            line(md, "| %s | %s | %s | %+.2f | %s |", c.set(), StyleTable.percent(c.before()),
                    StyleTable.percent(c.after()), 100 * c.change(), c.worse() ? "**worse**" : "kept");
        }
        for (RenderPath path : RenderPath.values()) {
            line(md, "| held-out styles, %s | %s | %s | %+.2f | (part of the above) |", path.description(),
                    StyleTable.percent(outcome.before().styles().accuracy(path)),
                    StyleTable.percent(outcome.after().styles().accuracy(path)),
                    100 * (outcome.after().styles().accuracy(path) - outcome.before().styles().accuracy(path)));
        }
        if (outcome.correctionsBefore().isPresent()) {
            Evaluation b = outcome.correctionsBefore().get(), a = outcome.correctionsAfter().orElseThrow();
            line(md, "| held-out corrections (%,d, never trained on) | %s | %s | %+.2f | not gated |", a.total(),
                    StyleTable.percent(b.accuracy()), StyleTable.percent(a.accuracy()),
                    100 * (a.accuracy() - b.accuracy()));
        } else {
            line(md, "| held-out corrections | none held out | | | |");
        }
        line(md, "| corrections trained on (%,d) | %s | %s | %+.2f | not gated |",
                outcome.trainingCorrectionsAfter().total(),
                StyleTable.percent(outcome.trainingCorrectionsBefore().accuracy()),
                StyleTable.percent(outcome.trainingCorrectionsAfter().accuracy()),
                100 * (outcome.trainingCorrectionsAfter().accuracy() - outcome.trainingCorrectionsBefore().accuracy()));
        line(md, "");
        line(md, "Sets: %s; %s.", fixed.mnistName(), fixed.heldOutName());
        line(md, "");
        line(md, "Per style (held-out drawings):");
        line(md, "");
        md.append(StyleTable.comparison(outcome.before().styles(), outcome.after().styles()));
        line(md, "");
        line(md, "## What it learnt from");
        line(md, "");
        line(md, "- Corrections: exported read-only from `%s` (recognitions whose feedback label differs from the "
                + "answer; in number mode one per differing digit): %,d, of which %,d held out by recognition id "
                + "(%.0f%%) and %,d for training.", source, outcome.split().train().size()
                + outcome.split().heldOut().size(), outcome.split().heldOut().size(), 100 * options.heldOutShare(),
                outcome.split().train().size());
        CorrectionSet all = new CorrectionSet(java.util.stream.Stream.concat(
                outcome.split().train().corrections().stream(), outcome.split().heldOut().corrections().stream())
                .toList());
        for (Map.Entry<String, Integer> e : all.byModel().entrySet()) {
            line(md, "  - wrong model %s: %,d", e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Integer> e : all.byConfusion().entrySet()) {
            line(md, "  - %s: %,d", e.getKey(), e.getValue());
        }
        line(md, "- Mixture per epoch (%,d images): %,d MNIST training digits, %,d style variants "
                + "(HandConfig.TRAINING, %.0f%% paper crops), and %,d training corrections x %d copies "
                + "(weight %d, capped at %.0f%% of the mixture: %.1f%%), each copy augmented afresh.",
                outcome.mixtureImages(), mnistImages, styledImages, 100 * options.paperShare(),
                outcome.mixture().used(), outcome.mixture().copies(), options.correctionWeight(),
                100 * options.maxCorrectionShare(), 100 * outcome.mixture().share());
        line(md, "- The exported training set (inputs, labels, model version that was wrong) is in `%s`.",
                options.exportTo());
        line(md, "- MNIST by LeCun, Cortes and Burges (CC BY-SA 3.0); style variants generated by this repository's "
                + "code; corrections are the service's users' data.");
        line(md, "");
        line(md, "## Fine-tuning");
        line(md, "");
        line(md, "- From the parameters of %s %s; Adam, peak learning rate %s, warm-up + cosine; %d epoch(s); batch "
                + "%d; seed %d; %d PyTorch thread(s); wall time %s on this machine.", name, outcome.base().version(),
                options.learningRate(), options.epochs(), 128, options.seed(), options.threads(),
                ConsoleProgress.format(seconds));
        for (EpochResult e : outcome.epochs()) {
            line(md, "- Epoch %d: train loss %.4f, train accuracy %.2f%%, MNIST test %.2f%%.", e.epoch(),
                    e.trainLoss(), 100 * e.trainAccuracy(), 100 * e.testAccuracy());
        }
        line(md, "");
        line(md, "## Deploy");
        line(md, "");
        line(md, "Copy this folder's files over the served `models/%s/` (the manifest names version %s) and call "
                + "`POST /api/v1/models/%s/reload` with the admin token; in-flight requests finish on the old version.",
                name, outcome.newVersion(), name);
        return md.toString();
    }

    private static void line(StringBuilder md, String format, Object... args) {
        md.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
