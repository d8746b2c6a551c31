package io.mathsketch.engine.ink;

import io.mathsketch.engine.image.Stroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A number's strokes as {@link StrokeGrouper} groups them into digits, and the alternatives where its rule decided
 * narrowly: candidate digits (sets of strokes) of which the geometric grouping is the first few, and alternatives
 * that each replace one or two of its digits by others (a stroke taken out of a digit, two digits joined, a stroke
 * moved to its neighbour). {@link #choose} takes the digit model's confidence in every candidate and keeps an
 * alternative only where the model reads it better than the geometric grouping by more than a prior: each digit
 * costs {@link Weights#digitCost()} (splitting is not free), each change from the geometry
 * {@link Weights#changeCost()}, and a digit pays for a shape no digit has (as wide as two, as low as a bar). Alternatives touching different digits are independent (a reading's score is a sum
 * over its digits), so the best set of them is found greedily, the largest gain first. Immutable.
 */
public final class StrokeGroupings {

    /** Alternatives considered per geometric digit at most, the narrowest decisions first. */
    static final int MAX_ALTERNATIVES_PER_DIGIT = 4;
    /** Confidence is floored here so that one hopeless candidate does not dominate by -infinity. */
    private static final double MIN_CONFIDENCE = 1e-6;

    /**
     * How ink numbers are grouped where geometry is not clear, in natural-log units of the model's confidence, with
     * shapes in line heights (the tallest geometric digit's height). The model is sure of most things it is shown,
     * a blob of two digits included, so its confidence alone does not settle a grouping: a shape prior does the rest,
     * as in the image path's search.
     *
     * @param margin     a decision within this share of the tallest stroke's height of going the other way is
     *                   narrow, and its alternative is read by the model (0: geometry alone)
     * @param digitCost  paid by every digit of a reading, so that a split must read better by this much
     * @param changeCost paid by every alternative taken instead of the geometric grouping
     * @param wideFrom   a digit wider than this costs {@code wideCost} per line height beyond it (two digits joined)
     * @param wideCost   see {@code wideFrom}
     * @param shortFrom  a digit less high than this costs {@code shortCost} per line height below it (a bar or flag
     *                   taken apart from its digit)
     * @param shortCost  see {@code shortFrom}
     * @param lineDigits the most digits of a geometric grouping that number mode's line reader is asked about
     */
    public record Weights(double margin, double digitCost, double changeCost, double wideFrom, double wideCost,
                          double shortFrom, double shortCost, int lineDigits) {

        /** Geometry alone: no alternative is proposed. */
        public static final Weights GEOMETRIC = new Weights(0, 0, 0, 0, 0, 0, 0, 0);
        /**
         * Tuned on the training hand's ink numbers ({@code corpus} {@code InkNumberTuning},
         * {@code InkNumberWriter.Config.TUNING}), never on the canvas fixtures' numbers that {@code InkNumberTest}
         * measures nor on the held-out hand's. The line reader (2-6 digits learnt) is asked about ink grouped into at
         * most 8 digits, chosen on {@code InkNumberWriter.Config.LONG_TUNING} (40 numbers each of 8-32 digits): 247,
         * 242 and 241 of 280 exact up to 8, 12 and 16 digits, 214 asking it always (10 and 12 digits: 39 and 38 of 40
         * up to 8, 36 and 36 up to 16).
         */
        public static final Weights DEFAULT = new Weights(0.1, 0.5, 1, 0.7, 8, 0.7, 4, 8);

        /** These weights with the {@code index}-th component (in declaration order) set to {@code value}. */
        public Weights with(int index, double value) {
            double[] v = {margin, digitCost, changeCost, wideFrom, wideCost, shortFrom, shortCost, lineDigits};
            v[index] = value;
            return new Weights(v[0], v[1], v[2], v[3], v[4], v[5], v[6], (int) v[7]);
        }

        /** Whether the line reader is asked about ink grouped into {@code digits} digits. */
        public boolean readsLine(int digits) {
            return digits <= lineDigits;
        }
    }

    /** One change to the geometric grouping: its digits at {@code replaced} read as the candidates {@code by}. */
    record Alternative(int[] replaced, int[] by) {
    }

    private final List<Stroke> strokes;
    private final double[][] bounds;
    private final List<int[]> candidates = new ArrayList<>();
    private final int geometric;
    /** The tallest geometric digit's height, the unit of the shape prior. */
    private final double lineHeight;
    private final List<Alternative> alternatives = new ArrayList<>();

    StrokeGroupings(List<Stroke> strokes, double[][] bounds, List<int[]> geometric, List<StrokeGrouper.Narrow> narrow,
                    double tallParts, int maxAlternatives) {
        this.strokes = strokes;
        this.bounds = bounds;
        this.geometric = geometric.size();
        Map<List<Integer>, Integer> index = new HashMap<>();
        int[] groupOf = new int[strokes.size()];
        Arrays.fill(groupOf, -1);
        for (int g = 0; g < geometric.size(); g++) {
            candidate(geometric.get(g), index);
            for (int s : geometric.get(g)) {
                groupOf[s] = g;
            }
        }
        double tallest = 0;
        for (int g = 0; g < geometric.size(); g++) {
            double[] b = box(g);
            tallest = Math.max(tallest, b[3] - b[1]);
        }
        this.lineHeight = Math.max(tallest, 1e-9);
        Set<List<Integer>> seen = new HashSet<>();
        if (tallParts > 0) {
            // Two tall parts drawn one after the other, lying over one another: one digit by the rule, but maybe
            // two overlapping digits (a 1 written into its neighbour, a slanted digit reaching over the last).
            for (int g = 0; g < geometric.size(); g++) {
                int[] group = geometric.get(g).clone();
                Arrays.sort(group);
                for (int j = 1; j < group.length; j++) {
                    int[] first = Arrays.copyOfRange(group, 0, j), rest = Arrays.copyOfRange(group, j, group.length);
                    if (height(first) >= tallParts && height(rest) >= tallParts) {
                        add(new int[] {g}, new int[][] {first, rest}, index, seen);
                    }
                }
            }
        }
        for (StrokeGrouper.Narrow n : narrow) {
            if (alternatives.size() >= maxAlternatives) {
                break;
            }
            int gs = groupOf[n.stroke()], ga = groupOf[n.anchor()];
            int[] replaced;
            int[][] by;
            switch (n.kind()) {
                case APART -> {
                    if (gs != ga || geometric.get(gs).length < 2) {
                        continue;
                    }
                    replaced = new int[] {gs};
                    by = new int[][] {without(geometric.get(gs), n.stroke()), {n.stroke()}};
                }
                case TOGETHER -> {
                    if (gs == ga) {
                        continue;
                    }
                    replaced = new int[] {Math.min(gs, ga), Math.max(gs, ga)};
                    by = new int[][] {union(geometric.get(gs), geometric.get(ga))};
                }
                case MOVED -> {
                    if (gs == ga || geometric.get(gs).length < 2) {
                        continue;
                    }
                    replaced = new int[] {Math.min(gs, ga), Math.max(gs, ga)};
                    by = new int[][] {without(geometric.get(gs), n.stroke()),
                        union(geometric.get(ga), new int[] {n.stroke()})};
                }
                default -> throw new IllegalStateException();
            }
            add(replaced, by, index, seen);
        }
    }

    private void add(int[] replaced, int[][] by, Map<List<Integer>, Integer> index, Set<List<Integer>> seen) {
        List<Integer> key = new ArrayList<>();
        for (int[] b : by) {
            Arrays.stream(b).sorted().forEach(key::add);
            key.add(-1);
        }
        if (!seen.add(key)) {
            return;
        }
        int[] byIndex = new int[by.length];
        for (int k = 0; k < by.length; k++) {
            byIndex[k] = candidate(by[k], index);
        }
        alternatives.add(new Alternative(replaced, byIndex));
    }

    private double height(int[] strokes) {
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (int s : strokes) {
            min = Math.min(min, bounds[s][1]);
            max = Math.max(max, bounds[s][3]);
        }
        return max - min;
    }

    private int candidate(int[] group, Map<List<Integer>, Integer> index) {
        List<Integer> key = Arrays.stream(group).sorted().boxed().toList();
        return index.computeIfAbsent(key, k -> {
            candidates.add(group);
            return candidates.size() - 1;
        });
    }

    private static int[] without(int[] group, int stroke) {
        return Arrays.stream(group).filter(s -> s != stroke).toArray();
    }

    private static int[] union(int[] a, int[] b) {
        int[] u = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, u, a.length, b.length);
        Arrays.sort(u);
        return u;
    }

    /** Candidate digits to read: the geometric grouping's first, then those of the alternatives. */
    public int candidates() {
        return candidates.size();
    }

    /** The strokes of candidate {@code c}, in the order they were drawn. */
    public List<Stroke> strokes(int c) {
        List<Stroke> out = new ArrayList<>();
        for (int s : candidates.get(c)) {
            out.add(strokes.get(s));
        }
        return out;
    }

    /** The geometric grouping's candidates, leftmost first. */
    public int[] geometric() {
        int[] all = new int[geometric];
        Arrays.setAll(all, i -> i);
        return all;
    }

    /** True when geometry left nothing to decide: the geometric grouping is the only reading. */
    public boolean clear() {
        return alternatives.isEmpty();
    }

    /**
     * The candidates worth reading once the geometric digits are read: those of every alternative that could still
     * be chosen, were the model sure of each of its digits ({@code confidence} need only hold the geometric digits').
     * Most ink has none, so that reading it costs what geometry alone does.
     */
    public int[] worthReading(float[] confidence, Weights weights) {
        Set<Integer> wanted = new java.util.TreeSet<>();
        for (Alternative alt : alternatives) {
            if (bestGain(alt, confidence, weights) > 0) {
                for (int c : alt.by()) {
                    wanted.add(c);
                }
            }
        }
        return wanted.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The most {@code alt} could gain: its own digits read with certainty. */
    private double bestGain(Alternative alt, float[] confidence, Weights weights) {
        double g = -weights.changeCost();
        for (int c : alt.by()) {
            g += score(c, 1, weights);
        }
        for (int c : alt.replaced()) {
            g -= score(c, confidence[c], weights);
        }
        return g;
    }

    /**
     * The reading: the geometric grouping with the alternatives that the model reads better than it by more than the
     * prior of {@code weights}.
     *
     * @param confidence per candidate, the model's probability of its best label; NaN for a candidate not read
     *                   (its alternatives are not taken)
     * @return the chosen candidates, leftmost first
     */
    public int[] choose(float[] confidence, Weights weights) {
        return readingOf(chosen(gains(confidence, weights)));
    }

    /**
     * The {@code count} best readings, best first: {@link #choose}'s, then the geometric grouping changed by other
     * sets of alternatives whose candidates were all read, by the total of their gains over it (losses too), so that a
     * second opinion (the line reader) can take a reading the model liked a little less. Found by a beam of
     * {@code count} over the alternatives, the largest gain first: exact when no two alternatives touch one digit.
     *
     * @param confidence as for {@link #choose}
     */
    public List<Reading> readings(float[] confidence, Weights weights, int count) {
        double[] gain = gains(confidence, weights);
        List<Integer> greedy = chosen(gain);
        List<Beam> beam = new ArrayList<>(List.of(new Beam(List.of(), new boolean[geometric], 0)));
        for (int a : byGain(gain)) {
            if (gain[a] == Double.NEGATIVE_INFINITY) {
                break;
            }
            Alternative alt = alternatives.get(a);
            List<Beam> grown = new ArrayList<>(beam);
            for (Beam b : beam) {
                if (Arrays.stream(alt.replaced()).noneMatch(c -> b.replaced()[c])) {
                    boolean[] replaced = b.replaced().clone();
                    Arrays.stream(alt.replaced()).forEach(c -> replaced[c] = true);
                    List<Integer> taken = new ArrayList<>(b.taken());
                    taken.add(a);
                    grown.add(new Beam(taken, replaced, b.score() + gain[a]));
                }
            }
            grown.sort(Comparator.comparingDouble(b -> -b.score())); // stable: the earlier of equals first
            beam = grown.subList(0, Math.min(count, grown.size()));
        }
        List<Reading> readings = new ArrayList<>(count);
        readings.add(new Reading(readingOf(greedy), greedy.stream().mapToDouble(a -> gain[a]).sum()));
        for (Beam b : beam) {
            if (readings.size() < count && !new HashSet<>(b.taken()).equals(new HashSet<>(greedy))) {
                readings.add(new Reading(readingOf(b.taken()), b.score()));
            }
        }
        return List.copyOf(readings);
    }

    /**
     * A reading of the ink: its candidates leftmost first, and its score over the geometric grouping's (the gains of
     * the alternatives it takes, in natural-log units of confidence).
     */
    public record Reading(int[] candidates, double score) {
    }

    /** A set of alternatives taken (their indices), the geometric digits they replace and their total gain. */
    private record Beam(List<Integer> taken, boolean[] replaced, double score) {
    }

    /** What each alternative gains over the digits it replaces; negative infinity when one of its own was not read. */
    private double[] gains(float[] confidence, Weights weights) {
        double[] gain = new double[alternatives.size()];
        for (int a = 0; a < gain.length; a++) {
            Alternative alt = alternatives.get(a);
            if (Arrays.stream(alt.by()).anyMatch(c -> Float.isNaN(confidence[c]))) {
                gain[a] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double g = -weights.changeCost();
            for (int c : alt.by()) {
                g += score(c, confidence[c], weights);
            }
            for (int c : alt.replaced()) {
                g -= score(c, confidence[c], weights);
            }
            gain[a] = g;
        }
        return gain;
    }

    /** The alternatives' indices, the largest gain first (ties in their order). */
    private static Integer[] byGain(double[] gain) {
        Integer[] order = new Integer[gain.length];
        Arrays.setAll(order, a -> a);
        Arrays.sort(order, Comparator.comparingDouble(a -> -gain[a]));
        return order;
    }

    /** The alternatives that gain, taken greedily, the largest gain first, each unless a digit it replaces is taken. */
    private List<Integer> chosen(double[] gain) {
        boolean[] replaced = new boolean[geometric];
        List<Integer> taken = new ArrayList<>();
        for (int a : byGain(gain)) {
            if (gain[a] <= 0) {
                break;
            }
            Alternative alt = alternatives.get(a);
            if (Arrays.stream(alt.replaced()).anyMatch(c -> replaced[c])) {
                continue;
            }
            for (int c : alt.replaced()) {
                replaced[c] = true;
            }
            taken.add(a);
        }
        return taken;
    }

    /** The geometric grouping with the alternatives {@code taken} (none replacing the same digit), leftmost first. */
    private int[] readingOf(List<Integer> taken) {
        boolean[] replaced = new boolean[geometric];
        List<Integer> chosen = new ArrayList<>();
        for (int a : taken) {
            Alternative alt = alternatives.get(a);
            for (int c : alt.replaced()) {
                replaced[c] = true;
            }
            for (int c : alt.by()) {
                chosen.add(c);
            }
        }
        for (int c = 0; c < geometric; c++) {
            if (!replaced[c]) {
                chosen.add(c);
            }
        }
        chosen.sort(Comparator.comparingDouble(this::centreX));
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private double score(int c, double confidence, Weights weights) {
        double[] box = box(c);
        double width = (box[2] - box[0]) / lineHeight, height = (box[3] - box[1]) / lineHeight;
        return Math.log(Math.max(MIN_CONFIDENCE, confidence)) - weights.digitCost()
                - weights.wideCost() * Math.max(0, width - weights.wideFrom())
                - weights.shortCost() * Math.max(0, weights.shortFrom() - height);
    }

    /** {minX, minY, maxX, maxY} of candidate {@code c}'s points. */
    private double[] box(int c) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int s : candidates.get(c)) {
            b[0] = Math.min(b[0], bounds[s][0]);
            b[1] = Math.min(b[1], bounds[s][1]);
            b[2] = Math.max(b[2], bounds[s][2]);
            b[3] = Math.max(b[3], bounds[s][3]);
        }
        return b;
    }

    private double centreX(int c) {
        double[] b = box(c);
        return (b[0] + b[2]) / 2;
    }
}
