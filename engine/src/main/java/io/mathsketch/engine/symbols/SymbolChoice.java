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
        double allowedMass = 0;
        for (int i = 0; i < probabilities.length; i++) {
            if (allowed.contains(labelSymbols.get(i))) {
                allowedMass += probabilities[i];
                if (best < 0 || probabilities[i] > probabilities[best]) {
                    best = i;
                }
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("the model has no label for any of " + allowed);
        }
        float confidence = allowedMass > 0 ? (float) (probabilities[best] / allowedMass) : 1f / allowed.size();
        return new Choice(labelSymbols.get(best), best, confidence);
    }
}
