package io.mathsketch.engine.expression;

/**
 * A read expression that has no value: why ({@link Kind}) and at which symbol (0-based, or the symbol count when
 * the expression ends too early), so that a page can point at the place.
 */
public final class ExpressionException extends Exception {

    /** The ways an expression can be wrong; each becomes one problem type. */
    public enum Kind {
        EMPTY, UNKNOWN_SYMBOL, UNBALANCED_PARENTHESES, DANGLING_OPERATOR, MISSING_OPERATOR, MISPLACED_EQUALS, MALFORMED_NUMBER, DIVISION_BY_ZERO,
        NUMBER_TOO_LARGE, TOO_DEEP
    }

    private final Kind kind;
    private final int position;

    public ExpressionException(Kind kind, int position, String message) {
        super(message);
        this.kind = kind;
        this.position = position;
    }

    public Kind kind() {
        return kind;
    }

    public int position() {
        return position;
    }
}
