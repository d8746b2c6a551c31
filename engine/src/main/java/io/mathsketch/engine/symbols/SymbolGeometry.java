package io.mathsketch.engine.symbols;

import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.preprocess.MnistCentering;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a symbol's size, shape and place on the line say about it, which the symbol model cannot see once the MNIST
 * recipe has fitted every symbol into the same 20x20 box: a dot on the baseline is a decimal point and one at mid
 * height a multiplication dot; a lone flat bar is a minus (or, when thick, an equals sign whose bars touch; one
 * when its rows show two bars), two stacked bars an equals sign, a bar between two dots a division sign. Every other
 * symbol is the model's to read, among all symbols but the point.
 *
 * <p>The line is measured from the tall symbols (digits, parentheses): a symbol at least {@value #TALL} of the
 * tallest one's height counts as tall; the line's height and top are their medians.
 */
public final class SymbolGeometry {

    /** Share of the tallest symbol's height from which a symbol counts as tall when measuring the line. */
    static final double TALL = 0.6;
    /** A dot is smaller than this share of the line's height both ways. */
    static final double DOT = 0.25;
    /** A bar is at most this high for its width. */
    static final double FLAT = 0.4;
    /** A bar is at most this share of the line's height high. */
    static final double BAR_HEIGHT = 0.4;
    /** A dot lower than this share of the line (from its top) sits on the baseline. */
    static final double BASELINE = 0.72;
    /**
     * A round mark on the baseline up to this share of the line's height both ways is a point (a heavy pen's dot is
     * more than {@value #DOT} of a small line); higher up only a smaller one is a dot.
     */
    static final double POINT_SIZE = 0.4;
    /**
     * A mark whose ink fills at least this share of its box is solid: a dot, however heavy the pen (a disc fills 0.79
     * of its box), where a small {@code +} or {@code ×} leaves its corners empty.
     */
    static final double SOLID = 0.65;
    /** A solid mark is round when neither side of its box is more than this many times the other (a bar is longer). */
    static final double ROUND = 1.25;
    /** A bar at least this share of the line's height high may be the two bars of {@code =} run together. */
    static final double THICK_BAR = 0.15;
    /** A row holding less than this share of a bar's row of ink, between two such rows, parts two bars. */
    static final double GAP_ROW = 0.6;

    private static final Set<Symbol> MODEL_READS = EnumSet.complementOf(EnumSet.of(Symbol.POINT));

    private final double lineTop;
    private final double lineHeight;

    private SymbolGeometry(double lineTop, double lineHeight) {
        this.lineTop = lineTop;
        this.lineHeight = lineHeight;
    }

    /** The line the symbols are written on. */
    public static SymbolGeometry of(List<SymbolGroup> symbols) {
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("no symbols");
        }
        int tallest = symbols.stream().mapToInt(s -> s.box().height()).max().orElseThrow();
        double[] tops = symbols.stream().filter(s -> s.box().height() >= TALL * tallest)
                .mapToDouble(s -> s.box().y()).sorted().toArray();
        double[] heights = symbols.stream().filter(s -> s.box().height() >= TALL * tallest)
                .mapToDouble(s -> s.box().height()).sorted().toArray();
        return new SymbolGeometry(median(tops), median(heights));
    }

    /** The symbols the model chooses among when geometry decides nothing: all but the point. */
    public static Set<Symbol> modelReads() {
        return EnumSet.copyOf(MODEL_READS);
    }

    public double lineHeight() {
        return lineHeight;
    }

    /** The symbols {@code group} can be: one when its geometry decides, otherwise those the model chooses among. */
    public Set<Symbol> candidates(SymbolGroup group) {
        Box box = group.box();
        double centre = (group.centreY() - lineTop) / lineHeight;
        if (isDot(box)) {
            return EnumSet.of(centre > BASELINE ? Symbol.POINT : Symbol.TIMES);
        }
        List<Box> parts = group.parts();
        if (parts.size() == 1 && isPoint(box)) {
            return EnumSet.of(Symbol.POINT);
        }
        if (parts.size() == 1 && isSolidDot(group)) {
            // A raised dot drawn with a heavy pen: larger than a dot of a thin pen, but round and filled.
            return EnumSet.of(Symbol.TIMES);
        }
        if (parts.size() == 1 && isBar(box)) {
            // The bars of "=" drawn close enough to touch are one mark, with rows of little ink between them; a heavy
            // pen fills that gap, so a thick bar without one is left to the model (and the line's grammar).
            if (twoBars(group.ink())) {
                return EnumSet.of(Symbol.EQUALS);
            }
            return box.height() >= THICK_BAR * lineHeight ? EnumSet.of(Symbol.MINUS, Symbol.EQUALS)
                    : EnumSet.of(Symbol.MINUS);
        }
        if (parts.size() == 2 && parts.stream().allMatch(this::isBar)) {
            return EnumSet.of(Symbol.EQUALS);
        }
        if (parts.size() == 3 && parts.stream().filter(this::isBar).count() == 1
                && parts.stream().filter(this::isDot).count() == 2) {
            return EnumSet.of(Symbol.DIVIDE);
        }
        return modelReads();
    }

    /**
     * A symbol's shape and place in line units, for what the centred image hides: its lean, its height and width,
     * and where its top and bottom are from the line's top and baseline (negative above).
     *
     * @param lean the horizontal run of its ink per unit of descent, by its second moments (a slash leaning right is
     *             positive, as is a 1 written with a right slant)
     */
    public record Features(double lean, double height, double width, double top, double bottom) {
    }

    /** The features of {@code group} on this line. */
    public Features features(SymbolGroup group) {
        Box box = group.box();
        return new Features(lean(group.ink()), box.height() / lineHeight, box.width() / lineHeight,
                (box.y() - lineTop) / lineHeight, (box.y() + box.height() - lineTop - lineHeight) / lineHeight);
    }

    /** The slope of x on y of the ink, sign turned so that a stroke from top right to bottom left is positive. */
    static double lean(InkImage ink) {
        int w = ink.width(), h = ink.height();
        double n = 0, sx = 0, sy = 0, sxy = 0, syy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = ink.ink()[y * w + x];
                if (v >= MnistCentering.INK_THRESHOLD) {
                    n += v;
                    sx += v * x;
                    sy += v * y;
                    sxy += v * x * y;
                    syy += v * y * y;
                }
            }
        }
        if (n == 0) {
            return 0;
        }
        double varY = syy / n - (sy / n) * (sy / n);
        double covXY = sxy / n - (sx / n) * (sy / n);
        return varY > 0 ? -covXY / varY : 0;
    }

    /**
     * Whether a flat mark's rows of ink are two bands (the fullest row of its upper half and of its lower half) with
     * a row between them holding less than {@value #GAP_ROW} of the emptier band's ink: one bar's rows rise and fall
     * once.
     */
    static boolean twoBars(InkImage ink) {
        int w = ink.width(), h = ink.height();
        int[] rows = new int[h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                rows[y] += ink.ink()[y * w + x] >= MnistCentering.INK_THRESHOLD ? 1 : 0;
            }
        }
        int upper = 0, lower = h - 1;
        for (int y = 0; y < h; y++) {
            if (y < h / 2 && rows[y] > rows[upper]) {
                upper = y;
            }
            if (y >= h / 2 && rows[y] > rows[lower]) {
                lower = y;
            }
        }
        double gap = GAP_ROW * Math.min(rows[upper], rows[lower]);
        for (int y = upper + 1; y < lower; y++) {
            if (rows[y] < gap) {
                return true;
            }
        }
        return false;
    }

    /** A round mark on the baseline no more than {@value #POINT_SIZE} of the line high or wide. */
    boolean isPoint(Box b) {
        double centre = (b.y() + b.height() / 2.0 - lineTop) / lineHeight;
        return centre > BASELINE && b.width() < POINT_SIZE * lineHeight && b.height() < POINT_SIZE * lineHeight
                && b.width() <= 2 * b.height() && b.height() <= 2 * b.width();
    }

    /**
     * A round, solid mark under {@value #POINT_SIZE} of the line's height both ways: what a heavy pen leaves of a dot
     * (the model never learned dots, and read one as {@code −} or {@code 6}).
     */
    boolean isSolidDot(SymbolGroup group) {
        Box b = group.box();
        if (b.width() >= POINT_SIZE * lineHeight || b.height() >= POINT_SIZE * lineHeight
                || b.width() > ROUND * b.height() || b.height() > ROUND * b.width()) {
            return false;
        }
        InkImage ink = group.ink();
        int filled = 0;
        for (float v : ink.ink()) {
            filled += v >= MnistCentering.INK_THRESHOLD ? 1 : 0;
        }
        return filled >= SOLID * ink.width() * ink.height();
    }

    boolean isDot(Box b) {
        return b.width() < DOT * lineHeight && b.height() < DOT * lineHeight;
    }

    boolean isBar(Box b) {
        return isBar(b, lineHeight);
    }

    /** A bar on a line {@code lineHeight} high: flat, and low for the line (a blob of digits may be flat too). */
    static boolean isBar(Box b, double lineHeight) {
        return b.height() <= FLAT * b.width() && b.height() <= BAR_HEIGHT * lineHeight;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
