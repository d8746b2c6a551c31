package io.mathsketch.engine.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.InkImage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SymbolGeometryTest {

    /** A line 60 pixels high from y = 20, drawn with two tall digit-like marks around what is tested. */
    private static final int TOP = 20, LINE = 60;

    private final SymbolSegmenter segmenter = new SymbolSegmenter(64);

    @Test
    void theBarsOfAnEqualsSignThatTouchAreStillAnEqualsSignButAHeavyBarMayBeEither() throws Exception {
        TestCanvas equals = line();
        equals.fill(100, TOP + 22, 40, 5);    // upper bar
        equals.fill(100, TOP + 33, 40, 5);    // lower bar
        equals.fill(100, TOP + 22, 4, 16);    // joined at their left ends
        assertEquals(Set.of(Symbol.EQUALS), middle(equals.image()));

        TestCanvas minus = line();
        minus.fill(100, TOP + 25, 40, 9);     // one heavy bar
        assertEquals(Set.of(Symbol.MINUS, Symbol.EQUALS), middle(minus.image()));
    }

    @Test
    void aHeavyDotOnTheBaselineIsAPointAndAtMidHeightTheMultiplicationDotButASmallPlusIsTheModelsToRead()
            throws Exception {
        TestCanvas low = line();
        low.fill(100, TOP + LINE - 19, 19, 19);    // 0.32 of the line, on the baseline
        assertEquals(Set.of(Symbol.POINT), middle(low.image()));

        TestCanvas high = line();
        high.fill(100, TOP + 20, 19, 19);
        assertEquals(Set.of(Symbol.TIMES), middle(high.image()));

        TestCanvas plus = line();
        plus.fill(100, TOP + 27, 19, 5);            // as large, but a cross of two heavy strokes
        plus.fill(107, TOP + 20, 5, 19);
        assertEquals(SymbolGeometry.modelReads(), middle(plus.image()));

        TestCanvas dash = line();
        dash.fill(100, TOP + 25, 22, 10);           // a short heavy bar is no dot
        assertEquals(SymbolGeometry.modelReads(), middle(dash.image()));
    }

    @Test
    void aStrokeFromTopRightToBottomLeftLeansRightAndAnUprightOneDoesNot() throws Exception {
        TestCanvas slash = new TestCanvas(40, 60);
        for (int y = 0; y < 60; y++) {
            slash.fill(30 - y / 2, y, 4, 1);   // half a pixel left per row down
        }
        assertEquals(0.5, SymbolGeometry.lean(slash.image()), 0.02);
        TestCanvas upright = new TestCanvas(40, 60);
        upright.fill(10, 0, 6, 60);
        assertEquals(0, SymbolGeometry.lean(upright.image()), 1e-9);
    }

    private static TestCanvas line() {
        TestCanvas c = new TestCanvas(240, 100);
        c.fill(10, TOP, 8, LINE);
        c.fill(200, TOP, 8, LINE);
        return c;
    }

    /** What geometry lets the middle symbol of the line be. */
    private Set<Symbol> middle(InkImage image) throws Exception {
        List<SymbolGroup> groups = segmenter.segment(image);
        assertEquals(3, groups.size());
        return SymbolGeometry.of(groups).candidates(groups.get(1));
    }
}
