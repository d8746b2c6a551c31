package io.mathsketch.engine.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.InkImage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SymbolSegmenterTest {

    /** A line 60 pixels high from y = 20: tall strokes stand for digits, as the segmenter only sees ink. */
    private static final int TOP = 20, LINE = 60;

    private final SymbolSegmenter segmenter = new SymbolSegmenter(64);

    @Test
    void groupsPartsAndTellsSmallAndFlatSymbolsByGeometry() throws Exception {
        TestCanvas c = new TestCanvas(400, 100);
        c.fill(10, TOP, 8, LINE);                 // "1"
        c.fill(30, TOP + LINE - 6, 6, 6);         // "." on the baseline
        c.fill(45, TOP, 8, LINE);                 // "1"
        c.fill(70, TOP + 28, 30, 5);              // "−"
        c.fill(115, TOP, 8, LINE);                // "1"
        c.fill(135, TOP + 28, 6, 6);              // "·" at mid height
        c.fill(155, TOP, 8, LINE);                // "1"
        c.fill(175, TOP + 20, 30, 5);             // "=" upper bar
        c.fill(176, TOP + 34, 30, 5);             //     lower bar
        c.fill(220, TOP + 29, 30, 4);             // "÷" bar
        c.fill(232, TOP + 15, 5, 5);              //     dot above
        c.fill(233, TOP + 41, 5, 5);              //     dot below
        c.fill(265, TOP - 4, 9, LINE + 8);        // "(" (taller than digits)
        c.fill(290, TOP, 8, LINE);                // "1"

        List<SymbolGroup> groups = segmenter.segment(c.image());
        assertEquals(11, groups.size());
        SymbolGeometry geometry = SymbolGeometry.of(groups);
        assertEquals(LINE, geometry.lineHeight(), 1);
        assertEquals(Set.of(Symbol.POINT), geometry.candidates(groups.get(1)));
        assertEquals(Set.of(Symbol.MINUS), geometry.candidates(groups.get(3)));
        assertEquals(Set.of(Symbol.TIMES), geometry.candidates(groups.get(5)));
        assertEquals(Set.of(Symbol.EQUALS), geometry.candidates(groups.get(7)));
        assertEquals(2, groups.get(7).parts().size());
        assertEquals(Set.of(Symbol.DIVIDE), geometry.candidates(groups.get(8)));
        assertEquals(3, groups.get(8).parts().size());
        Set<Symbol> digit = geometry.candidates(groups.get(0));
        assertTrue(digit.contains(Symbol.ONE) && digit.contains(Symbol.LEFT_PAREN) && !digit.contains(Symbol.POINT));
    }

    @Test
    void cropsHoldOnlyTheirOwnInk() throws Exception {
        TestCanvas c = new TestCanvas(100, 100);
        c.fill(10, 10, 40, 8);    // a wide bar
        c.fill(60, 10, 8, 60);    // a stem whose box the bar does not reach
        List<SymbolGroup> groups = segmenter.segment(c.image());
        assertEquals(2, groups.size());
        InkImage crop = groups.get(1).ink();
        assertEquals(8 * 60, count(crop));
    }

    @Test
    void boundsTheWork() {
        TestCanvas c = new TestCanvas(400, 40);
        for (int x = 0; x < 400; x += 4) {
            c.fill(x, 10, 2, 2);
        }
        assertThrows(SymbolSegmenter.TooManySymbols.class, () -> new SymbolSegmenter(8).segment(c.image()));
    }

    @Test
    void blankImageHasNoSymbols() throws Exception {
        assertTrue(segmenter.segment(new TestCanvas(50, 50).image()).isEmpty());
    }

    private static int count(InkImage image) {
        int n = 0;
        for (float v : image.ink()) {
            n += v > 0 ? 1 : 0;
        }
        return n;
    }
}
