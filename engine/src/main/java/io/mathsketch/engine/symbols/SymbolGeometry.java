package io.mathsketch.engine.symbols;

import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.image.Box;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a symbol's size, shape and place on the line say about it, which the symbol model cannot see once the MNIST
 * recipe has fitted every symbol into the same 20x20 box: a dot on the baseline is a decimal point and one at mid
 * height a multiplication dot; a lone flat bar is a minus, two stacked bars an equals sign, a bar between two dots a
 * division sign. Every other symbol is the model's to read, among all symbols but the point.
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
        if (isDot(box)) {
            double centre = (group.centreY() - lineTop) / lineHeight;
            return EnumSet.of(centre > BASELINE ? Symbol.POINT : Symbol.TIMES);
        }
        List<Box> parts = group.parts();
        if (parts.size() == 1 && isBar(box)) {
            return EnumSet.of(Symbol.MINUS);
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

    boolean isDot(Box b) {
        return b.width() < DOT * lineHeight && b.height() < DOT * lineHeight;
    }

    boolean isBar(Box b) {
        return b.height() <= FLAT * b.width() && b.height() <= BAR_HEIGHT * lineHeight;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
