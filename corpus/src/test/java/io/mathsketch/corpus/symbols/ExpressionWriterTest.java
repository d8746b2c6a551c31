package io.mathsketch.corpus.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.engine.expression.ExpressionException;
import io.mathsketch.engine.expression.ExpressionParser;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.Stroke;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionWriterTest {

    private static final int COUNT = 400;

    private final ExpressionWriter writer = new ExpressionWriter(HandConfig.HELD_OUT);

    @Test
    void isDeterministic() {
        HandwrittenExpression a = writer.write(17), b = new ExpressionWriter(HandConfig.HELD_OUT).write(17);
        assertEquals(a.text(), b.text());
        assertEquals(a.ink().strokes().size(), b.ink().strokes().size());
        for (int i = 0; i < a.ink().strokes().size(); i++) {
            assertTrue(Arrays.equals(a.ink().strokes().get(i).x(), b.ink().strokes().get(i).x()));
        }
    }

    @Test
    void everyExpressionHasAValueAndTheShapeTheIssueAsksFor() throws ExpressionException {
        ExpressionParser parser = new ExpressionParser();
        int parentheses = 0, equals = 0, points = 0;
        for (int i = 0; i < COUNT; i++) {
            HandwrittenExpression e = writer.write(i);
            List<Symbol> truth = e.truth();
            parser.evaluate(truth);
            int equalsAt = truth.indexOf(Symbol.EQUALS);
            List<Symbol> left = equalsAt < 0 ? truth : truth.subList(0, equalsAt);
            long operators = left.stream().filter(s -> !s.isDigit() && s != Symbol.POINT
                    && s != Symbol.LEFT_PAREN && s != Symbol.RIGHT_PAREN).count();
            assertTrue(operators >= 1 && operators <= 4, e.text());
            parentheses += truth.contains(Symbol.LEFT_PAREN) ? 1 : 0;
            equals += equalsAt >= 0 ? 1 : 0;
            points += truth.contains(Symbol.POINT) ? 1 : 0;
        }
        assertTrue(parentheses > COUNT * 0.4 && parentheses < COUNT * 0.6, "with parentheses: " + parentheses);
        assertTrue(equals > COUNT * 0.3 && equals < COUNT * 0.5, "with '=': " + equals);
        assertTrue(points > 0, "with a decimal point: " + points);
    }

    @Test
    void symbolsAreWrittenLeftToRightInsideTheInk() {
        for (int i = 0; i < 50; i++) {
            HandwrittenExpression e = writer.write(i);
            List<WrittenSymbol> symbols = e.symbols();
            for (int s = 1; s < symbols.size(); s++) {
                assertTrue(symbols.get(s).box().x() > symbols.get(s - 1).box().x() + symbols.get(s - 1).box().width() - 1,
                        e.text());
            }
            for (Stroke stroke : e.ink().strokes()) {
                for (int p = 0; p < stroke.size(); p++) {
                    assertTrue(stroke.x()[p] >= 0 && stroke.x()[p] <= e.ink().width(), e.text());
                    assertTrue(stroke.y()[p] >= 0 && stroke.y()[p] <= e.ink().height(), e.text());
                }
            }
        }
    }
}
