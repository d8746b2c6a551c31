package io.mathsketch.engine.ink;

import io.mathsketch.engine.RecognitionException;
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
 * digits (a tap of the pen) joins its nearest digit instead of being read as one. Stateless and thread-safe.
 */
public final class StrokeGrouper {

    /** A stroke or group less high than this share of the other's height is a bar (of a 5, a 7, a 4). */
    static final double FLAT = 0.35;
    /** Two whose vertical overlap is under this share of the lower one's height are stacked, not side by side. */
    static final double STACKED = 0.5;
    /** A group whose width and height are both under this share of the tallest group's height is a speck. */
    static final double SPECK = 0.15;

    /**
     * The digits, leftmost first, each as the strokes that draw it in the order they were drawn.
     *
     * @throws RecognitionException.TooManyDigits when there are more than {@code maxDigits} groups
     */
    public List<List<Stroke>> digits(Ink ink, int maxDigits) throws RecognitionException.TooManyDigits {
        double halfPen = ink.penWidth() / 2;
        List<Group> groups = new ArrayList<>();
        for (Stroke stroke : ink.strokes()) {
            double[] b = InkRenderer.bounds(List.of(stroke));
            if (b == null) {
                continue;
            }
            Group piece = new Group(stroke, b[0], b[1], b[2], b[3]);
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
        groups.sort(Comparator.comparingDouble(Group::centreX));
        return groups.stream().map(g -> List.copyOf(g.strokes)).toList();
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

    /** Strokes and the box around their points, in ink units. */
    private static final class Group {
        final List<Stroke> strokes = new ArrayList<>();
        double minX, minY, maxX, maxY;

        Group(Stroke stroke, double minX, double minY, double maxX, double maxY) {
            strokes.add(stroke);
            this.minX = minX;
            this.minY = minY;
            this.maxX = maxX;
            this.maxY = maxY;
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
