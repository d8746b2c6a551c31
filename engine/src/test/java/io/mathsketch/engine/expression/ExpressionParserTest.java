package io.mathsketch.engine.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.expression.ExpressionException.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {

    private final ExpressionParser parser = new ExpressionParser();

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "12+7×3=; 33",
            "12 + 7 x 3; 33",
            "(12+7)·3; 57",
            "1÷3×3; 1",
            "1/3*3; 1",
            "2-3-4; -5",
            "2−3; -1",
            "8÷4÷2; 1",
            "2(3+4); 14",
            "(1+1)(2+2); 8",
            "-(2+3); -5",
            "3--2; 5",
            "1÷3; 1/3",
            "2.5×4; 10",
            ".5+.25; 3/4",
            "0.1+0.2; 3/10",
            "((((7)))); 7",
            "10:4; 5/2"})
    void evaluatesExactlyWithPrecedence(String text, String value) throws ExpressionException {
        assertEquals(value, parser.evaluate(text).value().toString());
    }

    @Test
    void writesTextAndLatexAsRead() throws ExpressionException {
        Evaluation e = parser.evaluate("12+7x3=");
        assertEquals("12+7×3=", e.text());
        assertEquals("12+7\\times 3=", e.latex());
        assertEquals(Evaluation.Form.QUESTION, e.form());
        assertEquals("1\\div 3", parser.evaluate("1/3").latex());
    }

    @Test
    void checksEquations() throws ExpressionException {
        Evaluation right = parser.evaluate("7×3=21");
        assertEquals(Evaluation.Form.EQUATION, right.form());
        assertEquals(Optional.of(true), right.holds());
        assertEquals(Optional.of(false), parser.evaluate("7×3=22").holds());
        assertEquals(Optional.of(true), parser.evaluate("1÷3×3=1").holds());
        assertEquals(Evaluation.Form.EXPRESSION, parser.evaluate("7×3").form());
        assertTrue(parser.evaluate("7×3").holds().isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "'';EMPTY;0",
            "(1+2;UNBALANCED_PARENTHESES;0",
            "1+2);UNBALANCED_PARENTHESES;3",
            ")1;UNBALANCED_PARENTHESES;0",
            "3+;DANGLING_OPERATOR;2",
            "×3;DANGLING_OPERATOR;0",
            "3+×4;DANGLING_OPERATOR;2",
            "();DANGLING_OPERATOR;1",
            "(2)3;MISSING_OPERATOR;3",
            "=3;MISPLACED_EQUALS;0",
            "1=1=1;MISPLACED_EQUALS;3",
            "1..2;MALFORMED_NUMBER;2",
            "3.+1;MALFORMED_NUMBER;1",
            "4÷0;DIVISION_BY_ZERO;1",
            "4÷(2-2);DIVISION_BY_ZERO;1",
            "1234567890123456789012345678901;NUMBER_TOO_LARGE;0",
            "2a;UNKNOWN_SYMBOL;1"})
    void explainsWhatIsWrongAndWhere(String text, Kind kind, int position) {
        ExpressionException e = assertThrows(ExpressionException.class, () -> parser.evaluate(text));
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(position, e.position(), e.getMessage());
    }

    @Test
    void boundsTheSizeOfValuesAndNesting() {
        String huge = "999999999999999999999999999999×".repeat(40) + "9";
        assertEquals(Kind.NUMBER_TOO_LARGE,
                assertThrows(ExpressionException.class, () -> parser.evaluate(huge)).kind());
        String deep = "(".repeat(ExpressionParser.MAX_NESTING + 1) + "1" + ")".repeat(ExpressionParser.MAX_NESTING + 1);
        assertEquals(Kind.TOO_DEEP, assertThrows(ExpressionException.class, () -> parser.evaluate(deep)).kind());
    }

    @Test
    void readsSymbolListsAsTheModelGivesThem() throws ExpressionException {
        List<Symbol> symbols = List.of(Symbol.ONE, Symbol.TWO, Symbol.DIVIDE, Symbol.FOUR);
        assertEquals(Rational.of(3), parser.evaluate(symbols).value());
        assertFalse(Symbol.MINUS.isDigit());
        assertEquals(Optional.of("12+7×3÷4−1="), Symbol.canonical(" 12+7x3/4-1 ="));
        assertTrue(Symbol.canonical("12a").isEmpty());
    }
}
