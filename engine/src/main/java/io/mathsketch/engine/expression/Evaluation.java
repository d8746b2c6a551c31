package io.mathsketch.engine.expression;

import java.util.List;
import java.util.Optional;

/**
 * What an expression says and is worth. {@code value} is the left-hand side's exact value; for an equation
 * ({@code 7 × 3 = 21}) {@code holds} tells whether both sides are equal.
 */
public record Evaluation(List<Symbol> symbols, Form form, Rational value, Optional<Boolean> holds) {

    /** How the expression was written. */
    public enum Form {
        /** {@code 12 + 7 × 3}: a value without an equals sign. */
        EXPRESSION,
        /** {@code 12 + 7 × 3 =}: a trailing equals sign asks for the value. */
        QUESTION,
        /** {@code 7 × 3 = 21}: both sides given, checked. */
        EQUATION
    }

    public Evaluation {
        symbols = List.copyOf(symbols);
    }

    /** The expression in plain characters, as read: {@code 12+7×3=}. */
    public String text() {
        StringBuilder out = new StringBuilder();
        symbols.forEach(s -> out.append(s.text()));
        return out.toString();
    }

    /** The expression as LaTeX source: {@code 12+7\times 3=}. */
    public String latex() {
        StringBuilder out = new StringBuilder();
        symbols.forEach(s -> out.append(s.latex()));
        return out.toString().strip();
    }
}
