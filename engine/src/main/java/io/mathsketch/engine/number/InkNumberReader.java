package io.mathsketch.engine.number;

import io.mathsketch.engine.DigitReading;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.ink.InkRenderer;
import io.mathsketch.engine.ink.InkWork;
import io.mathsketch.engine.ink.StrokeGrouper;
import io.mathsketch.engine.ink.StrokeGroupings;
import io.mathsketch.engine.ink.StrokeGroupings.Weights;
import io.mathsketch.engine.number.NumberReader.ScoredRegion;
import io.mathsketch.engine.preprocess.LineCentering.FittedLine;
import io.mathsketch.engine.segment.ReadingSearch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Number mode for digital ink: the strokes grouped into digits by geometry ({@link StrokeGrouper}), and where that
 * geometry decided narrowly, by the model: the geometric digits are drawn at 28x28 and scored in one call to the
 * {@link DigitScorer}; the alternatives that could still beat them, given how surely they read, are scored in a second
 * call, and the grouping with the best total of model confidence and prior is chosen ({@link
 * StrokeGroupings#choose}). Ink whose geometric digits read surely costs what it did before: they are the only
 * candidates, and their scores are the answer's probabilities. With number mode's line reader, the grouping's best
 * readings are rescored by it over the whole line, as the image path's are ({@link #read(Ink, DigitScorer,
 * LineScorer)}). Thread-safe.
 */
public final class InkNumberReader {

    private final StrokeGrouper grouper = new StrokeGrouper();
    private final InkRenderer renderer = new InkRenderer();
    private final Weights weights;
    private final ReadingSearch.Weights lineWeights;
    private final int maxDigits;
    private final long maxInkWork;

    public InkNumberReader(InputLimits limits) {
        this(limits, Weights.DEFAULT);
    }

    public InkNumberReader(InputLimits limits, Weights weights) {
        this(limits, weights, ReadingSearch.Weights.DEFAULT);
    }

    /**
     * Reads with the grouping's {@code weights} and, with a line reader, the image path's weights for it: its
     * {@link ReadingSearch.Weights#lineWeight()} and {@link ReadingSearch.Weights#lineReadings()} (tuning tries others
     * than the default).
     */
    public InkNumberReader(InputLimits limits, Weights weights, ReadingSearch.Weights lineWeights) {
        this.weights = weights;
        this.lineWeights = lineWeights;
        this.maxDigits = limits.maxDigits();
        this.maxInkWork = limits.maxInkWork();
    }

    /**
     * The digits of the number written in {@code ink}, leftmost first, each with the probabilities it was scored
     * with; boxes in the ink's units. Empty when the ink has no point. At most {@code limits.max-digits} x
     * (1 + 2 x {@code StrokeGroupings.MAX_ALTERNATIVES_PER_DIGIT}) candidates are scored, in at most two calls.
     *
     * @throws RecognitionException.TooManyDigits over {@link InputLimits#maxDigits()}
     * @throws RecognitionException.InkTooLarge when grouping the strokes and drawing the candidates, all together,
     *                                          would take more work than {@link InputLimits#maxInkWork()}, or drawing
     *                                          the whole ink as one digit would (checked before the grouping when the
     *                                          ink has more strokes than {@link InputLimits#maxDigits()})
     * @throws RecognitionException whatever the scorer throws
     */
    public List<ScoredRegion> read(Ink ink, DigitScorer scorer) throws RecognitionException {
        return read(ink, scorer, null);
    }

    /**
     * {@link #read(Ink, DigitScorer)} with number mode's line reader too, as the image path rescores with it ({@link
     * NumberReader#read(byte[], DigitScorer, DigitScorer, DigitScorer, LineScorer)}): where geometry left something
     * to decide, every candidate is read (in one call) and the whole ink, drawn straight at the reader's scale ({@link
     * InkRenderer#line}, from the same work budget), once by the reader; among the grouping's
     * {@link ReadingSearch.Weights#lineReadings()} best readings ({@link StrokeGroupings#readings}) the one whose score
     * plus {@link ReadingSearch.Weights#lineWeight()} times the reader's CTC log-probability of its digits is largest
     * is chosen. Ink whose grouping is clear, or whose geometric grouping is longer than the reader learnt
     * ({@link StrokeGroupings.Weights#readsLine}), is read as without the reader. The reader's own reading is never
     * answered for ink: on {@code InkNumberTuning} answering it by the image path's margin changed no number's
     * exactness (docs/digital-ink.md).
     *
     * @param lineReader the line reader, or null for none (the reading of {@link #read(Ink, DigitScorer)})
     * @throws RecognitionException.InkTooLarge as {@link #read(Ink, DigitScorer)}, the line's drawing included
     */
    public List<ScoredRegion> read(Ink ink, DigitScorer scorer, LineScorer lineReader) throws RecognitionException {
        InkWork work = new InkWork(maxInkWork);
        if (ink.strokes().size() > maxDigits) {
            // Grouping's work beyond reading the points grows with the strokes squared: ink with more strokes than a
            // number has digits is refused before it is grouped when it is too costly to draw even as one digit (its
            // digits would cost more). The check costs a count of the whole ink, which real numbers mostly skip.
            renderer.checkDigit(ink, work);
        }
        // The grouping spends from the same budget as the drawing of the candidates.
        StrokeGroupings groupings = grouper.propose(ink, maxDigits, weights.margin(), work);
        if (groupings.candidates() == 0) {
            return List.of();
        }
        DigitRegion[] regions = new DigitRegion[groupings.candidates()];
        float[][] probabilities = new float[groupings.candidates()][];
        float[] confidence = new float[groupings.candidates()];
        Arrays.fill(confidence, Float.NaN);
        int[] geometric = groupings.geometric();
        if (lineReader != null && !groupings.clear() && weights.readsLine(geometric.length)) {
            return withLine(ink, groupings, lineReader, scorer, regions, probabilities, confidence, work);
        }
        read(ink, groupings, geometric, scorer, regions, probabilities, confidence, work);
        if (groupings.clear()) {
            return answer(geometric, regions, probabilities);
        }
        // Alternatives are read only where the geometric digits leave them a chance, in a second call.
        int[] worth = groupings.worthReading(confidence, weights);
        if (worth.length == 0) {
            return answer(geometric, regions, probabilities);
        }
        read(ink, groupings, worth, scorer, regions, probabilities, confidence, work);
        return answer(groupings.choose(confidence, weights), regions, probabilities);
    }

    /**
     * The reading the line reader prefers among the grouping's best. It may prefer one that the digit model's
     * confidence alone could never make win, so every candidate is read, in one call, and the line is drawn before
     * it, so that ink over the work budget is refused before any inference.
     */
    private List<ScoredRegion> withLine(Ink ink, StrokeGroupings groupings, LineScorer lineReader,
                                        DigitScorer scorer, DigitRegion[] regions, float[][] probabilities,
                                        float[] confidence, InkWork work) throws RecognitionException {
        FittedLine line = renderer.line(ink, work);
        int[] all = new int[groupings.candidates()];
        Arrays.setAll(all, c -> c);
        read(ink, groupings, all, scorer, regions, probabilities, confidence, work);
        float[][] steps = CtcScore.logSoftmax(lineReader.logits(line.field()));
        List<StrokeGroupings.Reading> readings = groupings.readings(confidence, weights, lineWeights.lineReadings());
        double[] scores = new double[readings.size()];
        String[] digits = new String[readings.size()];
        for (int i = 0; i < digits.length; i++) {
            StringBuilder text = new StringBuilder();
            for (int c : readings.get(i).candidates()) {
                text.append(DigitReading.winner(probabilities[c]));
            }
            scores[i] = readings.get(i).score();
            digits[i] = text.toString();
        }
        int[] chosen = readings.get(LineRescoring.best(steps, lineWeights.lineWeight(), scores, digits).index())
                .candidates();
        return answer(chosen, regions, probabilities);
    }

    /** Draws and scores the candidates {@code which}, filling their regions, probabilities and confidence. */
    private void read(Ink ink, StrokeGroupings groupings, int[] which, DigitScorer scorer, DigitRegion[] regions,
                      float[][] probabilities, float[] confidence, InkWork work) throws RecognitionException {
        List<DigitImage> images = new ArrayList<>(which.length);
        for (int c : which) {
            // A grouped digit holds a point, but a pen too fine for a grey level at the model's size leaves no ink.
            regions[c] = renderer.digit(groupings.strokes(c), ink.penWidth(), work);
            images.add(regions[c].digit());
        }
        float[][] scored = scorer.probabilities(images);
        for (int k = 0; k < which.length; k++) {
            int c = which[k];
            probabilities[c] = scored[k];
            confidence[c] = 0;
            for (float p : scored[k]) {
                confidence[c] = Math.max(confidence[c], p);
            }
        }
    }

    private List<ScoredRegion> answer(int[] reading, DigitRegion[] regions, float[][] probabilities)
            throws RecognitionException.TooManyDigits {
        if (reading.length > maxDigits) {
            throw new RecognitionException.TooManyDigits(reading.length, maxDigits);
        }
        List<ScoredRegion> read = new ArrayList<>(reading.length);
        for (int c : reading) {
            read.add(new ScoredRegion(regions[c], probabilities[c]));
        }
        return List.copyOf(read);
    }
}
