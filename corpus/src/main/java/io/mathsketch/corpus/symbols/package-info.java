/**
 * Handwritten arithmetic for tests and training: stroke models of the operators, parentheses and the decimal point
 * in the ways people write them ({@link io.mathsketch.corpus.symbols.SymbolStyle}), drawn by the same varied hand as
 * the digits, and whole expressions laid out left to right with their exact text
 * ({@link io.mathsketch.corpus.symbols.ExpressionWriter}).
 */
package io.mathsketch.corpus.symbols;
