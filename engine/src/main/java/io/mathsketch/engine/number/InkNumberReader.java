package io.mathsketch.engine.number;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.ink.InkRenderer;
import io.mathsketch.engine.ink.StrokeGrouper;
import io.mathsketch.engine.ink.StrokeGroupings;
import io.mathsketch.engine.ink.StrokeGroupings.Weights;
import io.mathsketch.engine.number.NumberReader.ScoredRegion;

import java.util.ArrayList;
import java.util.List;

/**
 * Number mode for digital ink: the strokes grouped into digits by geometry ({@link StrokeGrouper}), and where that
 * geometry decided narrowly, by the model: the geometric digits and the alternatives to them are each drawn at 28x28
 * and scored in one call to the {@link DigitScorer}, and the grouping with the best total of model confidence and
 * prior is chosen ({@link StrokeGroupings#choose}). Clear ink costs what it did before: its digits are the only
 * candidates, and their scores are the answer's probabilities. Thread-safe.
 */
public final class InkNumberReader {

    private final StrokeGrouper grouper = new StrokeGrouper();
    private final InkRenderer renderer = new InkRenderer();
    private final Weights weights;
    private final int maxDigits;

    public InkNumberReader(InputLimits limits) {
        this(limits, Weights.DEFAULT);
    }

    public InkNumberReader(InputLimits limits, Weights weights) {
        this.weights = weights;
        this.maxDigits = limits.maxDigits();
    }

    /**
     * The digits of the number written in {@code ink}, leftmost first, each with the probabilities it was scored
     * with; boxes in the ink's units. Empty when the ink has no point. At most {@code limits.max-digits} x
     * (1 + 2 x {@code StrokeGroupings.MAX_ALTERNATIVES_PER_DIGIT}) candidates are scored.
     *
     * @throws RecognitionException.TooManyDigits over {@link InputLimits#maxDigits()}
     * @throws RecognitionException whatever the scorer throws
     */
    public List<ScoredRegion> read(Ink ink, DigitScorer scorer) throws RecognitionException {
        StrokeGroupings groupings = grouper.propose(ink, maxDigits, weights.margin());
        if (groupings.candidates() == 0) {
            return List.of();
        }
        List<DigitRegion> regions = new ArrayList<>(groupings.candidates());
        List<DigitImage> images = new ArrayList<>(groupings.candidates());
        for (int c = 0; c < groupings.candidates(); c++) {
            DigitRegion region;
            try {
                region = renderer.digit(groupings.strokes(c), ink.penWidth());
            } catch (BlankImage e) {
                throw new IllegalStateException("a grouped digit always holds a point", e);
            }
            regions.add(region);
            images.add(region.digit());
        }
        float[][] probabilities = scorer.probabilities(images);
        float[] confidence = new float[probabilities.length];
        for (int c = 0; c < confidence.length; c++) {
            for (float p : probabilities[c]) {
                confidence[c] = Math.max(confidence[c], p);
            }
        }
        int[] reading = groupings.clear() ? groupings.geometric() : groupings.choose(confidence, weights);
        if (reading.length > maxDigits) {
            throw new RecognitionException.TooManyDigits(reading.length, maxDigits);
        }
        List<ScoredRegion> read = new ArrayList<>(reading.length);
        for (int c : reading) {
            read.add(new ScoredRegion(regions.get(c), probabilities[c]));
        }
        return List.copyOf(read);
    }
}
