package io.mathsketch.engine.segment;

import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the reading of a number: the sequence of candidates that covers every atom exactly once, left to right,
 * with the best total score (dynamic programming over atom boundaries). A candidate's score is the log of the
 * model's confidence in its best label plus a prior on its shape relative to the line height, so that a confident
 * model does not make one digit of a wide pair or of two tall strokes, nor a digit of a short fragment or of pieces
 * far apart. When a pair reader's confidence is given, a candidate may also be read as two touching digits: the log
 * of the pair reader's probability of its best pair, weighed, less a fixed cost.
 */
public final class ReadingSearch {

    /** Confidence is floored here so that one hopeless candidate does not dominate by -infinity. */
    private static final double MIN_CONFIDENCE = 1e-6;

    private final Weights weights;

    public ReadingSearch() {
        this(Weights.DEFAULT);
    }

    public ReadingSearch(Weights weights) {
        this.weights = weights;
    }

    /**
     * The shape prior, in natural-log units of confidence, with shapes in line heights: a candidate wider than
     * {@code wideFrom} costs {@code wideCost} per line height beyond it, one shorter than {@code shortFrom} costs
     * {@code shortCost} per line height below it, empty columns inside it beyond {@code gapFrom} cost {@code gapCost}
     * per line height, and a second separate stroke taller than {@code strokeFrom} costs {@code strokeCost} per line
     * height beyond it (two tall strokes side by side are mostly two digits, a 1 beside its neighbour, while the
     * strokes of one digit are mostly one tall and one short: the bar of a 5, the flag of a 4). When a verifier's
     * probability that each candidate is one whole digit is given, {@code wholeWeight} times its log is added too.
     * A candidate read as a pair of digits scores {@code pairWeight} times the log of the pair reader's probability
     * of its best pair, less {@code pairCost}, and no shape prior (a pair is wide and may hold two tall strokes).
     * With a line reader, number mode chooses among the {@code lineReadings} best readings by their score plus
     * {@code lineWeight} times the line reader's CTC log-probability of their digits, and answers instead the line
     * reader's own most probable digits when their log-probability is more than {@code lineMargin} above the chosen
     * reading's (infinity: never). The line reader is asked only about a line whose best reading has at most
     * {@code lineDigits} digits ({@link #readsLine}). A line whose best reading has at least {@code pitchDigits}
     * digits is searched again with a pitch prior measured from that reading's own digits ({@link #pitch}: the median
     * width per digit): a candidate read as a pair whose width per digit exceeds {@code pitchFrom} pitches costs
     * {@code pitchCost} per pitch beyond, so that three narrow digits (a 1 and its neighbours) are not read as two.
     */
    public record Weights(double wideFrom, double wideCost, double shortFrom, double shortCost, double gapFrom,
                          double gapCost, double strokeFrom, double strokeCost, double wholeWeight,
                          double pairWeight, double pairCost, double lineWeight, int lineReadings,
                          double lineMargin, int lineDigits, int pitchDigits, double pitchFrom,
                          double pitchCost) {

        /**
         * Tuned on the corpus's {@code NumberConfig.TUNING} numbers 0-1,199 and checked on 1,200-1,999 (never on the
         * test set the floor is measured on): the second-stroke term reads 953 instead of 947 of the first and 642
         * instead of 637 of the second. A cost per digit and per cut through ink, a bonus per tall digit or per sure
         * digit, a cost for a digit much wider than the reading's median digit or than the label's widest true digits,
         * and a cost for joining across a cut that crosses a single stroke were tried too and were best at zero (the
         * figures are in docs/recognition-quality.md). The verifier's weight 1 with the digit verifier 1.0.0:
         * 1,008 of 0-1,199 and 678 of 1,200-1,999 (953 and 642 without it); 0.25-3 read within 2 of that. The pair
         * reader's weight 3 and cost 0 with the pair reader 1.1.0 ({@code PairTuning}): 1,106 of 0-1,199 (weights 2 and 4:
         * 1,100 and 1,105) and 737 of 1,200-1,999 (weight 2: 734); the pair reader 1.0.0 read 1,104 and 724 at weight 2
         * (weights 0.5-2 and costs 0-5 tried on 0-1,199: 1,049-1,104, fewer the higher the cost). The line reader
         * 1.0.0's weight 0.5 over the 8 best readings ({@code LineSearchTuning}): 1,130 of 0-1,199 and 748 of
         * 1,200-1,999 against 1,115 and 740 without it (weights 0.25 and 1: 1,129, 1,127 and 743, 748; 16 readings
         * within one number of 8). The line reader's own reading ({@code number.CtcDecoder}) answered when it is more
         * than 6 likelier in log-probability than the chosen reading's ({@code LineSearchTuning -Dmargins}): 1,136 of
         * 0-1,199 and 761 of 1,200-1,999 against 1,130 and 748 (margins 4, 5, 8, 10: 1,127, 1,135, 1,136, 1,136 and
         * 758, 760, 758, 753). The line reader learnt numbers of 2-6 digits; a longer line, fitted into its field,
         * is read as a shorter number with confidence, so it is asked about readings of up to 16 digits, chosen on
         * {@code InkNumberWriter.Config.LONG_TUNING} (40 numbers each of 8, 10, 12, 16, 20, 24 and 32 digits, as the
         * page's PNG): 207, 211 and 215 of 280 exact up to 8, 12 and 16 digits, 168 asking it always (20 digits: 22
         * exact of 40 with it, 28 without; 24: 4 and 23; 32: 2 and 24). Ink has its own bound
         * ({@code StrokeGroupings.Weights#lineDigits}). The pitch prior ({@code LongNumberTuning}, the same set, 2026-12-05):
         * 215 of 280 exact without it, 224 with a pair's width per digit beyond 1 pitch costing 16 per pitch (costs 4,
         * 8, 32 and 64: 222, 222, 222, 219; from 0.9, 0.95 and 1.05 at cost 16: 216, 219, 223; from 1.2 at cost 4:
         * 215). It is measured only on lines of 8 digits or more (a median of a few digits is no measure), so numbers
         * of 2-6 digits are read as before.
         */
        public static final Weights DEFAULT = new Weights(1.1, 2, 0.65, 10, 0.04, 24, 0.6, 5, 1, 3, 0, 0.5, 8, 6, 16,
                8, 1, 16);

        /** Whether the line reader is asked about a line whose best reading has {@code digits} digits. */
        public boolean readsLine(int digits) {
            return digits <= lineDigits;
        }

        /** These weights with the {@code index}-th component (in declaration order) set to {@code value}. */
        public Weights with(int index, double value) {
            double[] v = {wideFrom, wideCost, shortFrom, shortCost, gapFrom, gapCost, strokeFrom, strokeCost,
                wholeWeight, pairWeight, pairCost, lineWeight, lineReadings, lineMargin, lineDigits, pitchDigits,
                pitchFrom, pitchCost};
            v[index] = value;
            return new Weights(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                    (int) v[12], v[13], (int) v[14], (int) v[15], v[16], v[17]);
        }
    }

    /** The weights this search scores with. */
    public Weights weights() {
        return weights;
    }

    /** The shape prior of one candidate (natural log, at most 0). */
    double prior(Candidate c) {
        return -weights.wideCost() * Math.max(0, c.width() - weights.wideFrom())
                - weights.shortCost() * Math.max(0, weights.shortFrom() - c.height())
                - weights.gapCost() * Math.max(0, c.gap() - weights.gapFrom())
                - weights.strokeCost() * Math.max(0, c.secondStroke() - weights.strokeFrom());
    }

    /**
     * @param confidence per candidate, the model's probability of its best label
     * @return the indices of the chosen candidates, left to right
     */
    public int[] best(Candidates candidates, float[] confidence) {
        return best(candidates, confidence, null);
    }

    /**
     * @param confidence per candidate, the model's probability of its best label
     * @param whole      per candidate, a verifier's probability that it is one whole digit, or null for none
     * @return the indices of the chosen candidates, left to right
     */
    public int[] best(Candidates candidates, float[] confidence, float[] whole) {
        return choose(candidates, confidence, whole, null).stream().mapToInt(Choice::candidate).toArray();
    }

    /**
     * @param confidence per candidate, the model's probability of its best label
     * @param whole      per candidate, a verifier's probability that it is one whole digit, or null for none
     * @param pair       per candidate, a pair reader's probability of its best pair of digits (0: not read as a
     *                   pair), or null for none
     * @return the chosen candidates, left to right, each read as one digit or as a pair
     */
    public List<Choice> choose(Candidates candidates, float[] confidence, float[] whole, float[] pair) {
        return readings(candidates, confidence, whole, pair, 1).getFirst().choices();
    }

    /**
     * The {@code count} best readings, best first ({@link #choose} is the first): the same dynamic programming with
     * the {@code count} best partial readings kept at each atom boundary. Ties keep the reading found first, so the
     * best reading is the one {@code choose} returned when it kept only one per boundary. Two readings may spell the
     * same digits (another segmentation of the same number).
     */
    public List<Reading> readings(Candidates candidates, float[] confidence, float[] whole, float[] pair,
                                  int count) {
        List<Reading> first = readings(candidates, confidence, whole, pair, count, 0);
        if (first.getFirst().digits() < weights.pitchDigits()) {
            return first;
        }
        return readings(candidates, confidence, whole, pair, count, pitch(candidates, first.getFirst()));
    }

    /**
     * The line's pitch: the median width per digit (line heights) of a reading's choices, a pair's width counted
     * half for each of its digits.
     */
    static double pitch(Candidates candidates, Reading reading) {
        double[] widths = reading.choices().stream().mapToDouble(c -> candidates.candidates().get(c.candidate())
                .width() / (c.pair() ? 2 : 1)).sorted().toArray();
        return widths[widths.length / 2];
    }

    /**
     * The pitch prior of a candidate {@code width} line heights wide read as a pair (natural log, at most 0): its
     * width per digit, in pitches of the line, beyond {@code pitchFrom} costs {@code pitchCost} per pitch; none
     * without a pitch.
     */
    double pitchPrior(double width, double pitch) {
        return pitch <= 0 ? 0 : -weights.pitchCost() * Math.max(0, width / 2 / pitch - weights.pitchFrom());
    }

    /** {@link #readings(Candidates, float[], float[], float[], int)} with the pitch prior at {@code pitch} (0: none). */
    private List<Reading> readings(Candidates candidates, float[] confidence, float[] whole, float[] pair,
                                   int count, double pitch) {
        List<Candidate> all = candidates.candidates();
        int atoms = candidates.atoms();
        List<List<Partial>> at = new ArrayList<>(atoms + 1);
        for (int a = 0; a <= atoms; a++) {
            at.add(new ArrayList<>(count + 1));
        }
        at.getFirst().add(new Partial(0, -1, false, null));
        // Candidates are listed by their first atom, so every path into an atom boundary is final when it is used.
        for (int k = 0; k < all.size(); k++) {
            Candidate c = all.get(k);
            double one = Math.log(Math.max(MIN_CONFIDENCE, confidence[k])) + prior(c);
            if (whole != null) {
                one += weights.wholeWeight() * Math.log(Math.max(MIN_CONFIDENCE, whole[k]));
            }
            boolean readsTwo = pair != null && pair[k] > 0;
            double two = readsTwo
                    ? weights.pairWeight() * Math.log(Math.max(MIN_CONFIDENCE, pair[k])) - weights.pairCost()
                    + pitchPrior(c.width(), pitch) : 0;
            for (Partial before : at.get(c.from())) {
                keep(at.get(c.to()), new Partial(before.score + one, k, false, before), count);
                if (readsTwo) {
                    keep(at.get(c.to()), new Partial(before.score + two, k, true, before), count);
                }
            }
        }
        List<Reading> readings = new ArrayList<>(at.get(atoms).size());
        for (Partial end : at.get(atoms)) {
            List<Choice> reading = new ArrayList<>();
            for (Partial p = end; p.before != null; p = p.before) {
                reading.add(new Choice(p.candidate, p.pair));
            }
            readings.add(new Reading(List.copyOf(reading.reversed()), end.score));
        }
        return List.copyOf(readings);
    }

    /** Inserts {@code p} into {@code kept} (best first, at most {@code count}) after every partial as good. */
    private static void keep(List<Partial> kept, Partial p, int count) {
        int i = kept.size();
        while (i > 0 && kept.get(i - 1).score < p.score) {
            i--;
        }
        if (i < count) {
            kept.add(i, p);
            if (kept.size() > count) {
                kept.removeLast();
            }
        }
    }

    /** A reading up to an atom boundary: its score, its last choice and the reading before it. */
    private record Partial(double score, int candidate, boolean pair, Partial before) {
    }

    /** A whole reading: its choices left to right and its total score. */
    public record Reading(List<Choice> choices, double score) {

        /** The digits the reading answers: a choice read as a pair is two. */
        public int digits() {
            return digits(choices);
        }

        /** The digits {@code choices} answer: a choice read as a pair is two. */
        public static int digits(List<Choice> choices) {
            return choices.stream().mapToInt(c -> c.pair() ? 2 : 1).sum();
        }
    }

    /** A chosen candidate ({@code candidate}: its index), read as one digit or ({@code pair}) as two. */
    public record Choice(int candidate, boolean pair) {
    }
}
