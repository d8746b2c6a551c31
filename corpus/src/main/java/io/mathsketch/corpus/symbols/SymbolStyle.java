package io.mathsketch.corpus.symbols;

import io.mathsketch.corpus.hand.Glyph;
import io.mathsketch.engine.expression.Symbol;
import java.util.Arrays;
import java.util.List;

/**
 * The ways of writing each symbol other than a digit: the textbook operators, and what people also write
 * ({@code x} and {@code ·} for multiplication, {@code /} for division). Digits are drawn by
 * {@link io.mathsketch.corpus.hand.DigitStyle}.
 */
public enum SymbolStyle {

    PLUS(Symbol.PLUS, "plus", SymbolGlyphs::plus),
    MINUS(Symbol.MINUS, "minus bar", SymbolGlyphs::minus),
    TIMES_CROSS(Symbol.TIMES, "times cross ×", SymbolGlyphs::times),
    TIMES_LETTER_X(Symbol.TIMES, "times written as x", SymbolGlyphs::timesLetterX),
    TIMES_DOT(Symbol.TIMES, "times as a raised dot ·", SymbolGlyphs::timesDot),
    DIVIDE_OBELUS(Symbol.DIVIDE, "obelus ÷", SymbolGlyphs::divide),
    DIVIDE_SLASH(Symbol.DIVIDE, "division slash /", SymbolGlyphs::divideSlash),
    EQUALS(Symbol.EQUALS, "equals", SymbolGlyphs::equals),
    LEFT_PARENTHESIS(Symbol.LEFT_PAREN, "left parenthesis", SymbolGlyphs::leftParenthesis),
    RIGHT_PARENTHESIS(Symbol.RIGHT_PAREN, "right parenthesis", SymbolGlyphs::rightParenthesis),
    POINT(Symbol.POINT, "decimal point", SymbolGlyphs::point);

    private final Symbol symbol;
    private final String description;
    private final Glyph glyph;

    SymbolStyle(Symbol symbol, String description, Glyph glyph) {
        this.symbol = symbol;
        this.description = description;
        this.glyph = glyph;
    }

    /** The symbol a reader should answer. */
    public Symbol symbol() {
        return symbol;
    }

    public String description() {
        return description;
    }

    public Glyph glyph() {
        return glyph;
    }

    /** The styles of one symbol, in declaration order (none for digits). */
    public static List<SymbolStyle> of(Symbol symbol) {
        return Arrays.stream(values()).filter(s -> s.symbol == symbol).toList();
    }
}
