package io.mathsketch.engine.symbols;

import io.mathsketch.engine.expression.Symbol;
import java.util.List;
import java.util.Set;

/**
 * Chooses each symbol of a line from what the symbol model says and what {@link SymbolGeometry} allows: the most
 * probable allowed symbol, its confidence the model's probability renormalised over the allowed symbols (1 when the
 * geometry leaves a single one).
 */
public final class SymbolChoice {

    private final List<Symbol> labelSymbols;

    /**
     * @param labels the symbol model's labels in output order, each one symbol's character ("0".."9", "+", "−", ...)
     * @throws IllegalArgumentException when a label names no symbol, or a symbol has no label
     */
    public SymbolChoice(List<String> labels) {
        this.labelSymbols = labels.stream().map(label -> {
            if (label.length() != 1) {
                throw new IllegalArgumentException("label '" + label + "' is not one symbol");
            }
            return Symbol.of(label.charAt(0))
                    .orElseThrow(() -> new IllegalArgumentException("label '" + label + "' is not a symbol"));
        }).toList();
        for (Symbol symbol : Symbol.values()) {
            if (!labelSymbols.contains(symbol)) {
                throw new IllegalArgumentException("no label reads '" + symbol.text() + "'");
            }
        }
    }

    /** A chosen symbol with its confidence. */
    public record Choice(Symbol symbol, int labelIndex, float confidence) {
    }

    /** The choice for one group, from the model's {@code probabilities} (in label order) and the allowed set. */
    public Choice choose(float[] probabilities, Set<Symbol> allowed) {
        int best = -1;
        for (int i = 0; i < probabilities.length; i++) {
            if (allowed.contains(labelSymbols.get(i)) && (best < 0 || probabilities[i] > probabilities[best])) {
                best = i;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("the model has no label for any of " + allowed);
        }
        return choose(probabilities, allowed, labelSymbols.get(best));
    }

    /**
     * The group read as {@code symbol} (one of {@code allowed}, which the line's context chose, not necessarily the
     * model's first choice), its confidence the model's probability for it renormalised over the allowed set.
     */
    public Choice choose(float[] probabilities, Set<Symbol> allowed, Symbol symbol) {
        if (!allowed.contains(symbol)) {
            throw new IllegalArgumentException(symbol + " is not among " + allowed);
        }
        int index = labelIndex(symbol);
        double allowedMass = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (allowed.contains(labelSymbols.get(i))) {
                allowedMass += probabilities[i];
            }
        }
        float confidence = allowedMass > 0 ? (float) (probabilities[index] / allowedMass) : 1f / allowed.size();
        return new Choice(symbol, index, confidence);
    }

    /**
     * The symbol model's reading with its digits told apart by a digit model: the symbol model says how likely the
     * candidate is a digit at all (its digits' total), the digit model which digit. The symbol model learned its
     * digits from MNIST alone, the digit model also from drawings of the world's digit styles (a continental 1 the
     * symbol model reads as 7); on the training hand's lines this took exact readings from 75 % to 91 %
     * ({@code SymbolLatticeTuning}).
     *
     * @param probabilities the symbol model's output, in its label order
     * @param digits a digit model's output for the same input, digits 0-9 in order
     */
    public float[] withDigitsFrom(float[] probabilities, float[] digits) {
        if (digits.length != 10) {
            throw new IllegalArgumentException("a digit model reads 10 digits, not " + digits.length);
        }
        float[] out = probabilities.clone();
        double mass = 0, total = 0;
        for (int d = 0; d < 10; d++) {
            mass += probabilities[labelIndex(Symbol.digit(d))];
            total += digits[d];
        }
        for (int d = 0; d < 10; d++) {
            out[labelIndex(Symbol.digit(d))] = total > 0 ? (float) (mass * digits[d] / total) : 0f;
        }
        return out;
    }

    /**
     * The reading weighed by number mode's digit verifier: each digit's probability times the verifier's probability
     * that the candidate is that one whole digit (not a fragment of one, two touching ones or a sliver), so that a
     * piece of a digit, or two digits in one box, which the symbol and digit models read confidently all the same,
     * loses to the grouping that makes whole digits. Symbols other than digits are left as they are: the verifier
     * knows only digits. The result is a score per symbol, no longer summing to 1: normalising it would hand a
     * fragment's lost digit mass to the operators. On the wide tuning hand's lines ({@code ExpressionMissTuning})
     * this read 259 of 300 exactly instead of 242.
     *
     * @param probabilities the reading, in the symbol model's label order
     * @param verifier the verifier's output for the same input: digits 0-9 in order, then "not one whole digit"
     */
    public float[] weighedBy(float[] probabilities, float[] verifier) {
        if (verifier.length != 11) {
            throw new IllegalArgumentException("a digit verifier reads 10 digits and none, not " + verifier.length);
        }
        float[] out = probabilities.clone();
        for (int d = 0; d < 10; d++) {
            int i = labelIndex(Symbol.digit(d));
            out[i] = probabilities[i] * verifier[d];
        }
        return out;
    }

    /** The index of {@code symbol}'s label in the model's output. */
    public int labelIndex(Symbol symbol) {
        return labelSymbols.indexOf(symbol);
    }
}
