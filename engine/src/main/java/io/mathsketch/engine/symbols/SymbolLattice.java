package io.mathsketch.engine.symbols;

import io.mathsketch.engine.expression.ExpressionGrammar;
import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.InkImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ways a line's marks can make symbols, for a reading that lets the symbol model choose among them. Geometry
 * alone cannot tell a digit in two strokes from two symbols, nor see two symbols that touch: so a mark wide enough
 * to be two symbols is also cut where its ink is thinnest, and neighbouring marks that overlap horizontally may be
 * read together or apart. The model reads every candidate in one batch, and {@link #best} picks the reading of the
 * whole line with the highest total score (a dynamic programme over the pieces left to right and the states of the
 * {@link ExpressionGrammar}, so that a reading without a value loses to one with: a {@code 1} that would leave a
 * parenthesis unbalanced or an operator without operands is read as what fits), where each symbol, each cut and each
 * symbol wider than a digit pays a cost, so that the model's confidence alone, which is high even on two digits
 * squeezed into one box, does not decide. Thread-safe and stateless.
 */
public final class SymbolLattice {

    /**
     * Pieces one symbol may be made of at the most (the bar and two dots of {@code ÷} are three), unless they are all
     * cut out of one mark, which may always join again.
     */
    static final int MAX_RUN = 4;
    /** A mark wider than this share of the line's height may be two touching symbols, and is also cut. */
    static final double WIDE = 0.8;
    /**
     * A cut leaves at least this share of the line's height on either side. With {@link #MAX_CUTS} chosen on the
     * tuning lines ({@code ExpressionMissTuning}; wide hand, training hand, heavy pen of 300 each): 0.25 and 3 cuts
     * read 259, 288 and 282 exactly, 0.18 and 8 cuts 267, 290 and 279, 0.15 and 8 cuts 268, 290 and 280 (most
     * touching symbols were partable by one upright cut that the fewer, wider-spaced cuts missed); 0.12 read 262 of
     * the wide hand's.
     */
    static final double MIN_PIECE = 0.15;
    /** Cuts tried in one mark at the most (its thinnest columns). */
    static final int MAX_CUTS = 8;
    /**
     * Separate marks are read as one symbol only when each overlaps the others by this share of the narrower of it
     * and them.
     */
    static final double MIN_OVERLAP = 0.2;
    /** A dot joins only marks at most this share of the line's height high. */
    static final double LOW = 0.5;
    /** Candidates (model inputs) per line at the most; a line needing more is read as geometry groups it. */
    public static final int MAX_CANDIDATES = 512;
    /**
     * Pixels of all candidates' crops together at the most, four times the largest line the layout works on: the
     * crops overlap (a mark is in every run it belongs to), and this keeps their memory a small multiple of the
     * line's whatever the image (a giant blob is cut into pieces that make ten overlapping crops).
     */
    static final long MAX_CANDIDATE_PIXELS = 4L << 20;

    private static final ExpressionGrammar GRAMMAR = new ExpressionGrammar();

    private final double symbolCost;
    private final double cutCost;
    private final double widthCost;
    private final double unusualCost;
    private final double longCost;

    /** The tuned costs (see {@code SymbolLatticeTuning} in the corpus tests, on the training hand's lines). */
    public SymbolLattice() {
        this(0.0, 0.0, 6.0, 4.0, LONG_NUMBER_COST);
    }

    /** Digits a number may have before each further digit pays {@code longCost}. */
    static final int LONG_NUMBER = 3;
    /** The tuned {@code longCost} (training-hand lines: 281 exact of 300 without, 286 from 1 to 3). */
    static final double LONG_NUMBER_COST = 2.0;

    /**
     * @param symbolCost log-score paid per symbol
     * @param cutCost log-score paid per symbol made of a piece cut out of a mark
     * @param widthCost log-score paid per line height of a symbol's width beyond one line height (bars excepted)
     * @param unusualCost log-score paid per sign before an operand and per implicit multiplication
     */
    public SymbolLattice(double symbolCost, double cutCost, double widthCost, double unusualCost) {
        this(symbolCost, cutCost, widthCost, unusualCost, 0);
    }

    /**
     * The same, and {@code longCost} paid per digit of a number beyond {@value #LONG_NUMBER}: a stroke between two
     * short numbers is more often an operator (a slash taken for a 1) than the middle of one long number.
     */
    public SymbolLattice(double symbolCost, double cutCost, double widthCost, double unusualCost, double longCost) {
        this.symbolCost = symbolCost;
        this.cutCost = cutCost;
        this.widthCost = widthCost;
        this.unusualCost = unusualCost;
        this.longCost = longCost;
    }

    /** One way to read some marks as one symbol: marks {@code from} (inclusive) to {@code to} (exclusive). */
    public record Candidate(int from, int to, SymbolGroup group, boolean whole) {
    }

    /** The pieces of a line (marks, wide ones also cut) and the candidate symbols over them. */
    public record Lattice(int pieces, List<Candidate> candidates) {
        public Lattice {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * The candidates of a line, or an empty lattice when it would need more than {@link #MAX_CANDIDATES}.
     *
     * @param marks the line's marks left to right
     * @param geometry the line they are written on
     */
    public Lattice candidates(InkImage image, List<Mark> marks, SymbolGeometry geometry) {
        double lineHeight = geometry.lineHeight();
        List<Mark> pieces = new ArrayList<>();
        for (Mark mark : marks) {
            pieces.addAll(cut(image, mark, lineHeight));
        }
        pieces.sort(Comparator.comparingDouble(Mark::centreX));
        List<Candidate> candidates = new ArrayList<>();
        long area = 0;
        for (int from = 0; from < pieces.size(); from++) {
            for (int to = from + 1; to <= pieces.size(); to++) {
                List<Mark> run = pieces.subList(from, to);
                boolean oneMark = run.stream().allMatch(m -> m.source() == run.getFirst().source());
                if (run.size() > MAX_RUN && !oneMark) {
                    // The pieces of one mark may always join again, however many its cuts made.
                    break;
                }
                boolean whole = run.stream().allMatch(Mark::whole)
                        || oneMark && run.size() == pieces(pieces, run.getFirst().source());
                if (run.size() > 1 && !(oneMark || canJoin(run, geometry))) {
                    continue;
                }
                area += area(run);
                if (candidates.size() == MAX_CANDIDATES || area > MAX_CANDIDATE_PIXELS) {
                    return new Lattice(pieces.size(), List.of());
                }
                candidates.add(new Candidate(from, to, SymbolSegmenter.crop(image, run), whole));
            }
        }
        return new Lattice(pieces.size(), candidates);
    }

    /** Pixels of the box around the run's marks. */
    private static long area(List<Mark> run) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        for (Mark m : run) {
            x0 = Math.min(x0, m.box().x());
            y0 = Math.min(y0, m.box().y());
            x1 = Math.max(x1, m.x1());
            y1 = Math.max(y1, m.box().y() + m.box().height());
        }
        return (long) (x1 - x0) * (y1 - y0);
    }

    private static long pieces(List<Mark> pieces, int source) {
        return pieces.stream().filter(m -> m.source() == source).count();
    }

    /** How each candidate read. */
    public interface Scorer {
        /** The symbols the candidate may be read as (its geometry's choice: one, or those the model reads). */
        Set<Symbol> readings(int candidate);

        /** The natural log of the probability that the candidate is {@code symbol}, one of its readings. */
        double logProbability(int candidate, Symbol symbol);

        /** Whether its geometry alone decided what it is (a bar, a dot, {@code =}, {@code ÷}), not the model. */
        boolean geometric(int candidate);
    }

    /** One symbol of a reading: the candidate and what it is read as. */
    public record Pick(int candidate, Symbol symbol) {
    }

    /**
     * The best reading of the whole line, left to right: the candidates that cover it and a symbol for each, with
     * the highest total score among the readings the expression grammar accepts, or among all readings when it
     * accepts none (so that what was read can still be shown).
     *
     * @param lineHeight the line's height, for the width cost
     */
    public List<Pick> best(Lattice lattice, Scorer scorer, double lineHeight) {
        List<Pick> grammatical = search(lattice, scorer, lineHeight, true);
        return grammatical.isEmpty() && lattice.pieces() > 0 ? search(lattice, scorer, lineHeight, false)
                : grammatical;
    }

    /** A way into a piece in one grammar state: its score and where it came from. */
    private record Step(double score, ExpressionGrammar.State from, int candidate, Symbol symbol) {
    }

    /**
     * A dynamic programme over (piece, grammar state); without the grammar every reading is in one state. Empty when
     * no reading reaches the end.
     */
    private List<Pick> search(Lattice lattice, Scorer scorer, double lineHeight, boolean useGrammar) {
        int n = lattice.pieces();
        List<Map<ExpressionGrammar.State, Step>> at = new ArrayList<>(n + 1);
        for (int p = 0; p <= n; p++) {
            at.add(new HashMap<>());
        }
        ExpressionGrammar.State start = GRAMMAR.start();
        at.getFirst().put(start, new Step(0, null, -1, null));
        List<Candidate> candidates = lattice.candidates();
        // Candidates are ordered by their first piece, so every way into a piece is scored before leaving it.
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            Map<ExpressionGrammar.State, Step> into = at.get(c.from());
            if (into.isEmpty()) {
                continue;
            }
            Box box = c.group().box();
            // Wider than a digit is the mark of two symbols in one box, unless geometry knows it (a long bar).
            double excess = SymbolGeometry.isBar(box, lineHeight) || scorer.geometric(i) ? 0
                    : Math.max(0, box.width() / lineHeight - 1.0);
            double cost = symbolCost + widthCost * excess + (c.whole() ? 0 : cutCost);
            Map<ExpressionGrammar.State, Step> out = at.get(c.to());
            for (Symbol symbol : scorer.readings(i)) {
                double s0 = scorer.logProbability(i, symbol) - cost;
                for (Map.Entry<ExpressionGrammar.State, Step> e : into.entrySet()) {
                    ExpressionGrammar.State state = e.getKey();
                    ExpressionGrammar.State next = start;
                    double s = e.getValue().score() + s0;
                    if (useGrammar) {
                        Optional<ExpressionGrammar.State> after = GRAMMAR.next(state, symbol);
                        if (after.isEmpty()) {
                            continue;
                        }
                        next = after.get();
                        s -= unusualCost(state, symbol);
                    }
                    Step known = out.get(next);
                    if (known == null || s > known.score()) {
                        out.put(next, new Step(s, state, i, symbol));
                    }
                }
            }
        }
        ExpressionGrammar.State end = null;
        for (Map.Entry<ExpressionGrammar.State, Step> e : at.get(n).entrySet()) {
            if ((!useGrammar || GRAMMAR.accepts(e.getKey()))
                    && (end == null || e.getValue().score() > at.get(n).get(end).score())) {
                end = e.getKey();
            }
        }
        if (end == null) {
            return List.of();
        }
        List<Pick> chosen = new ArrayList<>();
        ExpressionGrammar.State state = end;
        for (int p = n; p > 0; ) {
            Step step = at.get(p).get(state);
            chosen.add(new Pick(step.candidate(), step.symbol()));
            p = candidates.get(step.candidate()).from();
            state = step.from();
        }
        return chosen.reversed();
    }

    /**
     * What the grammar allows but arithmetic written by hand rarely holds pays {@code unusualCost}: a sign before an
     * operand ({@code 2×−3}) and a parenthesis multiplying what stands before it ({@code 2(3+4)}), which a stray
     * {@code 1} read as {@code (} or {@code −} would otherwise make grammatical.
     */
    private double unusualCost(ExpressionGrammar.State state, Symbol symbol) {
        boolean sign = state.expectsOperand() && (symbol == Symbol.PLUS || symbol == Symbol.MINUS);
        boolean implicit = !state.expectsOperand() && symbol == Symbol.LEFT_PAREN;
        boolean longer = state.phase() == ExpressionGrammar.Phase.NUMBER && symbol.isDigit()
                && state.digits() >= LONG_NUMBER;
        return (sign || implicit ? unusualCost : 0) + (longer ? longCost : 0);
    }

    /**
     * Whether whole marks of different components may be one symbol: each overlaps the others horizontally (the
     * strokes of one digit, a slash leaning into its neighbours), and a dot only joins low marks (the bar and dots
     * of {@code ÷}; a decimal point beside a digit stays a symbol of its own).
     */
    private static boolean canJoin(List<Mark> run, SymbolGeometry geometry) {
        if (!run.stream().allMatch(Mark::whole)) {
            return false;
        }
        boolean dots = run.stream().anyMatch(m -> geometry.isDot(m.box()));
        if (dots && run.stream().anyMatch(m -> m.box().height() > LOW * geometry.lineHeight())) {
            return false;
        }
        for (Mark m : run) {
            int x0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE;
            for (Mark other : run) {
                if (other != m) {
                    x0 = Math.min(x0, other.box().x());
                    x1 = Math.max(x1, other.x1());
                }
            }
            int overlap = Math.min(x1, m.x1()) - Math.max(x0, m.box().x());
            if (overlap < MIN_OVERLAP * Math.min(m.box().width(), x1 - x0)) {
                return false;
            }
        }
        return true;
    }

    /** The mark itself, and when wide, the pieces it falls into when cut at its thinnest columns. */
    private static List<Mark> cut(InkImage image, Mark mark, double lineHeight) {
        Box box = mark.box();
        int minPiece = (int) Math.ceil(MIN_PIECE * lineHeight);
        if (box.width() < WIDE * lineHeight || box.width() < 2 * minPiece || SymbolGeometry.isBar(box, lineHeight)) {
            return List.of(mark);
        }
        int w = image.width();
        int[] columns = new int[box.width()];
        for (int p : mark.pixels()) {
            columns[p % w - box.x()]++;
        }
        int[] cuts = thinnest(columns, minPiece);
        if (cuts.length == 0) {
            return List.of(mark);
        }
        List<Mark> pieces = new ArrayList<>(cuts.length + 1);
        int[] bounds = new int[cuts.length + 2];
        bounds[0] = 0;
        System.arraycopy(cuts, 0, bounds, 1, cuts.length);
        bounds[cuts.length + 1] = box.width();
        for (int k = 0; k + 1 < bounds.length; k++) {
            int lo = bounds[k], hi = bounds[k + 1];
            int[] pixels = Arrays.stream(mark.pixels()).filter(p -> {
                int x = p % w - box.x();
                return x >= lo && x < hi;
            }).toArray();
            if (pixels.length > 0) {
                pieces.add(new Mark(pixels, bounds(pixels, w), mark.source(), false));
            }
        }
        return pieces;
    }

    /** Up to {@link #MAX_CUTS} columns where the mark is thinnest, at least {@code minPiece} apart and from its ends. */
    private static int[] thinnest(int[] columns, int minPiece) {
        int n = columns.length;
        List<Integer> minima = new ArrayList<>();
        for (int x = minPiece; x <= n - minPiece; x++) {
            int here = smoothed(columns, x);
            if (here <= smoothed(columns, x - 1) && here <= smoothed(columns, x + 1)) {
                minima.add(x);
            }
        }
        minima.sort(Comparator.comparingInt((Integer x) -> smoothed(columns, x)).thenComparingInt(x -> x));
        List<Integer> chosen = new ArrayList<>();
        for (int x : minima) {
            if (chosen.size() == MAX_CUTS) {
                break;
            }
            if (chosen.stream().allMatch(c -> Math.abs(c - x) >= minPiece)) {
                chosen.add(x);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static int smoothed(int[] columns, int x) {
        int sum = 0;
        for (int d = -1; d <= 1; d++) {
            int i = Math.clamp(x + d, 0, columns.length - 1);
            sum += columns[i];
        }
        return sum;
    }

    private static Box bounds(int[] pixels, int width) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        for (int p : pixels) {
            int x = p % width, y = p / width;
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, x + 1);
            y1 = Math.max(y1, y + 1);
        }
        return new Box(x0, y0, x1 - x0, y1 - y0);
    }
}
