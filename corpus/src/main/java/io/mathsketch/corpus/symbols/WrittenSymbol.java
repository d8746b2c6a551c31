package io.mathsketch.corpus.symbols;

import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.Box;

/**
 * One symbol of a generated expression: what it is, how it was written, the box it was written into and how many of
 * the expression's strokes (the next ones, in drawing order) write it, so that a tool can tell which ink is whose.
 */
public record WrittenSymbol(Symbol symbol, String style, Box box, int strokes) {
}
