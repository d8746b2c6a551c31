package io.mathsketch.engine.symbols;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.expression.Symbol;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlashOddsTest {

    private static final SymbolChoice CHOICE = new SymbolChoice(Arrays.stream(Symbol.values()).map(Symbol::text)
            .toList());

    /** The model cannot tell: as sure of 1 as of ÷, with a little left for the others. */
    private static float[] undecided() {
        float[] p = new float[18];
        p[Symbol.ONE.ordinal()] = 0.45f;
        p[Symbol.DIVIDE.ordinal()] = 0.45f;
        p[Symbol.SEVEN.ordinal()] = 0.1f;
        return p;
    }

    @Test
    void aStrokeLeaningLikeASlashFromBelowTheLinesTopIsTheSlashAnUprightFullHeightOneA1() {
        SlashOdds odds = ExpressionLayout.SLASH_ODDS;
        float[] slash = odds.apply(undecided(), new SymbolGeometry.Features(0.5, 0.9, 0.5, 0.08, -0.02), CHOICE);
        float[] one = odds.apply(undecided(), new SymbolGeometry.Features(0.0, 1.0, 0.3, 0.0, 0.0), CHOICE);
        assertTrue(slash[Symbol.DIVIDE.ordinal()] > 0.8, Arrays.toString(slash));
        assertTrue(one[Symbol.ONE.ordinal()] > 0.8, Arrays.toString(one));
        for (float[] p : List.of(slash, one)) {
            assertEquals(0.9, p[Symbol.ONE.ordinal()] + p[Symbol.DIVIDE.ordinal()], 1e-6, "their share is kept");
            assertEquals(0.1f, p[Symbol.SEVEN.ordinal()], "the others keep theirs");
        }
    }

    @Test
    void aSlashReachingAboveTheDigitsAndBelowTheirBaselineIsTheSlashAsFontsWriteIt() {
        // DejaVu Sans' slash in "9/3": from the digits' top to 0.1 of the line below the baseline, leaning 0.31.
        float[] fontSlash = ExpressionLayout.SLASH_ODDS.apply(undecided(),
                new SymbolGeometry.Features(0.31, 1.1, 0.45, 0.0, 0.1), CHOICE);
        // Liberation Mono's: from 0.08 of the line above the digits' top down to the baseline.
        float[] tallSlash = ExpressionLayout.SLASH_ODDS.apply(undecided(),
                new SymbolGeometry.Features(0.54, 1.08, 0.7, -0.08, 0.0), CHOICE);
        assertTrue(fontSlash[Symbol.DIVIDE.ordinal()] > 0.6, Arrays.toString(fontSlash));
        assertTrue(tallSlash[Symbol.DIVIDE.ordinal()] > 0.6, Arrays.toString(tallSlash));
        // An upright 1 a little taller than the digits beside it stays more likely a 1.
        float[] tallOne = ExpressionLayout.SLASH_ODDS.apply(undecided(),
                new SymbolGeometry.Features(-0.05, 1.05, 0.3, -0.03, 0.02), CHOICE);
        assertTrue(tallOne[Symbol.ONE.ordinal()] > tallOne[Symbol.DIVIDE.ordinal()], Arrays.toString(tallOne));
    }

    @Test
    void theModelsOwnOddsAreUnchangedByTheNeutralRule() {
        float[] p = undecided();
        p[Symbol.ONE.ordinal()] = 0.6f;
        p[Symbol.DIVIDE.ordinal()] = 0.3f;
        assertArrayEquals(p, SlashOdds.MODEL.apply(p, new SymbolGeometry.Features(0.5, 0.9, 0.5, 0.1, 0), CHOICE),
                1e-6f);
    }
}
