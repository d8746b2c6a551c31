package io.mathsketch.corpus.symbols;

import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.Ink;
import java.util.List;

/** A generated handwritten expression: its symbols left to right, and the ink that writes them. */
public record HandwrittenExpression(List<WrittenSymbol> symbols, Ink ink) {

    public HandwrittenExpression {
        symbols = List.copyOf(symbols);
    }

    /** The symbols a reader should answer. */
    public List<Symbol> truth() {
        return symbols.stream().map(WrittenSymbol::symbol).toList();
    }

    /** The expression in plain characters, as the API's {@code text} writes it. */
    public String text() {
        StringBuilder out = new StringBuilder();
        symbols.forEach(s -> out.append(s.symbol().text()));
        return out.toString();
    }
}
