package io.mathsketch.engine.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mathsketch.engine.expression.Symbol;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SymbolChoiceTest {

    private static final List<String> LABELS = Arrays.stream(Symbol.values()).map(Symbol::text).toList();

    @Test
    void theGeometryOverridesTheModelAndConfidenceIsRenormalised() {
        SymbolChoice choice = new SymbolChoice(LABELS);
        float[] p = new float[18];
        p[Symbol.ZERO.ordinal()] = 0.7f;     // a blown-up dot looks like a 0 to the model
        p[Symbol.POINT.ordinal()] = 0.2f;
        p[Symbol.TIMES.ordinal()] = 0.1f;
        assertEquals(new SymbolChoice.Choice(Symbol.POINT, 17, 1f), choice.choose(p, EnumSet.of(Symbol.POINT)));
        SymbolChoice.Choice free = choice.choose(p, EnumSet.complementOf(EnumSet.of(Symbol.POINT)));
        assertEquals(Symbol.ZERO, free.symbol());
        assertEquals(0.875f, free.confidence(), 1e-6);
    }

    @Test
    void aDigitModelSharesOutTheDigitMassButLeavesTheOperatorsAlone() {
        SymbolChoice choice = new SymbolChoice(LABELS);
        float[] p = new float[18];
        p[Symbol.SEVEN.ordinal()] = 0.6f;    // a continental 1 the symbol model takes for a 7
        p[Symbol.ONE.ordinal()] = 0.1f;
        p[Symbol.DIVIDE.ordinal()] = 0.3f;
        float[] digits = new float[10];
        digits[1] = 0.9f;
        digits[7] = 0.1f;
        float[] mixed = choice.withDigitsFrom(p, digits);
        assertEquals(0.63f, mixed[Symbol.ONE.ordinal()], 1e-6);
        assertEquals(0.07f, mixed[Symbol.SEVEN.ordinal()], 1e-6);
        assertEquals(0.3f, mixed[Symbol.DIVIDE.ordinal()], 1e-6);
        assertEquals(Symbol.ONE, choice.choose(mixed, SymbolGeometry.modelReads()).symbol());
        assertThrows(IllegalArgumentException.class, () -> choice.withDigitsFrom(p, new float[18]));
    }

    @Test
    void theVerifierWeighsEachDigitByHowSurelyItIsThatOneWholeDigit() {
        SymbolChoice choice = new SymbolChoice(LABELS);
        float[] p = new float[18];
        p[Symbol.THREE.ordinal()] = 0.8f;    // the right part of an 8 cut in two reads as a confident 3
        p[Symbol.RIGHT_PAREN.ordinal()] = 0.2f;
        float[] verifier = new float[11];
        verifier[3] = 0.1f;
        verifier[10] = 0.9f;                 // but it is no whole digit
        float[] weighed = choice.weighedBy(p, verifier);
        assertEquals(0.08f, weighed[Symbol.THREE.ordinal()], 1e-6);
        assertEquals(0.2f, weighed[Symbol.RIGHT_PAREN.ordinal()], 1e-6);
        assertEquals(Symbol.RIGHT_PAREN, choice.choose(weighed, SymbolGeometry.modelReads()).symbol());
        assertThrows(IllegalArgumentException.class, () -> choice.weighedBy(p, new float[10]));
    }

    @Test
    void labelsMustNameSymbols() {
        assertThrows(IllegalArgumentException.class, () -> new SymbolChoice(List.of("0", "a")));
        assertThrows(IllegalArgumentException.class, () -> new SymbolChoice(List.of("10")));
        assertThrows(IllegalArgumentException.class, () -> new SymbolChoice(LABELS.subList(0, 10)));
    }
}
