package io.mathsketch.engine.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.InkImage;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class SymbolLatticeTest {

    /** A line 60 pixels high from y = 20. */
    private static final int TOP = 20, LINE = 60;

    private final SymbolSegmenter segmenter = new SymbolSegmenter(64);
    private final SymbolLattice lattice = new SymbolLattice();

    @Test
    void twoTouchingDigitsAreOneMarkAndAreAlsoCutApart() throws Exception {
        TestCanvas c = new TestCanvas(200, 100);
        c.ring(10, TOP, 36, LINE, 6);     // "0"
        c.fill(46, TOP + 30, 4, 4);       // touching through a thin bridge
        c.ring(50, TOP, 36, LINE, 6);     // "0"
        InkImage image = c.image();
        List<Mark> marks = segmenter.marks(image);
        assertEquals(1, marks.size(), "one connected mark");
        SymbolLattice.Lattice l = lattice.candidates(image, marks, geometry(image));

        // The whole mark is a candidate, and so are pieces that split it near the bridge.
        assertTrue(l.candidates().stream().anyMatch(k -> k.whole() && k.from() == 0 && k.to() == l.pieces()));
        assertTrue(l.pieces() >= 2, "cut into pieces");
        // Read with a model that finds a digit in each half and something unlikely in the whole: two symbols.
        List<Integer> best = candidates(lattice.best(l,
                scorer(l, k -> isHalf(k) ? Math.log(0.99) : Math.log(0.5)), LINE));
        assertEquals(2, best.size(), "read as two symbols");
        SymbolGroup left = l.candidates().get(best.get(0)).group();
        assertTrue(left.box().x() < 15 && left.box().x() + left.box().width() <= 52, left.box().toString());
    }

    @Test
    void aBlobOfTouchingDigitsAsFlatAsABarIsCutAndItsPiecesMayAllJoinAgain() throws Exception {
        TestCanvas c = new TestCanvas(300, 100);
        c.fill(5, TOP, 8, LINE);                      // "1", so the line is as high as the blob
        for (int i = 0; i < 4; i++) {
            c.ring(30 + 40 * i, TOP, 36, LINE, 6);    // "0000", 156 px wide: no higher than 0.4 of its width
            if (i < 3) {
                c.fill(66 + 40 * i, TOP + 30, 4, 4);
            }
        }
        InkImage image = c.image();
        List<Mark> marks = segmenter.marks(image);
        assertEquals(2, marks.size());
        SymbolLattice.Lattice l = lattice.candidates(image, marks, geometry(image));
        assertTrue(l.pieces() - 1 > SymbolLattice.MAX_RUN, "the blob is cut, into more pieces than marks may join: "
                + l.pieces());
        assertTrue(l.candidates().stream().anyMatch(k -> k.whole() && k.group().box().width() == 156),
                "its pieces all together are still a candidate");
    }

    @Test
    void aWideMarkPaysForItsWidthSoTwoConfidentDigitsWin() throws Exception {
        TestCanvas c = new TestCanvas(200, 100);
        c.ring(10, TOP, 36, LINE, 6);
        c.fill(46, TOP + 30, 4, 4);
        c.ring(50, TOP, 36, LINE, 6);
        InkImage image = c.image();
        SymbolLattice.Lattice l = lattice.candidates(image, segmenter.marks(image), geometry(image));
        // The model is as sure of the whole (76 px, 1.27 lines wide) as of each half: the width decides.
        List<Integer> best = candidates(lattice.best(l,
                scorer(l, k -> isHalf(k) || k.whole() ? Math.log(0.99) : -20), LINE));
        assertEquals(2, best.size());
    }

    @Test
    void theGrammarReadsAStrokeTheModelThinksAParenthesisAsTheDigitThatGivesTheLineAValue() throws Exception {
        TestCanvas c = new TestCanvas(300, 100);
        c.fill(10, TOP, 8, LINE);                 // "1", which the model takes for "("
        c.fill(60, TOP + 28, 30, 4);              // "+"
        c.fill(73, TOP + 15, 4, 30);
        c.fill(120, TOP, 8, LINE);                // "1"
        InkImage image = c.image();
        SymbolLattice.Lattice l = lattice.candidates(image, segmenter.marks(image), geometry(image));
        SymbolLattice.Scorer scorer = new SymbolLattice.Scorer() {
            @Override
            public Set<Symbol> readings(int candidate) {
                return EnumSet.of(Symbol.ONE, Symbol.LEFT_PAREN, Symbol.PLUS);
            }

            @Override
            public double logProbability(int candidate, Symbol symbol) {
                boolean first = l.candidates().get(candidate).group().box().x() < 30;
                boolean plus = l.candidates().get(candidate).group().box().x() > 50
                        && l.candidates().get(candidate).group().box().x() < 100;
                return Math.log(switch (symbol) {
                    case LEFT_PAREN -> first ? 0.7 : 0.05;
                    case ONE -> first ? 0.25 : plus ? 0.05 : 0.9;
                    default -> plus ? 0.9 : 0.05;
                });
            }

            @Override
            public boolean geometric(int candidate) {
                return false;
            }
        };
        List<Symbol> read = lattice.best(l, scorer, LINE).stream().map(SymbolLattice.Pick::symbol).toList();
        assertEquals(List.of(Symbol.ONE, Symbol.PLUS, Symbol.ONE), read, "'(+1' leaves the parenthesis open");
    }

    @Test
    void aStrokeTheModelFindsAsLikelyAOneAsASlashBetweenTwoShortNumbersIsTheSlash() throws Exception {
        TestCanvas c = new TestCanvas(400, 100);
        for (int i = 0; i < 7; i++) {
            c.fill(10 + 50 * i, TOP, 8, LINE);   // seven strokes: 111?111
        }
        InkImage image = c.image();
        SymbolLattice.Lattice l = lattice.candidates(image, segmenter.marks(image), geometry(image));
        SymbolLattice.Scorer scorer = new SymbolLattice.Scorer() {
            @Override
            public Set<Symbol> readings(int candidate) {
                return EnumSet.of(Symbol.ONE, Symbol.DIVIDE);
            }

            @Override
            public double logProbability(int candidate, Symbol symbol) {
                boolean middle = l.candidates().get(candidate).group().box().x() == 160;
                return Math.log(middle ? (symbol == Symbol.ONE ? 0.6 : 0.4) : (symbol == Symbol.ONE ? 0.99 : 0.01));
            }

            @Override
            public boolean geometric(int candidate) {
                return false;
            }
        };
        assertEquals("111÷111", text(lattice.best(l, scorer, LINE)), "a seven-digit number pays for its length");
        assertEquals("1111111", text(new SymbolLattice(0, 0, 6, 4, 0).best(l, scorer, LINE)),
                "without that cost the model's first choice stands");
    }

    private static String text(List<SymbolLattice.Pick> picks) {
        StringBuilder out = new StringBuilder();
        picks.forEach(p -> out.append(p.symbol().text()));
        return out.toString();
    }

    @Test
    void aDecimalPointNeverJoinsADigitButTheDotsOfADivisionSignJoinItsBar() throws Exception {
        TestCanvas c = new TestCanvas(300, 100);
        c.fill(10, TOP, 8, LINE);                 // "1"
        c.fill(14, TOP + LINE + 2, 6, 6);         // "." just below its foot, overlapping it horizontally
        c.fill(60, TOP + 29, 30, 4);              // "÷" bar
        c.fill(72, TOP + 15, 5, 5);               //     dot above
        c.fill(73, TOP + 41, 5, 5);               //     dot below
        InkImage image = c.image();
        List<Mark> marks = segmenter.marks(image);
        SymbolLattice.Lattice l = lattice.candidates(image, marks, geometry(image));
        assertFalse(l.candidates().stream().anyMatch(k -> k.to() - k.from() > 1 && k.group().box().x() < 30),
                "no candidate joins the point and the digit");
        assertTrue(l.candidates().stream().anyMatch(k -> k.to() - k.from() == 3 && k.group().parts().size() == 3),
                "the bar and both dots make one candidate");
    }

    @Test
    void aLineWithTooManyWaysToReadItIsLeftToGeometry() throws Exception {
        TestCanvas c = new TestCanvas(2000, 100);
        // 330 strokes, each overlapping its neighbours horizontally without touching them (alternately high and
        // low), so that every run of up to four may be one symbol.
        for (int i = 0; 6 * i + 11 < 2000; i++) {
            c.fill(6 * i, i % 2 == 0 ? TOP : TOP + 32, 11, 28);
        }
        InkImage image = c.image();
        SymbolSegmenter lenient = new SymbolSegmenter(1000);
        List<Mark> marks = lenient.marks(image);
        assertTrue(marks.size() > 300, "separate marks: " + marks.size());
        SymbolLattice.Lattice l = lattice.candidates(image, marks, SymbolGeometry.of(lenient.segment(image)));
        assertTrue(l.candidates().isEmpty(), "over " + SymbolLattice.MAX_CANDIDATES + " candidates: none");
    }

    @Test
    void theCandidatesCropsTogetherStayAFewTimesTheLine() throws Exception {
        TestCanvas c = new TestCanvas(2400, 1000);
        c.fill(0, 0, 2400, 1000);   // one giant blob, 2.4 lines wide: cut, its ten runs of pieces would be 6.6 Mpx
        InkImage image = c.image();
        SymbolLattice.Lattice l = lattice.candidates(image, segmenter.marks(image), geometry(image));
        assertTrue(l.candidates().isEmpty(), "over " + SymbolLattice.MAX_CANDIDATE_PIXELS + " pixels: none");
    }

    private SymbolGeometry geometry(InkImage image) throws Exception {
        return SymbolGeometry.of(segmenter.segment(image));
    }

    /** A candidate is a half of the two touching rings: a cut piece run about one ring wide. */
    private static boolean isHalf(SymbolLattice.Candidate k) {
        int w = k.group().box().width();
        return !k.whole() && w >= 30 && w <= 46;
    }

    private static List<Integer> candidates(List<SymbolLattice.Pick> picks) {
        return picks.stream().map(SymbolLattice.Pick::candidate).toList();
    }

    /** A model that reads every candidate as a 0, as sure of it as {@code score} says. */
    private static SymbolLattice.Scorer scorer(SymbolLattice.Lattice l,
                                               ToDoubleFunction<SymbolLattice.Candidate> score) {
        return new SymbolLattice.Scorer() {
            @Override
            public Set<Symbol> readings(int candidate) {
                return EnumSet.of(Symbol.ZERO);
            }

            @Override
            public double logProbability(int candidate, Symbol symbol) {
                return score.applyAsDouble(l.candidates().get(candidate));
            }

            @Override
            public boolean geometric(int candidate) {
                return false;
            }
        };
    }
}
