package io.mathsketch.engine.expression;

import java.util.Optional;

/**
 * The eighteen symbols an expression is written with: ten digits, six operators and signs, two parentheses and the
 * decimal point. The declaration order is the label order of a symbol model's manifest.
 */
public enum Symbol {

    ZERO("0", "0"), ONE("1", "1"), TWO("2", "2"), THREE("3", "3"), FOUR("4", "4"),
    FIVE("5", "5"), SIX("6", "6"), SEVEN("7", "7"), EIGHT("8", "8"), NINE("9", "9"),
    PLUS("+", "+"), MINUS("−", "-"), TIMES("×", "\\times "), DIVIDE("÷", "\\div "), EQUALS("=", "="),
    LEFT_PAREN("(", "("), RIGHT_PAREN(")", ")"), POINT(".", ".");

    private final String text;
    private final String latex;

    Symbol(String text, String latex) {
        this.text = text;
        this.latex = latex;
    }

    /** The symbol in plain text, as the response's {@code text} writes it ({@code −}, {@code ×}, {@code ÷}). */
    public String text() {
        return text;
    }

    /** The symbol as LaTeX source. */
    public String latex() {
        return latex;
    }

    public boolean isDigit() {
        return ordinal() <= NINE.ordinal();
    }

    /** The digit's value; only for digits. */
    public int digitValue() {
        if (!isDigit()) {
            throw new IllegalStateException(this + " is not a digit");
        }
        return ordinal();
    }

    /** The digit symbol of {@code value} (0-9). */
    public static Symbol digit(int value) {
        if (value < 0 || value > 9) {
            throw new IllegalArgumentException("not a digit: " + value);
        }
        return values()[value];
    }

    /**
     * {@code text} in the symbols' own characters ({@code "12+7x3="} becomes {@code "12+7×3="}), white space dropped;
     * empty when a character is not an arithmetic symbol.
     */
    public static Optional<String> canonical(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            Optional<Symbol> symbol = of(c);
            if (symbol.isEmpty()) {
                return Optional.empty();
            }
            out.append(symbol.get().text());
        }
        return Optional.of(out.toString());
    }

    /**
     * The symbol a typed or model-read character stands for. Besides each symbol's own character this accepts what
     * people also write: {@code /} and {@code :} for division, {@code ·}, {@code *}, {@code x} and {@code X} for
     * multiplication, the ASCII hyphen and the en dash for minus, and a comma as the decimal point.
     */
    public static Optional<Symbol> of(char c) {
        return Optional.ofNullable(switch (c) {
            case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> digit(c - '0');
            case '+' -> PLUS;
            case '−', '-', '–' -> MINUS;
            case '×', '·', '*', 'x', 'X', '⋅' -> TIMES;
            case '÷', '/', ':' -> DIVIDE;
            case '=' -> EQUALS;
            case '(' -> LEFT_PAREN;
            case ')' -> RIGHT_PAREN;
            case '.', ',' -> POINT;
            default -> null;
        });
    }
}
