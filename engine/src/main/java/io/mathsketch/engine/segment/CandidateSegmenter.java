package io.mathsketch.engine.segment;

import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.RecognitionException.TooManyDigits;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.InkImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Over-segments a number's ink into <em>atoms</em> and proposes every plausible digit made of a run of neighbouring
 * atoms, for a recogniser to choose among ({@link ReadingSearch}). Atoms are the 8-connected stroke components, specks
 * dropped; a component wider than a narrow digit is cut into slices along valleys of its ink (paths from top to
 * bottom that cross the least ink), so that touching
 * digits can be parted and, since neighbouring slices may form one candidate again, a wide digit is never forced
 * apart. Atoms are ordered by their centres; a candidate is a run of up to {@link #MAX_ATOMS_PER_DIGIT} of them no
 * wider than {@link #MAX_WIDTH} line heights, so a digit broken into pieces (a 4 or 5 written in two strokes, a gap in
 * a stroke) is one candidate among others.
 *
 * <p>Each candidate carries its shape relative to the line's height (width, height, empty columns inside it, the height
 * of its second-tallest separate stroke), on which {@link ReadingSearch} puts a prior so that a fragment or a pair of digits is not read as one digit just
 * because the model is confident. Work is bounded: the atoms are counted against the
 * digit limit before any pairwise step, and there are at most {@link #MAX_ATOMS_PER_DIGIT} candidates per atom.
 */
public final class CandidateSegmenter {

    /** Pieces (strokes, slices) one digit may be made of. */
    public static final int MAX_ATOMS_PER_DIGIT = 5;
    /**
     * Most times over the candidates' cut-outs may cover the image's pixels, all told: each is cut out, centred and
     * read, so this bounds that work by the image's size. A row of digits' candidates cover its ink box a few times over,
     * a tight row of narrow 1s (five candidates a piece, each up to 1.4 line heights wide) up to about 30. Pieces as tall as the line and a few pixels
     * apart (a crafted picture of thin bars) make every candidate a tall box holding five of them, and would cover
     * a million-pixel image some two hundred times: refused as too many digits before any is cut out.
     */
    static final int MAX_CUTOUT_SHARE = 40;
    /** Widest candidate, in line heights (a wide 0 or 4 with a long bar is about 1.0). */
    static final double MAX_WIDTH = 1.4;
    /** Components narrower than this (line heights) are never cut: no two digits fit in them. */
    private static final double CUT_WIDTH = 0.5;
    /** A cut is no nearer than this (line heights) to the component's sides or to another cut. */
    private static final double CUT_MARGIN = 0.1, CUT_SPACING = 0.15;
    /**
     * At most one cut per this many line heights of a component's width (0.2 let more cuts through lone digits and
     * read fewer tuning numbers).
     */
    private static final double CUT_EVERY = 0.25;
    /** Valley paths are tried from start columns this far apart (line heights). */
    private static final double CUT_STEP = 0.04;
    /** How far (line heights) a valley path may stray either side of the column it starts from. */
    private static final double VALLEY_BAND = 0.12;
    /**
     * Least share of a cut component's stroke pixels either side of a cut: a path that skirts the component's edge
     * shaves off a sliver no digit is made of, and would take the place of a cut between two digits.
     */
    private static final double MIN_PIECE = 0.06;

    /**
     * @param maxDigits the most digits a number may have
     * @throws BlankImage when the image holds no stroke
     * @throws TooManyDigits when it holds more pieces than {@code maxDigits} digits may be made of
     */
    public Candidates propose(InkImage image, int maxDigits) throws BlankImage, TooManyDigits {
        StrokeMap strokes = StrokeMap.of(image, NumberSegmenter.STROKE_THRESHOLD);
        if (strokes.count == 0) {
            throw new BlankImage();
        }
        int limit = MAX_ATOMS_PER_DIGIT * maxDigits;
        int kept = strokes.countNotSpecks();
        if (kept > limit) {
            throw new TooManyDigits(kept / MAX_ATOMS_PER_DIGIT, maxDigits);
        }
        double line = Math.max(1, strokes.tallest);
        List<Atom> atoms = new ArrayList<>();
        for (int id = 1; id <= strokes.count; id++) {
            if (!strokes.isSpeck(id)) {
                slice(strokes, image.ink(), id, line, atoms);
                if (atoms.size() > limit) {
                    throw new TooManyDigits(atoms.size() / MAX_ATOMS_PER_DIGIT, maxDigits);
                }
            }
        }
        atoms.sort(Comparator.comparingDouble(Atom::centreX));
        List<Candidate> candidates = new ArrayList<>(atoms.size() * MAX_ATOMS_PER_DIGIT);
        long cutoutPixels = 0;
        for (int from = 0; from < atoms.size(); from++) {
            for (int to = from + 1; to <= Math.min(atoms.size(), from + MAX_ATOMS_PER_DIGIT); to++) {
                Candidate c = candidate(atoms, from, to, line);
                if (to > from + 1 && c.width() > MAX_WIDTH) {
                    break;
                }
                candidates.add(c);
                cutoutPixels += Candidates.cutoutPixels(image, c);
            }
        }
        long imagePixels = (long) image.width() * image.height();
        if (cutoutPixels > MAX_CUTOUT_SHARE * imagePixels) {
            throw new TooManyDigits("the image's ink holds " + atoms.size() + " pieces too tall and close together"
                    + " for a number of at most " + maxDigits + " digits (limits.max-digits): reading every way of"
                    + " grouping them would cover its pixels more than " + MAX_CUTOUT_SHARE + " times over");
        }
        return new Candidates(image, strokes, List.copyOf(atoms), List.copyOf(candidates), line);
    }

    /** The component as one atom, or cut into slices along valleys when it is wide enough to hold two digits. */
    private static void slice(StrokeMap strokes, float[] ink, int id, double line, List<Atom> out) {
        int x0 = strokes.minX[id], x1 = strokes.maxX[id], y0 = strokes.minY[id], y1 = strokes.maxY[id];
        List<int[]> cuts = x1 - x0 > CUT_WIDTH * line ? cutPaths(strokes, ink, id, line) : List.of();
        if (cuts.isEmpty()) {
            out.add(Atom.whole(strokes, id));
            return;
        }
        int[] previous = null;
        for (int k = 0; k <= cuts.size(); k++) {
            int[] next = k < cuts.size() ? cuts.get(k) : null;
            if (next != null && previous != null) {
                // Paths from nearby columns may cross where both follow the same valley: keep them in order.
                for (int r = 0; r < next.length; r++) {
                    next[r] = Math.max(next[r], previous[r]);
                }
            }
            Atom a = Atom.between(strokes, id, y0, previous, next, x0, x1, y1);
            if (a != null) {
                out.add(a);
            }
            previous = next;
        }
    }

    /**
     * Paths to cut a wide component along, left to right: valley paths started at columns a few pixels apart; kept
     * are those that run through the fewest rows of its strokes (local minima over start columns), fewest first,
     * apart from each other, at most as many as digits could fit, less those that only shave a sliver off the
     * component's edge (under {@link #MIN_PIECE} of its strokes on one side). A path's cost separates touching digits
     * better than the column projection, which slanted or overlapping neighbours fill. (Paths along slanted bands
     * were tried on the tuning set: they found fewer of the true cuts than upright ones.)
     */
    private static List<int[]> cutPaths(StrokeMap strokes, float[] ink, int id, double line) {
        int x0 = strokes.minX[id], w = strokes.maxX[id] - x0;
        int margin = Math.max(2, (int) Math.round(CUT_MARGIN * line));
        int step = Math.max(1, (int) Math.round(CUT_STEP * line));
        int band = Math.max(1, (int) Math.round(VALLEY_BAND * line));
        int[][] prefix = rowPrefix(strokes, id);
        int least = (int) Math.ceil(MIN_PIECE * strokes.pixels[id]);
        List<Cut> costs = new ArrayList<>();
        for (int c = margin; c < w - margin; c += step) {
            int[] path = valley(strokes, ink, id, x0 + c, band);
            int left = leftPixels(prefix, path, x0);
            boolean sliver = left < least || strokes.pixels[id] - left < least;
            costs.add(new Cut(path, crossed(strokes, id, path), x0 + c, sliver));
        }
        List<Cut> minima = new ArrayList<>();
        for (int i = 0; i < costs.size(); i++) {
            int here = costs.get(i).cost();
            if ((i == 0 || costs.get(i - 1).cost() > here)
                    && (i == costs.size() - 1 || costs.get(i + 1).cost() >= here)) {
                minima.add(costs.get(i));
            }
        }
        minima.sort(Comparator.comparingInt(Cut::cost));
        int spacing = Math.max(2, (int) Math.round(CUT_SPACING * line));
        int most = Math.max(1, (int) (w / (CUT_EVERY * line)));
        List<Cut> chosen = new ArrayList<>();
        for (Cut m : minima) {
            if (chosen.size() >= most) {
                break;
            }
            if (chosen.stream().allMatch(o -> Math.abs(o.column() - m.column()) >= spacing)) {
                chosen.add(m);
            }
        }
        chosen.sort(Comparator.comparingInt(Cut::column));
        // Slivers are dropped only now: had they not taken their places, cuts through the inside of a lone digit
        // would (measured on the tuning set: more digits split, fewer numbers read).
        return chosen.stream().filter(m -> !m.sliver()).map(Cut::path).toList();
    }

    /**
     * A cut path, the rows of stroke it runs through, the column it starts from, and whether it leaves less than
     * {@link #MIN_PIECE} of the component on one side.
     */
    private record Cut(int[] path, int cost, int column, boolean sliver) {
    }

    /** Per row of the component, how many of its stroke pixels lie left of each column (from its left side). */
    private static int[][] rowPrefix(StrokeMap strokes, int id) {
        int x0 = strokes.minX[id], w = strokes.maxX[id] - x0, y0 = strokes.minY[id];
        int[][] prefix = new int[strokes.maxY[id] - y0][w + 1];
        for (int r = 0; r < prefix.length; r++) {
            int row = (y0 + r) * strokes.width + x0;
            for (int x = 0; x < w; x++) {
                prefix[r][x + 1] = prefix[r][x] + (strokes.labels[row + x] == id ? 1 : 0);
            }
        }
        return prefix;
    }

    private static int leftPixels(int[][] prefix, int[] path, int x0) {
        int left = 0;
        for (int r = 0; r < path.length; r++) {
            left += prefix[r][Math.clamp(path[r] - x0, 0, prefix[r].length - 1)];
        }
        return left;
    }

    /**
     * A path from the component's top row to its bottom row, one column per row, moving at most one column per row
     * and staying within {@code band} of {@code column}, that crosses the least ink of the component (dynamic
     * programming). Returns per row of the component the first column right of the cut.
     */
    private static int[] valley(StrokeMap strokes, float[] ink, int id, int column, int band) {
        int y0 = strokes.minY[id], y1 = strokes.maxY[id];
        int lo = Math.max(strokes.minX[id], column - band), hi = Math.min(strokes.maxX[id] - 1, column + band);
        int cols = hi - lo + 1, rows = y1 - y0;
        float[] cost = new float[cols];
        float[] nextCost = new float[cols];
        byte[] move = new byte[rows * cols];
        for (int r = 0; r < rows; r++) {
            int row = (y0 + r) * strokes.width;
            for (int c = 0; c < cols; c++) {
                int p = row + lo + c;
                // Stroke pixels of this component cost most; its fringe a little; a slight pull to the start column.
                float here = strokes.owners[p] == id ? (strokes.labels[p] == id ? 1f : ink[p]) : 0f;
                here += 0.002f * Math.abs(lo + c - column);
                if (r == 0) {
                    nextCost[c] = here;
                    continue;
                }
                float best = cost[c];
                byte m = 0;
                if (c > 0 && cost[c - 1] < best) {
                    best = cost[c - 1];
                    m = -1;
                }
                if (c < cols - 1 && cost[c + 1] < best) {
                    best = cost[c + 1];
                    m = 1;
                }
                nextCost[c] = best + here;
                move[r * cols + c] = m;
            }
            float[] t = cost;
            cost = nextCost;
            nextCost = t;
        }
        int end = 0;
        for (int c = 1; c < cols; c++) {
            if (cost[c] < cost[end]) {
                end = c;
            }
        }
        int[] boundary = new int[rows];
        for (int r = rows - 1; r >= 0; r--) {
            boundary[r] = lo + end;
            end += move[r * cols + end];
        }
        return boundary;
    }

    /** Rows in which a cut path runs through the component's strokes. */
    private static int crossed(StrokeMap strokes, int id, int[] path) {
        int rows = 0;
        for (int r = 0; r < path.length; r++) {
            rows += strokes.labels[(strokes.minY[id] + r) * strokes.width + path[r]] == id ? 1 : 0;
        }
        return rows;
    }

    private static Candidate candidate(List<Atom> atoms, int from, int to, double line) {
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        int[][] spans = new int[to - from][];
        for (int k = from; k < to; k++) {
            Atom a = atoms.get(k);
            x0 = Math.min(x0, a.x0());
            y0 = Math.min(y0, a.y0());
            x1 = Math.max(x1, a.x1());
            y1 = Math.max(y1, a.y1());
            spans[k - from] = new int[] {a.x0(), a.x1()};
        }
        Arrays.sort(spans, Comparator.comparingInt(s -> s[0]));
        int gap = 0, reach = spans[0][1];
        for (int[] s : spans) {
            gap = Math.max(gap, s[0] - reach);
            reach = Math.max(reach, s[1]);
        }
        // Only whole components count: the slices of a cut digit (the two arcs of a 0) are tall and belong together.
        int tallest = 0, second = 0;
        for (int k = from; k < to; k++) {
            Atom a = atoms.get(k);
            if (a.left() == null && a.right() == null) {
                int h = a.y1() - a.y0();
                second = Math.max(second, Math.min(tallest, h));
                tallest = Math.max(tallest, h);
            }
        }
        return new Candidate(from, to, x0, y0, x1, y1, (x1 - x0) / line, (y1 - y0) / line, gap / line,
                second / line);
    }

    /**
     * A proposed digit: atoms {@code from} (inclusive) to {@code to} (exclusive) in left-to-right order, their stroke
     * box, and its shape in line heights: width, height, the widest run of empty columns between its atoms, and the
     * height of the second-tallest of the separate strokes (whole components) it joins, 0 when it joins fewer than two.
     */
    public record Candidate(int from, int to, int x0, int y0, int x1, int y1, double width, double height,
                            double gap, double secondStroke) {

        public Box box() {
            return new Box(x0, y0, x1 - x0, y1 - y0);
        }
    }

    /**
     * An atom: the stroke pixels of one component, or of a slice of it between two valley paths ({@code left} and
     * {@code right}: per component row, the first column in and the first column out; null for no bound).
     */
    record Atom(int id, int rowOffset, int[] left, int[] right, int x0, int y0, int x1, int y1) {

        static Atom whole(StrokeMap s, int id) {
            return new Atom(id, s.minY[id], null, null, s.minX[id], s.minY[id], s.maxX[id], s.maxY[id]);
        }

        /** The slice between two paths, or null when it holds no stroke pixel. */
        static Atom between(StrokeMap s, int id, int rowOffset, int[] left, int[] right, int fromX,
                            int toX, int toY) {
            int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
            for (int y = rowOffset; y < toY; y++) {
                int r = y - rowOffset;
                int a = left == null ? fromX : Math.max(fromX, left[r]);
                int b = right == null ? toX : Math.min(toX, right[r]);
                for (int x = a; x < b; x++) {
                    if (s.labels[y * s.width + x] == id) {
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x + 1);
                        y0 = Math.min(y0, y);
                        y1 = y + 1;
                    }
                }
            }
            return x1 < 0 ? null : new Atom(id, rowOffset, left, right, x0, y0, x1, y1);
        }

        double centreX() {
            return (x0 + x1) / 2.0;
        }

        /** Whether the pixel (its owner {@code owner}) belongs to this atom; rows outside the paths use the nearest. */
        boolean owns(int owner, int x, int y) {
            if (owner != id) {
                return false;
            }
            if (left == null && right == null) {
                return true;
            }
            int r = Math.clamp(y - rowOffset, 0, (left != null ? left : right).length - 1);
            return (left == null || x >= left[r]) && (right == null || x < right[r]);
        }
    }
}
