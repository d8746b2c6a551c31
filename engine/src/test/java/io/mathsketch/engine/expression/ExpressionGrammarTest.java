package io.mathsketch.engine.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpressionGrammarTest {

    private final ExpressionGrammar grammar = new ExpressionGrammar();
    private final ExpressionParser parser = new ExpressionParser();

    @Test
    void theGrammarAcceptsExactlyWhatTheParserFindsWellFormed() {
        SplittableRandom random = new SplittableRandom(17);
        Symbol[] symbols = Symbol.values();
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            List<Symbol> line = new ArrayList<>();
            int length = 1 + random.nextInt(9);
            for (int k = 0; k < length; k++) {
                // Digits as often as all other symbols together, so that many lines are well formed.
                line.add(random.nextBoolean() ? Symbol.digit(random.nextInt(10))
                        : symbols[10 + random.nextInt(symbols.length - 10)]);
            }
            Optional<Boolean> wellFormed = wellFormed(line);
            if (wellFormed.isEmpty()) {
                continue;
            }
            accepted += wellFormed.get() ? 1 : 0;
            assertEquals(wellFormed.get(), accepts(line), () -> text(line));
        }
        assertTrue(accepted > 10_000, "enough well-formed lines to compare: " + accepted);
    }

    @Test
    void examples() {
        assertTrue(accepts(parse("12+7×3=")));
        assertTrue(accepts(parse("2(3+4)=14")));
        assertTrue(accepts(parse("−.5×(−2)")));
        assertEquals(false, accepts(parse("(1+2")));
        assertEquals(false, accepts(parse("1÷")));
        assertEquals(false, accepts(parse("1=2=3")));
        assertEquals(false, accepts(parse("1..2")));
        assertEquals(false, accepts(parse("(2)3")));
    }

    private boolean accepts(List<Symbol> line) {
        Optional<ExpressionGrammar.State> state = Optional.of(grammar.start());
        for (Symbol s : line) {
            state = state.flatMap(st -> grammar.next(st, s));
        }
        return state.map(grammar::accepts).orElse(false);
    }

    /**
     * The parser's verdict on the form; empty when it stopped at a value it cannot compute (division by zero), before
     * it saw the whole line.
     */
    private Optional<Boolean> wellFormed(List<Symbol> line) {
        try {
            parser.evaluate(line);
            return Optional.of(true);
        } catch (ExpressionException e) {
            return e.kind() == ExpressionException.Kind.DIVISION_BY_ZERO
                    || e.kind() == ExpressionException.Kind.NUMBER_TOO_LARGE ? Optional.empty() : Optional.of(false);
        }
    }

    private static List<Symbol> parse(String text) {
        return text.chars().mapToObj(c -> Symbol.of((char) c).orElseThrow()).toList();
    }

    private static String text(List<Symbol> line) {
        StringBuilder out = new StringBuilder();
        line.forEach(s -> out.append(s.text()));
        return out.toString();
    }
}
