package io.mathsketch.corpus.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.engine.expression.ExpressionException;
import io.mathsketch.engine.expression.ExpressionParser;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.Stroke;
import io.mathsketch.engine.symbols.ExpressionLayout;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
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
    void anExpressionAsLongAsTheEngineReadsCanBeWritten() {
        // Each symbol of an expression gets a drawing of its own within the writer's seed stride: an engine that
        // reads longer expressions than the stride holds needs a decision (a larger stride changes every expression).
        List<Symbol> longest = Collections.nCopies(ExpressionLayout.MAX_SYMBOLS, Symbol.digit(7));

        assertEquals(ExpressionLayout.MAX_SYMBOLS, writer.draw(longest, 3).symbols().size());
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

    /**
     * A decimal point is a dot of its own: no other stroke passes within a pen's width of it (with wide hands it used
     * to fall on the foot of the digit before it and vanish).
     */
    @Test
    void pointsStayClearOfTheInkBeforeThem() {
        int points = 0;
        for (int i = 0; i < 300; i++) {
            HandwrittenExpression e = writer.write(i);
            if (!e.truth().contains(Symbol.POINT)) {
                continue;
            }
            List<Stroke> strokes = e.ink().strokes();
            for (WrittenSymbol w : e.symbols()) {
                if (w.symbol() != Symbol.POINT) {
                    continue;
                }
                double centre = w.box().x() + w.box().width() / 2.0;
                Stroke dot = strokes.stream().filter(s -> isDot(s, w))
                        .min(Comparator.comparingDouble(s -> Math.abs(s.x()[0] - centre))).orElseThrow();
                points++;
                for (Stroke other : strokes) {
                    if (other != dot) {
                        assertTrue(distance(dot, other) >= e.ink().penWidth(), e.text() + " #" + i);
                    }
                }
            }
        }
        assertTrue(points > 30, "points: " + points);
    }

    /** Whether the stroke is a dot (a tenth of the line both ways at most) in the lower half of the line. */
    private static boolean isDot(Stroke s, WrittenSymbol w) {
        double small = w.box().height() / 10.0;
        DoubleSummaryStatistics x = Arrays.stream(s.x()).summaryStatistics();
        DoubleSummaryStatistics y = Arrays.stream(s.y()).summaryStatistics();
        return x.getMax() - x.getMin() <= small && y.getMax() - y.getMin() <= small
                && y.getMin() >= w.box().y() + w.box().height() / 2.0;
    }

    /** The least distance from a point of {@code a} to a segment of {@code b}. */
    private static double distance(Stroke a, Stroke b) {
        double least = Double.MAX_VALUE;
        for (int i = 0; i < a.size(); i++) {
            for (int k = 0; k < b.size(); k++) {
                int k1 = Math.min(k + 1, b.size() - 1);
                double dx = b.x()[k1] - b.x()[k], dy = b.y()[k1] - b.y()[k];
                double len = dx * dx + dy * dy;
                double t = len == 0 ? 0 : Math.clamp(((a.x()[i] - b.x()[k]) * dx + (a.y()[i] - b.y()[k]) * dy) / len,
                        0, 1);
                least = Math.min(least, Math.hypot(a.x()[i] - b.x()[k] - t * dx, a.y()[i] - b.y()[k] - t * dy));
            }
        }
        return least;
    }
}
