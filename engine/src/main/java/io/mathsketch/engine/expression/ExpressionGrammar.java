package io.mathsketch.engine.expression;

import java.util.Optional;

/**
 * {@link ExpressionParser}'s grammar as a finite automaton read one symbol at a time, so that a reading of
 * handwriting can prefer lines that have a value: a parenthesis must be closed, an operator must stand between
 * operands, a point must be followed by a digit, there is at most one {@code =}. A sequence of symbols reaches an
 * accepting state exactly when the parser finds no fault in its form (the parser alone still reports division by
 * zero and numbers that are too large). Thread-safe and stateless.
 */
public final class ExpressionGrammar {

    /** Where a reading is in the grammar. */
    public enum Phase {
        /** An operand must come: at the start, after an operator, a sign or {@code (}. */
        OPERAND,
        /** After a digit of a number. */
        NUMBER,
        /** After a decimal point: a digit must come. */
        POINT,
        /** After {@code )}. */
        CLOSED,
        /** After {@code =}: the line may end, or the other side follow. */
        EQUALS
    }

    /**
     * One state of the automaton.
     *
     * @param depth parentheses open
     * @param equals whether {@code =} has been read
     * @param point whether the number being read has its point
     * @param digits the digits of the number being read so far, counted up to {@link #COUNTED_DIGITS}
     */
    public record State(Phase phase, int depth, boolean equals, boolean point, int digits) {

        /** Whether an operand must come next (a {@code +} or {@code −} here is a sign, not an operator). */
        public boolean expectsOperand() {
            return phase == Phase.OPERAND || phase == Phase.EQUALS;
        }
    }

    /** Digits of a number are counted up to this many (a reading may weigh long numbers; the form does not). */
    public static final int COUNTED_DIGITS = 8;

    /** The state before the first symbol. */
    public State start() {
        return new State(Phase.OPERAND, 0, false, false, 0);
    }

    /** Whether a line may end in {@code state}. */
    public boolean accepts(State state) {
        return state.depth() == 0 && (state.phase() == Phase.NUMBER || state.phase() == Phase.CLOSED
                || state.phase() == Phase.EQUALS);
    }

    /** The state after reading {@code symbol} in {@code state}; empty when the grammar does not allow it there. */
    public Optional<State> next(State state, Symbol symbol) {
        int depth = state.depth();
        boolean equals = state.equals();
        int digits = Math.min(COUNTED_DIGITS, state.digits() + 1);
        State next = switch (state.phase()) {
            case OPERAND, EQUALS -> switch (symbol) {
                case PLUS, MINUS -> new State(Phase.OPERAND, depth, equals, false, 0);
                case LEFT_PAREN -> open(state);
                case POINT -> new State(Phase.POINT, depth, equals, true, 0);
                case TIMES, DIVIDE, EQUALS, RIGHT_PAREN -> null;
                default -> new State(Phase.NUMBER, depth, equals, false, 1);
            };
            case POINT -> symbol.isDigit() ? new State(Phase.NUMBER, depth, equals, true, digits) : null;
            case NUMBER, CLOSED -> switch (symbol) {
                case PLUS, MINUS, TIMES, DIVIDE -> new State(Phase.OPERAND, depth, equals, false, 0);
                case LEFT_PAREN -> open(state); // 2(3+4): implicit multiplication
                case RIGHT_PAREN -> depth > 0 ? new State(Phase.CLOSED, depth - 1, equals, false, 0) : null;
                case EQUALS -> depth == 0 && !equals ? new State(Phase.EQUALS, 0, true, false, 0) : null;
                case POINT -> state.phase() == Phase.NUMBER && !state.point()
                        ? new State(Phase.POINT, depth, equals, true, state.digits()) : null;
                default -> state.phase() == Phase.NUMBER
                        ? new State(Phase.NUMBER, depth, equals, state.point(), digits) : null;
            };
        };
        return Optional.ofNullable(next);
    }

    private static State open(State state) {
        return state.depth() < ExpressionParser.MAX_NESTING
                ? new State(Phase.OPERAND, state.depth() + 1, state.equals(), false, 0) : null;
    }
}
