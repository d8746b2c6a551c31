package io.mathsketch.corpus.symbols;

import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.Box;

/** One symbol of a generated expression: what it is, how it was written, and the box it was written into. */
public record WrittenSymbol(Symbol symbol, String style, Box box) {
}
