package io.mathsketch.corpus.symbols;

import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.HandwritingGenerator;
import io.mathsketch.corpus.hand.Timeline;
import io.mathsketch.engine.expression.ExpressionException;
import io.mathsketch.engine.expression.ExpressionParser;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes arithmetic by hand: expressions of 2-5 numbers of 1-3 digits with 1-4 operators, half of them with
 * parentheses, some asking for their value with a trailing {@code =} or stating it ({@code 7×3=21}), a few with a
 * decimal point; laid out left to right on one line with uneven gaps, every symbol drawn by the configured hand in
 * one of its styles. Deterministic: the same configuration and index give the same expression. Every expression it
 * makes has a value (no division by zero).
 */
public final class ExpressionWriter {

    private static final Symbol[] OPERATORS = {Symbol.PLUS, Symbol.MINUS, Symbol.TIMES, Symbol.DIVIDE};
    /**
     * Drawings set aside per expression: symbol {@code position} of expression {@code index} is drawn as drawing
     * {@code index * this + position}, so no two symbols share a drawing, and an expression holds at most this many
     * symbols. A seed stride, not the engine's symbol limit ({@code ExpressionLayout.MAX_SYMBOLS}, 64 too today):
     * changing it would change every expression written, so it does not follow that limit; ExpressionWriterTest
     * fails if the limit outgrows it.
     */
    private static final int DRAWINGS_PER_EXPRESSION = 64;
    /** A decimal point's ink is at least this share of the line's height clear of the digit before it. */
    private static final double POINT_GAP = 0.04;

    private final HandConfig config;
    private final HandwritingGenerator hand;
    private final ExpressionParser parser = new ExpressionParser();

    public ExpressionWriter(HandConfig config) {
        this.config = config;
        this.hand = new HandwritingGenerator(config);
    }

    /** Expression {@code index} of this configuration's set. */
    public HandwrittenExpression write(long index) {
        // Not seed + index * gamma: SplittableRandom would then give expression i the stream of expression 0 shifted by i.
        SplittableRandom random = new SplittableRandom(config.seed() ^ Long.rotateLeft(index * 0xBF58476D1CE4E5B9L, 31));
        List<Symbol> symbols = randomExpression(random);
        return draw(symbols, index, random);
    }

    /** {@code symbols} written by hand as drawing {@code index}. */
    public HandwrittenExpression draw(List<Symbol> symbols, long index) {
        return draw(symbols, index, new SplittableRandom(config.seed() * 37 + index));
    }

    private HandwrittenExpression draw(List<Symbol> symbols, long index, SplittableRandom random) {
        if (symbols.size() > DRAWINGS_PER_EXPRESSION) {
            throw new IllegalArgumentException("at most " + DRAWINGS_PER_EXPRESSION + " symbols");
        }
        double lineHeight = 50 + random.nextDouble() * 40;
        double margin = lineHeight * 0.6, height = lineHeight * 2, top = (height - lineHeight) / 2;
        double x = margin;
        List<WrittenSymbol> written = new ArrayList<>(symbols.size());
        List<List<Stroke>> drawings = new ArrayList<>(symbols.size());
        double pen = 0;
        for (int position = 0; position < symbols.size(); position++) {
            Symbol symbol = symbols.get(position);
            double width = lineHeight * widthFactor(symbol) * (0.85 + 0.3 * random.nextDouble());
            Box box = new Box((int) Math.round(x), (int) Math.round(top), (int) Math.round(width),
                    (int) Math.round(lineHeight));
            long drawing = index * DRAWINGS_PER_EXPRESSION + position;
            String style;
            List<Stroke> strokes;
            if (symbol.isDigit()) {
                List<DigitStyle> styles = DigitStyle.of(symbol.digitValue()).stream()
                        .filter(config.styles()::contains).toList();
                DigitStyle digitStyle = styles.get(random.nextInt(styles.size()));
                strokes = hand.draw(digitStyle, drawing, box).strokes();
                style = digitStyle.name();
            } else {
                List<SymbolStyle> styles = SymbolStyle.of(symbol);
                SymbolStyle symbolStyle = styles.get(random.nextInt(styles.size()));
                strokes = hand.drawGlyph(symbolStyle.glyph(), symbolStyle.name(), drawing, box);
                style = symbolStyle.name();
            }
            boolean besidePoint = position > 0 && (symbol == Symbol.POINT || symbols.get(position - 1) == Symbol.POINT);
            double shift = besidePoint ? clearance(drawings.getLast(), strokes, pen + POINT_GAP * lineHeight) : 0;
            if (shift > 0) {
                strokes = shifted(strokes, Math.ceil(shift));
                box = new Box(box.x() + (int) Math.ceil(shift), box.y(), box.width(), box.height());
                x += Math.ceil(shift);
            }
            drawings.add(strokes);
            if (position == 0) {
                pen = hand.penWidth(style, drawing, box);
            }
            written.add(new WrittenSymbol(symbol, style, box, strokes.size()));
            x += width + lineHeight * (0.08 + 0.3 * random.nextDouble());
        }
        double width = x + margin;
        return new HandwrittenExpression(written, new Ink(Timeline.oneAfterAnother(drawings), width, height, pen));
    }

    /**
     * How far right {@code after} must move so that the lower half of its ink stays {@code gap} (stroke centre to
     * stroke centre) clear of the lower half of the ink {@code before} it. A point is placed in its box like every
     * glyph, with the hand's slant and stretch, and the digits beside it may reach beyond their own boxes (a 2's foot,
     * a stretched 4): there the dot fell on a digit's ink (12 of the 66 points of {@code ExpressionQualityTest}'s
     * lines, 9 of them hidden in it), which no writer does and no reader can see.
     */
    private static double clearance(List<Stroke> before, List<Stroke> after, double gap) {
        return Math.max(0, lowerHalfEdge(before, true) + gap - lowerHalfEdge(after, false));
    }

    /** The rightmost (or leftmost) x of the ink in the lower half of its own height. */
    private static double lowerHalfEdge(List<Stroke> strokes, boolean right) {
        double top = Double.MAX_VALUE, bottom = -Double.MAX_VALUE;
        for (Stroke s : strokes) {
            for (double y : s.y()) {
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
            }
        }
        // Only the lower half: a slanted digit's top may lean over the point, as it does on paper.
        double middle = (top + bottom) / 2, edge = right ? -Double.MAX_VALUE : Double.MAX_VALUE;
        for (Stroke s : strokes) {
            for (int k = 0; k < s.size(); k++) {
                if (s.y()[k] >= middle) {
                    edge = right ? Math.max(edge, s.x()[k]) : Math.min(edge, s.x()[k]);
                }
            }
        }
        return edge;
    }

    private static List<Stroke> shifted(List<Stroke> strokes, double dx) {
        List<Stroke> out = new ArrayList<>(strokes.size());
        for (Stroke s : strokes) {
            double[] x = s.x().clone();
            for (int k = 0; k < x.length; k++) {
                x[k] += dx;
            }
            out.add(new Stroke(x, s.y(), s.time(), s.pressure()));
        }
        return out;
    }

    /** Width of a symbol's box in line heights: digits and operators alike, parentheses and points narrower. */
    private static double widthFactor(Symbol symbol) {
        return switch (symbol) {
            case LEFT_PAREN, RIGHT_PAREN -> 0.35;
            case POINT -> 0.2;
            default -> 0.6;
        };
    }

    private List<Symbol> randomExpression(SplittableRandom random) {
        while (true) {
            List<Symbol> symbols = candidate(random);
            try {
                parser.evaluate(symbols);
                return symbols;
            } catch (ExpressionException e) {
                // division by zero (e.g. 4÷(2−2)): draw another
            }
        }
    }

    private List<Symbol> candidate(SplittableRandom random) {
        int numbers = 2 + random.nextInt(4);
        int open = -1, close = -1;
        if (random.nextBoolean()) {
            open = random.nextInt(numbers - 1);
            close = open + 1 + random.nextInt(numbers - 1 - open);
            if (open == 0 && close == numbers - 1 && numbers > 2) {
                close--; // parentheses around everything say nothing
            }
        }
        List<Symbol> symbols = new ArrayList<>();
        for (int i = 0; i < numbers; i++) {
            if (i > 0) {
                symbols.add(OPERATORS[random.nextInt(OPERATORS.length)]);
            }
            if (i == open) {
                symbols.add(Symbol.LEFT_PAREN);
            }
            number(random, symbols);
            if (i == close) {
                symbols.add(Symbol.RIGHT_PAREN);
            }
        }
        double ending = random.nextDouble();
        if (ending < 0.3) {
            symbols.add(Symbol.EQUALS);
        } else if (ending < 0.4) {
            statedValue(symbols, random);
        }
        return symbols;
    }

    /** A number of 1-3 digits without a leading zero; one in ten has a decimal point before its last digit. */
    private static void number(SplittableRandom random, List<Symbol> symbols) {
        int digits = 1 + random.nextInt(3);
        boolean point = digits > 1 && random.nextDouble() < 0.1;
        for (int d = 0; d < digits; d++) {
            if (point && d == digits - 1) {
                symbols.add(Symbol.POINT);
            }
            symbols.add(Symbol.digit(d == 0 && digits > 1 ? 1 + random.nextInt(9) : random.nextInt(10)));
        }
    }

    /** {@code = value}, the value right (or, one time in three, off by one) when it is a small whole number. */
    private void statedValue(List<Symbol> symbols, SplittableRandom random) {
        try {
            var value = parser.evaluate(symbols).value();
            if (!value.isInteger() || value.signum() < 0 || value.numerator().bitLength() > 20) {
                symbols.add(Symbol.EQUALS);
                return;
            }
            long stated = value.numerator().longValue() + (random.nextInt(3) == 0 ? 1 : 0);
            symbols.add(Symbol.EQUALS);
            for (char c : Long.toString(stated).toCharArray()) {
                symbols.add(Symbol.digit(c - '0'));
            }
        } catch (ExpressionException e) {
            symbols.add(Symbol.EQUALS); // the caller draws another when there is no value
        }
    }
}
