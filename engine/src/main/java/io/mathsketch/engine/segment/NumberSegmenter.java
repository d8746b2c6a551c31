package io.mathsketch.engine.segment;

import io.mathsketch.engine.image.Box;

import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.RecognitionException.TooManyDigits;
import io.mathsketch.engine.image.InkImage;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Reads the digits of a number written left to right. Strokes are split into 8-connected components, then:
 * <ol>
 *   <li>pieces of one digit are merged: a narrower piece lying mostly within another's columns (a stroke crossing
 *       a digit's box), or a clearly shorter piece close to a taller one when together they are still one digit's
 *       shape (the detached bar of a 5, the two strokes of an open 4);</li>
 *   <li>specks far smaller than the digits are dropped;</li>
 *   <li>a piece much wider than tall is taken as touching digits and cut at the columns of least ink near where the
 *       digit boundaries are expected;</li>
 *   <li>each remaining piece, ordered by x, is cut out with only its own ink.</li>
 * </ol>
 * Heights are compared with the tallest piece, so the rules work at any image scale. The number of pieces is checked
 * against the digit limit before any step whose cost grows faster than the ink (merging compares pairs), so an image
 * of countless specks is refused in time proportional to its ink.
 */
public final class NumberSegmenter {

    /** Ink at or above this forms strokes; above the anti-aliasing fringe so that faint halos do not join digits. */
    static final float STROKE_THRESHOLD = 0.3f;
    /** Share of the narrower piece's width that must lie within the wider one's columns for them to merge. */
    private static final double MERGE_OVERLAP = 0.5;
    /** A piece shorter than this share of the tallest is a fragment that may join a neighbour. */
    private static final double FRAGMENT_HEIGHT = 0.75;
    /** How close (share of the tallest height) a fragment must be to the piece it joins. */
    private static final double FRAGMENT_GAP = 0.12;
    /** Width over height that a fragment and the piece it joins may reach together, so two digits never merge. */
    private static final double MAX_DIGIT_ASPECT = 1.0;
    /**
     * A piece wider than this many times its height, and wider than {@link #TOUCHING_WIDTHS} typical digits, is
     * taken as touching digits. Single handwritten digits are nearly always taller than wide.
     */
    private static final double TOUCHING_ASPECT = 1.1;
    private static final double TOUCHING_WIDTHS = 1.6;
    /** Width over height assumed for one digit when no lone digit tells us better. */
    private static final double DIGIT_ASPECT = 0.7;
    /** Pieces (strokes) one digit may be written in, for the early check of the digit limit. */
    private static final int PIECES_PER_DIGIT = 4;

    /**
     * @param maxDigits the most digits a number may have
     * @return one cut-out per digit, leftmost first
     * @throws BlankImage when the image holds no stroke
     * @throws TooManyDigits when it holds more than {@code maxDigits} digit-like regions
     */
    public List<Cutout> segment(InkImage image, int maxDigits) throws BlankImage, TooManyDigits {
        StrokeMap strokes = StrokeMap.of(image, STROKE_THRESHOLD);
        if (strokes.count == 0) {
            throw new BlankImage();
        }
        int tallest = strokes.tallest;
        int kept = strokes.countNotSpecks();
        if (kept > PIECES_PER_DIGIT * maxDigits) {
            throw new TooManyDigits(kept / PIECES_PER_DIGIT, maxDigits);
        }
        List<Piece> pieces = new ArrayList<>(kept);
        for (int id = 1; id <= strokes.count; id++) {
            if (!strokes.isSpeck(id)) {
                pieces.add(Piece.of(strokes, id));
            }
        }
        pieces = mergeOverlapping(pieces);
        pieces = attachFragments(pieces, tallest);
        pieces = dropSpecks(pieces, tallest);
        pieces = splitTouching(pieces, strokes, maxDigits);
        if (pieces.size() > maxDigits) {
            throw new TooManyDigits(pieces.size(), maxDigits);
        }
        pieces.sort(Comparator.comparingDouble(Piece::centreX));
        List<Cutout> regions = new ArrayList<>(pieces.size());
        for (Piece piece : pieces) {
            regions.add(cutOut(image, strokes, piece));
        }
        return List.copyOf(regions);
    }

    private static List<Piece> dropSpecks(List<Piece> pieces, int tallest) {
        int largest = pieces.stream().mapToInt(p -> p.pixels).max().orElse(0);
        List<Piece> kept = new ArrayList<>();
        for (Piece p : pieces) {
            if (!StrokeMap.isSpeck(p.pixels, p.height(), largest, tallest)) {
                kept.add(p);
            }
        }
        return kept;
    }

    private static List<Piece> mergeOverlapping(List<Piece> pieces) {
        List<Piece> result = new ArrayList<>(pieces);
        boolean merged = true;
        while (merged) {
            merged = false;
            search:
            for (int i = 0; i < result.size(); i++) {
                for (int j = i + 1; j < result.size(); j++) {
                    Piece a = result.get(i), b = result.get(j);
                    Piece narrow = a.width() <= b.width() ? a : b;
                    Piece wide = narrow == a ? b : a;
                    int overlap = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
                    double centre = narrow.centreX();
                    if (overlap >= MERGE_OVERLAP * narrow.width() && centre >= wide.x0 && centre < wide.x1) {
                        result.set(i, a.merge(b));
                        result.remove(j);
                        merged = true;
                        break search;
                    }
                }
            }
        }
        return result;
    }

    /**
     * A piece clearly shorter than the tallest is part of a digit (the detached bar of a 5, the open top of a 4): it
     * joins the nearest taller piece within reach, provided the two together are still shaped like one digit, not
     * like two. Shortest first, so that chains of fragments resolve.
     */
    private static List<Piece> attachFragments(List<Piece> pieces, int tallest) {
        List<Piece> result = new ArrayList<>(pieces);
        Comparator<Piece> shortestFirst = Comparator.comparingInt(Piece::height);
        result.sort(shortestFirst);
        for (int i = 0; i < result.size(); i++) {
            Piece fragment = result.get(i);
            if (fragment.height() >= FRAGMENT_HEIGHT * tallest) {
                continue;
            }
            int best = -1;
            double bestGap = FRAGMENT_GAP * tallest;
            for (int j = 0; j < result.size(); j++) {
                Piece other = result.get(j);
                if (j != i && other.height() > fragment.height()) {
                    Piece union = other.merge(fragment);
                    double gap = fragment.gapTo(other);
                    if (gap <= bestGap && union.width() <= MAX_DIGIT_ASPECT * union.height()) {
                        bestGap = gap;
                        best = j;
                    }
                }
            }
            if (best >= 0) {
                result.set(best, result.get(best).merge(fragment));
                result.remove(i);
                result.sort(shortestFirst);
                i = -1;
            }
        }
        return result;
    }

    private static List<Piece> splitTouching(List<Piece> pieces, StrokeMap strokes, int maxDigits)
            throws TooManyDigits {
        // Lone digits of the same hand tell the expected digit width better than a fixed guess; narrow 1s aside.
        double aspect = pieces.stream().filter(p -> p.width() <= TOUCHING_ASPECT * p.height())
                .mapToDouble(p -> (double) p.width() / p.height()).filter(a -> a >= 0.4).average()
                .orElse(DIGIT_ASPECT);
        double touching = Math.max(TOUCHING_ASPECT, TOUCHING_WIDTHS * aspect);
        List<Piece> result = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece.width() > touching * piece.height()) {
                int parts = Math.max(2, (int) Math.round(piece.width() / (aspect * piece.height())));
                if (parts > maxDigits) {
                    // A long thin line would otherwise be cut into thousands of parts.
                    throw new TooManyDigits(parts, maxDigits);
                }
                result.addAll(piece.split(strokes, parts));
            } else {
                result.add(piece);
            }
        }
        return result;
    }

    private static Cutout cutOut(InkImage image, StrokeMap strokes, Piece piece) {
        // The crop reaches a little beyond the stroke box so that the soft edge of the strokes comes along.
        int margin = 2 + piece.height() / 10;
        int cx0 = Math.max(0, piece.x0 - margin), cy0 = Math.max(0, piece.y0 - margin);
        int cx1 = Math.min(image.width(), piece.x1 + margin), cy1 = Math.min(image.height(), piece.y1 + margin);
        int cw = cx1 - cx0, ch = cy1 - cy0;
        float[] crop = new float[cw * ch];
        float[] ink = image.ink();
        for (int y = cy0; y < cy1; y++) {
            for (int x = cx0; x < cx1; x++) {
                int p = y * image.width() + x;
                if (piece.owns(strokes.owners[p], x)) {
                    crop[(y - cy0) * cw + (x - cx0)] = ink[p];
                }
            }
        }
        return new Cutout(new Box(piece.x0, piece.y0, piece.width(), piece.height()), new InkImage(cw, ch, crop));
    }

    /**
     * A set of components, optionally restricted to a column range (after a split), with the bounding box and
     * count of its stroke pixels.
     */
    private record Piece(BitSet ids, int fromX, int toX, int x0, int y0, int x1, int y1, int pixels) {

        static Piece of(StrokeMap strokes, int id) {
            BitSet ids = new BitSet();
            ids.set(id);
            return new Piece(ids, Integer.MIN_VALUE, Integer.MAX_VALUE, strokes.minX[id], strokes.minY[id],
                    strokes.maxX[id], strokes.maxY[id], strokes.pixels[id]);
        }

        int width() {
            return x1 - x0;
        }

        int height() {
            return y1 - y0;
        }

        double centreX() {
            return (x0 + x1) / 2.0;
        }

        boolean owns(int id, int x) {
            return id != 0 && x >= fromX && x < toX && ids.get(id);
        }

        /** Chebyshev gap between the two boxes; 0 when they overlap. */
        double gapTo(Piece other) {
            int dx = Math.max(0, Math.max(other.x0 - x1, x0 - other.x1));
            int dy = Math.max(0, Math.max(other.y0 - y1, y0 - other.y1));
            return Math.max(dx, dy);
        }

        Piece merge(Piece other) {
            BitSet union = (BitSet) ids.clone();
            union.or(other.ids);
            return new Piece(union, Math.min(fromX, other.fromX), Math.max(toX, other.toX), Math.min(x0, other.x0),
                    Math.min(y0, other.y0), Math.max(x1, other.x1), Math.max(y1, other.y1), pixels + other.pixels);
        }

        /** Cuts into {@code parts} column ranges at the columns of least ink near the evenly spaced boundaries. */
        List<Piece> split(StrokeMap strokes, int parts) {
            int w = width();
            int[] projection = new int[w];
            for (int y = y0; y < y1; y++) {
                for (int x = x0; x < x1; x++) {
                    if (owns(strokes.labels[y * strokes.width + x], x)) {
                        projection[x - x0]++;
                    }
                }
            }
            double partWidth = (double) w / parts;
            int window = Math.max(1, (int) Math.round(partWidth * 0.25));
            List<Piece> result = new ArrayList<>(parts);
            int from = x0;
            for (int k = 1; k <= parts; k++) {
                int to = x1;
                if (k < parts) {
                    int expected = (int) Math.round(k * partWidth);
                    int best = expected;
                    for (int c = Math.max(1, expected - window); c <= Math.min(w - 1, expected + window); c++) {
                        if (projection[c] < projection[best]
                                || projection[c] == projection[best] && Math.abs(c - expected) < Math.abs(best - expected)) {
                            best = c;
                        }
                    }
                    to = x0 + best;
                }
                Piece part = restricted(strokes, from, to);
                if (part != null) {
                    result.add(part);
                }
                from = to;
            }
            return result;
        }

        private Piece restricted(StrokeMap strokes, int from, int to) {
            int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1, count = 0;
            for (int y = y0; y < y1; y++) {
                for (int x = Math.max(from, x0); x < Math.min(to, x1); x++) {
                    if (owns(strokes.labels[y * strokes.width + x], x)) {
                        minX = Math.min(minX, x);
                        maxX = Math.max(maxX, x);
                        minY = Math.min(minY, y);
                        maxY = y;
                        count++;
                    }
                }
            }
            return count == 0 ? null : new Piece(ids, Math.max(fromX, from), Math.min(toX, to), minX, minY, maxX + 1,
                    maxY + 1, count);
        }
    }
}
