package io.mathsketch.engine.ink;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.InkTooLarge;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Groups the strokes of a number written left to right into its digits, from geometry and stroke order alone: a
 * digit's strokes lie over one another horizontally (the bar of a 7, the down-stroke of a 4 cross the first stroke),
 * while neighbouring digits of a number stand side by side and at most touch. Taking the strokes in the order they
 * were drawn, a stroke joins a digit when the middle of the narrower of the two lies within the wider's extent (a
 * slanted neighbour reaching a little over a digit, or a 1 touching it, stays apart) - or when they
 * overlap at all and one is a flat bar beside the other's height, or they are stacked one above the other (the flag
 * of a 5 reaching far to the right, the two loops of an 8 drawn apart): digits of a number are never on top of each
 * other. Of several digits a stroke could join, it joins the one it lies deepest in. A speck far smaller than the
 * digits (a tap of the pen) joins its nearest digit instead of being read as one.
 *
 * <p>{@link #propose} also notes where that rule decided narrowly ({@link StrokeGroupings}): a stroke that joined a
 * digit with its middle near the digit's edge, or by the bar rule (a 1 joined to its neighbour), or that stayed apart
 * from a digit it touches or nearly reaches (the stem of a 9 touching its loop), so that the digit model can settle
 * those cases.
 *
 * <p>Grouping tests each stroke against the digits begun before it, so its work grows with the square of the strokes:
 * {@link #propose(Ink, int, double, InkWork)} spends it from the request's {@link InkWork} before doing it, at
 * {@link #PAIR_WORK} units per pair of strokes, and the two tall parts' splits at {@link #SPLIT_WORK} per stroke of
 * each split, so that ink with strokes enough to make grouping costly is refused as too large, like ink whose drawing
 * is. Stateless and thread-safe.
 */
public final class StrokeGrouper {

    /** A stroke or group less high than this share of the other's height is a bar (of a 5, a 7, a 4). */
    static final double FLAT = 0.35;
    /** Two whose vertical overlap is under this share of the lower one's height are stacked, not side by side. */
    static final double STACKED = 0.5;
    /** A group whose width and height are both under this share of the tallest group's height is a speck. */
    static final double SPECK = 0.15;
    /**
     * A digit whose strokes, taken in the order drawn, fall into two parts both at least this share of the tallest
     * stroke's height may be two overlapping digits: {@link #propose} offers that split too.
     */
    static final double TALL_PARTS = 0.6;
    /**
     * Work units of one pair of strokes: a stroke tested against a digit, in the grouping pass, the pass noting narrow
     * decisions and the specks' pass together. Priced high rather than low: a unit of grouping takes less time than
     * one of drawing ({@link InkRenderer}'s; the attack corpus's long random segments, 1.07 million units, group in
     * about 1.2 ms).
     */
    static final int PAIR_WORK = 4;
    /** Work units of one stroke of a digit split into two tall parts: copied, measured and indexed as a candidate. */
    static final int SPLIT_WORK = 16;

    /**
     * The digits, leftmost first, each as the strokes that draw it in the order they were drawn.
     *
     * @throws RecognitionException.TooManyDigits when there are more than {@code maxDigits} groups
     */
    public List<List<Stroke>> digits(Ink ink, int maxDigits) throws RecognitionException.TooManyDigits {
        StrokeGroupings groupings = propose(ink, maxDigits, 0);
        List<List<Stroke>> digits = new ArrayList<>();
        for (int c : groupings.geometric()) {
            digits.add(groupings.strokes(c));
        }
        return List.copyOf(digits);
    }

    /**
     * The geometric grouping and, where it decided within {@code margin} (a share of the tallest stroke's height) of
     * the other way, the alternatives to it; a margin of 0 proposes none.
     *
     * @throws RecognitionException.TooManyDigits when the geometric grouping has more than {@code maxDigits} digits
     */
    public StrokeGroupings propose(Ink ink, int maxDigits, double margin) throws RecognitionException.TooManyDigits {
        // Without a bound: for tools and tests grouping ink they made, never for a client's.
        try {
            return propose(ink, maxDigits, margin, InkWork.unbounded());
        } catch (InkTooLarge e) {
            throw new IllegalStateException("unbounded work was exceeded", e);
        }
    }

    /**
     * {@link #propose(Ink, int, double)} for a client's ink: its work spent from {@code work} before it is done.
     *
     * @throws InkTooLarge when grouping would spend more than is left of {@code work}
     */
    public StrokeGroupings propose(Ink ink, int maxDigits, double margin, InkWork work)
            throws RecognitionException.TooManyDigits, InkTooLarge {
        double halfPen = ink.penWidth() / 2;
        List<Stroke> strokes = ink.strokes();
        long n = strokes.size();
        // Each stroke meets at most every digit begun before it, in each pass: n^2 pairs bound them all.
        work.spend(ink.pointCount() + PAIR_WORK * n * n);
        double[][] bounds = new double[strokes.size()][];
        double tallest = 0;
        for (int s = 0; s < bounds.length; s++) {
            bounds[s] = Stroke.bounds(List.of(strokes.get(s)));
            if (bounds[s] != null) {
                tallest = Math.max(tallest, bounds[s][3] - bounds[s][1]);
            }
        }
        double band = margin * tallest;
        List<Group> groups = new ArrayList<>();
        List<Narrow> narrow = new ArrayList<>();
        for (int s = 0; s < bounds.length; s++) {
            double[] b = bounds[s];
            if (b == null) {
                continue;
            }
            Group piece = new Group(s, b);
            Group best = null;
            double bestDepth = Double.NEGATIVE_INFINITY;
            for (Group g : groups) {
                double depth = g.depth(piece);
                boolean bar = g.flatBeside(piece) || piece.flatBeside(g) || g.stackedWith(piece);
                boolean joins = depth >= 0 || bar && g.gap(piece) < halfPen;
                if (joins && depth > bestDepth) {
                    best = g;
                    bestDepth = depth;
                }
            }
            if (band > 0) {
                for (Group g : groups) {
                    double depth = g.depth(piece);
                    boolean near = depth > -band || g.gap(piece) < halfPen;
                    if (g == best && bestDepth < band) {
                        narrow.add(new Narrow(Narrow.Kind.APART, s, g.strokes.getFirst(), Math.abs(depth)));
                    } else if (g != best && near) {
                        narrow.add(new Narrow(best == null ? Narrow.Kind.TOGETHER : Narrow.Kind.MOVED, s,
                                g.strokes.getFirst(), Math.abs(depth)));
                    }
                }
            }
            if (best == null) {
                groups.add(piece);
            } else {
                best.absorb(piece);
            }
        }
        joinSpecks(groups);
        if (groups.size() > maxDigits) {
            throw new RecognitionException.TooManyDigits(groups.size(), maxDigits);
        }
        if (band > 0) {
            // StrokeGroupings splits each digit once after each of its strokes (the two tall parts).
            long splits = 0;
            for (Group g : groups) {
                splits += (long) g.strokes.size() * g.strokes.size();
            }
            work.spend(SPLIT_WORK * splits);
        }
        groups.sort(Comparator.comparingDouble(Group::centreX));
        List<int[]> geometric = groups.stream().map(g -> g.strokes.stream().mapToInt(Integer::intValue).toArray())
                .toList();
        narrow.sort(Comparator.comparingDouble(Narrow::depth));
        return new StrokeGroupings(strokes, bounds, geometric, narrow, band > 0 ? TALL_PARTS * tallest : 0,
                StrokeGroupings.MAX_ALTERNATIVES_PER_DIGIT
                * Math.max(1, geometric.size()));
    }

    /** Specks join the group nearest to them horizontally, as long as there is a digit to join. */
    private static void joinSpecks(List<Group> groups) {
        double tallest = groups.stream().mapToDouble(Group::height).max().orElse(0);
        for (int i = groups.size() - 1; i >= 0 && groups.size() > 1; i--) {
            Group g = groups.get(i);
            if (g.width() < SPECK * tallest && g.height() < SPECK * tallest) {
                groups.remove(i);
                Group nearest = groups.stream().min(Comparator.comparingDouble(o -> o.gap(g))).orElseThrow();
                nearest.absorb(g);
            }
        }
    }

    /**
     * A decision the rule took narrowly about stroke {@code stroke} and the digit that stroke {@code anchor} began:
     * {@code APART}, it joined that digit but might stand apart; {@code TOGETHER}, it began a digit of its own but
     * might belong to that one; {@code MOVED}, it joined another digit but might belong to that one. {@code depth}:
     * how far from the other way the rule was, in ink units.
     */
    record Narrow(Kind kind, int stroke, int anchor, double depth) {
        enum Kind { APART, TOGETHER, MOVED }
    }

    /** Strokes (by index) and the box around their points, in ink units. */
    private static final class Group {
        final List<Integer> strokes = new ArrayList<>();
        double minX, minY, maxX, maxY;

        Group(int stroke, double[] b) {
            strokes.add(stroke);
            this.minX = b[0];
            this.minY = b[1];
            this.maxX = b[2];
            this.maxY = b[3];
        }

        /** How far the middle of the narrower of the two lies inside the wider, horizontally (negative: outside). */
        double depth(Group other) {
            Group narrower = width() <= other.width() ? this : other, wider = narrower == this ? other : this;
            double middle = narrower.centreX();
            return Math.min(middle - wider.minX, wider.maxX - middle);
        }

        boolean flatBeside(Group other) {
            return height() < FLAT * other.height();
        }

        boolean stackedWith(Group other) {
            double shared = Math.min(maxY, other.maxY) - Math.max(minY, other.minY);
            return shared < STACKED * Math.min(height(), other.height());
        }

        /** Horizontal distance between the two (negative: how far they overlap). */
        double gap(Group other) {
            return Math.max(minX, other.minX) - Math.min(maxX, other.maxX);
        }

        void absorb(Group other) {
            strokes.addAll(other.strokes);
            minX = Math.min(minX, other.minX);
            minY = Math.min(minY, other.minY);
            maxX = Math.max(maxX, other.maxX);
            maxY = Math.max(maxY, other.maxY);
        }

        double width() {
            return maxX - minX;
        }

        double height() {
            return maxY - minY;
        }

        double centreX() {
            return (minX + maxX) / 2;
        }
    }
}
