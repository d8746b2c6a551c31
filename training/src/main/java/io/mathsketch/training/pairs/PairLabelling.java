package io.mathsketch.training.pairs;

import io.mathsketch.corpus.numbers.NumberKind;
import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.number.DigitPairs;
import io.mathsketch.engine.preprocess.PairCentering;
import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;
import io.mathsketch.training.candidates.CandidateLabelling;

import java.util.ArrayList;
import io.mathsketch.training.augment.DigitAugmenter;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The pair reader's labelling: only candidates at least {@link DigitPairs#MIN_WIDTH} line heights wide, centred as
 * number mode centres them for the pair reader ({@link PairCentering}), labelled with their pair
 * ({@code 10 x first + second}) when the box is the box of two neighbouring true digits together (every side within
 * the tolerance) and {@link #NOT_TWO_DIGITS} when it is far from every such pair (one digit, a fragment, three
 * digits, a pair and a piece); of those, only {@link #NONE_SHARE} are kept, so that the pairs are not drowned.
 * Augmented by {@link DigitAugmenter#forPairs()}, which re-centres a pair as {@link PairCentering} does.
 */
public final class PairLabelling implements CandidateLabelling {

    /** The label of a candidate that is not two whole digits. */
    public static final int NOT_TWO_DIGITS = DigitPairs.PAIRS;
    /** Share of the "not two digits" candidates kept (chosen per candidate by a seeded draw). */
    static final double NONE_SHARE = 0.3;

    private final PairCentering centering = new PairCentering();

    @Override
    public List<String> labels() {
        return DigitPairs.LABELS;
    }

    @Override
    public int none() {
        return NOT_TWO_DIGITS;
    }

    @Override
    public boolean augmentable() {
        return true;
    }

    @Override
    public DigitAugmenter augmenter() {
        return DigitAugmenter.forPairs();
    }

    /**
     * Every other one is number {@code i} of the set (all four kinds in turn), the others touching-kind numbers from
     * beyond {@code count}, so that more pairs are touching ones, which no cut parts and the pair reader is for.
     */
    @Override
    public long[] trainingNumbers(int count) {
        long touching = NumberKind.TOUCHING.ordinal();
        return IntStream.range(0, count).mapToLong(i -> i % 2 == 0 ? i : 4L * (count + i / 2) + touching).toArray();
    }

    @Override
    public boolean sees(Candidate candidate) {
        return candidate.width() >= DigitPairs.MIN_WIDTH;
    }

    @Override
    public double noneShare() {
        return NONE_SHARE;
    }

    @Override
    public DigitImage center(InkImage ink) throws RecognitionException {
        return centering.center(ink);
    }

    /** Each two neighbouring digits' boxes together, left to right. */
    @Override
    public List<Box> targets(WrittenNumber number) {
        List<Box> boxes = number.boxes();
        List<Box> pairs = new ArrayList<>(Math.max(0, boxes.size() - 1));
        for (int d = 0; d + 1 < boxes.size(); d++) {
            Box l = boxes.get(d), r = boxes.get(d + 1);
            int x0 = Math.min(l.x(), r.x()), y0 = Math.min(l.y(), r.y());
            int x1 = Math.max(l.x() + l.width(), r.x() + r.width());
            int y1 = Math.max(l.y() + l.height(), r.y() + r.height());
            pairs.add(new Box(x0, y0, x1 - x0, y1 - y0));
        }
        return pairs;
    }

    /** The pair of digits {@code t} and {@code t + 1}: {@code 10 x first + second}. */
    @Override
    public int targetLabel(WrittenNumber number, int t) {
        return (number.text().charAt(t) - '0') * 10 + number.text().charAt(t + 1) - '0';
    }
}
