package io.mathsketch.engine.expression;

import io.mathsketch.engine.expression.ExpressionException.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recursive-descent parser and exact evaluator for read arithmetic:
 * <pre>
 * statement := sum [ '=' [ sum ] ]
 * sum       := product { ('+' | '−') product }
 * product   := signed { ('×' | '÷') signed | '(' sum ')' }      (a parenthesis right after a factor multiplies)
 * signed    := { '−' | '+' } primary
 * primary   := number | '(' sum ')'
 * number    := digit { digit } [ '.' digit { digit } ]  |  '.' digit { digit }
 * </pre>
 * Usual precedence, left to right. The sizes of literals, values and nesting are bounded so that no input can make
 * the work or the numbers grow without limit. Thread-safe: each call parses on its own cursor.
 */
public final class ExpressionParser {

    /** Digits in one number literal. */
    public static final int MAX_LITERAL_DIGITS = 30;
    /** Bits of any intermediate numerator or denominator (about 300 decimal digits). */
    public static final int MAX_VALUE_BITS = 1000;
    /** Parentheses nested inside each other. */
    public static final int MAX_NESTING = 32;

    /** Parses and evaluates {@code symbols}. */
    public Evaluation evaluate(List<Symbol> symbols) throws ExpressionException {
        return new Cursor(List.copyOf(symbols)).statement();
    }

    /** Parses and evaluates typed text such as {@code "12+7x3="}, skipping white space. */
    public Evaluation evaluate(String text) throws ExpressionException {
        List<Symbol> symbols = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                continue;
            }
            int position = symbols.size();
            symbols.add(Symbol.of(c).orElseThrow(() -> new ExpressionException(Kind.UNKNOWN_SYMBOL, position,
                    "'" + c + "' is not an arithmetic symbol")));
        }
        return evaluate(symbols);
    }

    private static final class Cursor {
        private final List<Symbol> symbols;
        private int next;
        private int depth;

        Cursor(List<Symbol> symbols) {
            this.symbols = symbols;
        }

        Evaluation statement() throws ExpressionException {
            if (symbols.isEmpty()) {
                throw new ExpressionException(Kind.EMPTY, 0, "no symbols were read");
            }
            if (peek() == Symbol.EQUALS) {
                throw new ExpressionException(Kind.MISPLACED_EQUALS, 0, "'=' has nothing on its left");
            }
            Rational left = sum();
            if (atEnd()) {
                return new Evaluation(symbols, Evaluation.Form.EXPRESSION, left, Optional.empty());
            }
            requireEquals();
            next++;
            if (atEnd()) {
                return new Evaluation(symbols, Evaluation.Form.QUESTION, left, Optional.empty());
            }
            Rational right = sum();
            if (!atEnd()) {
                if (peek() == Symbol.EQUALS) {
                    throw new ExpressionException(Kind.MISPLACED_EQUALS, next, "more than one '='");
                }
                requireEquals();
            }
            return new Evaluation(symbols, Evaluation.Form.EQUATION, left, Optional.of(left.compareTo(right) == 0));
        }

        /** Where a sum stopped before the end: only '=' may follow; anything else says what is wrong there. */
        private void requireEquals() throws ExpressionException {
            Symbol s = peek();
            if (s == Symbol.RIGHT_PAREN) {
                throw new ExpressionException(Kind.UNBALANCED_PARENTHESES, next, "')' without a matching '('");
            }
            if (s != Symbol.EQUALS) {
                throw new ExpressionException(Kind.MISSING_OPERATOR, next,
                        "no operator between '" + symbols.get(next - 1).text() + "' and '" + s.text() + "'");
            }
        }

        private Rational sum() throws ExpressionException {
            Rational value = product();
            while (peek() == Symbol.PLUS || peek() == Symbol.MINUS) {
                Symbol operator = symbols.get(next++);
                Rational operand = product();
                value = bounded(operator == Symbol.PLUS ? value.plus(operand) : value.minus(operand), next);
            }
            return value;
        }

        private Rational product() throws ExpressionException {
            Rational value = signed();
            while (true) {
                Symbol s = peek();
                if (s == Symbol.TIMES || s == Symbol.DIVIDE) {
                    int at = next++;
                    Rational operand = signed();
                    if (s == Symbol.DIVIDE && operand.signum() == 0) {
                        throw new ExpressionException(Kind.DIVISION_BY_ZERO, at, "division by zero");
                    }
                    value = bounded(s == Symbol.TIMES ? value.times(operand) : value.dividedBy(operand), next);
                } else if (s == Symbol.LEFT_PAREN) {
                    value = bounded(value.times(primary()), next); // 2(3 + 4): implicit multiplication
                } else {
                    return value;
                }
            }
        }

        private Rational signed() throws ExpressionException {
            boolean negative = false;
            while (peek() == Symbol.MINUS || peek() == Symbol.PLUS) {
                negative ^= symbols.get(next++) == Symbol.MINUS;
            }
            Rational value = primary();
            return negative ? value.negate() : value;
        }

        private Rational primary() throws ExpressionException {
            Symbol s = peek();
            if (s == null) {
                throw new ExpressionException(Kind.DANGLING_OPERATOR, next,
                        next == 0 ? "no symbols were read" : "'" + symbols.get(next - 1).text() + "' has no right operand");
            }
            if (s == Symbol.LEFT_PAREN) {
                int open = next++;
                if (++depth > MAX_NESTING) {
                    throw new ExpressionException(Kind.TOO_DEEP, open,
                            "more than " + MAX_NESTING + " parentheses inside each other");
                }
                if (peek() == Symbol.RIGHT_PAREN) {
                    throw new ExpressionException(Kind.DANGLING_OPERATOR, next, "'()' holds nothing");
                }
                Rational value = sum();
                if (peek() != Symbol.RIGHT_PAREN) {
                    throw new ExpressionException(Kind.UNBALANCED_PARENTHESES, open, "'(' is never closed");
                }
                next++;
                depth--;
                return value;
            }
            if (s.isDigit() || s == Symbol.POINT) {
                return number();
            }
            if (s == Symbol.RIGHT_PAREN) {
                throw new ExpressionException(next == 0 ? Kind.UNBALANCED_PARENTHESES : Kind.DANGLING_OPERATOR, next,
                        next == 0 ? "')' without a matching '('" : "'" + symbols.get(next - 1).text()
                                + "' has no right operand");
            }
            throw new ExpressionException(Kind.DANGLING_OPERATOR, next,
                    next == 0 ? "'" + s.text() + "' has no left operand"
                            : "'" + symbols.get(next - 1).text() + "' is followed by '" + s.text() + "'");
        }

        private Rational number() throws ExpressionException {
            int start = next;
            StringBuilder literal = new StringBuilder();
            boolean point = false;
            int digits = 0;
            while (peek() != null && (peek().isDigit() || peek() == Symbol.POINT)) {
                Symbol s = symbols.get(next++);
                if (s == Symbol.POINT) {
                    if (point) {
                        throw new ExpressionException(Kind.MALFORMED_NUMBER, next - 1, "a number with two points");
                    }
                    point = true;
                    literal.append('.');
                } else {
                    literal.append((char) ('0' + s.digitValue()));
                    if (++digits > MAX_LITERAL_DIGITS) {
                        throw new ExpressionException(Kind.NUMBER_TOO_LARGE, start,
                                "a number of more than " + MAX_LITERAL_DIGITS + " digits");
                    }
                }
            }
            if (literal.charAt(literal.length() - 1) == '.') {
                throw new ExpressionException(Kind.MALFORMED_NUMBER, next - 1, "a point without digits after it");
            }
            return Rational.of(new BigDecimal(literal.toString()));
        }

        private static Rational bounded(Rational value, int position) throws ExpressionException {
            if (value.bitLength() > MAX_VALUE_BITS) {
                throw new ExpressionException(Kind.NUMBER_TOO_LARGE, position,
                        "an intermediate value larger than " + MAX_VALUE_BITS + " bits");
            }
            return value;
        }

        private Symbol peek() {
            return next < symbols.size() ? symbols.get(next) : null;
        }

        private boolean atEnd() {
            return next >= symbols.size();
        }
    }
}
