package io.mathsketch.engine.number;

import io.mathsketch.engine.DigitReading;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.number.NumberReader.ScoredRegion;
import io.mathsketch.engine.preprocess.InkCrop;
import io.mathsketch.engine.preprocess.LineCentering;
import io.mathsketch.engine.preprocess.LineCentering.FittedLine;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.probability.Softmax;

import java.util.ArrayList;
import java.util.List;

/**
 * The regions of a reading of the line reader, which has no segmentation of its own: each digit's steps on the
 * reading's best alignment ({@link CtcDecoder#alignment}), widened to the middle of the blanks beside them, are mapped
 * back to the crop's columns through the line's fit; the digit's box is the ink's bounding box in those columns and
 * its image that ink centred the MNIST way. It is answered with the reader's probabilities of the ten digits at the
 * step it is likeliest at.
 */
final class CtcRegions {

    private final MnistCentering centering = new MnistCentering();

    /**
     * The regions of {@code digits}, leftmost first, boxes in source image coordinates; null when the reading cannot
     * be answered this way: a digit's columns hold no ink, or at its likeliest step another digit is likelier.
     *
     * @param logProbabilities the line reader's per-step log-probabilities ({@link CtcScore#logSoftmax})
     */
    List<ScoredRegion> regions(InkCrop crop, FittedLine line, float[][] logProbabilities, String digits) {
        int[][] spans = CtcDecoder.alignment(logProbabilities, digits);
        if (spans == null) {
            return null;
        }
        int n = digits.length(), width = crop.ink().width(), height = crop.ink().height();
        // Column boundaries between digits: the middle of the blank steps between them, in the crop's columns.
        int[] edge = new int[n + 1];
        edge[n] = width;
        for (int i = 1; i < n; i++) {
            double step = (spans[i - 1][1] + 1 + spans[i][0]) / 2.0;
            edge[i] = (int) Math.clamp(Math.round(line.inkColumn(step * LineCentering.STEP)), 0, width);
        }
        List<ScoredRegion> regions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int digit = digits.charAt(i) - '0';
            float[] probabilities = probabilitiesAtPeak(logProbabilities, spans[i], digit);
            int[] ink = edge[i + 1] <= edge[i] ? null
                    : MnistCentering.inkBounds(crop.ink(), edge[i], 0, edge[i + 1] - edge[i], height);
            if (ink == null || DigitReading.winner(probabilities) != digit) {
                return null;
            }
            Box box = new Box(ink[0], ink[1], ink[2] - ink[0], ink[3] - ink[1]);
            regions.add(new ScoredRegion(new DigitRegion(crop.toSource(box),
                    centering.centerRegion(crop.ink(), box.x(), box.y(), box.width(), box.height())), probabilities));
        }
        return List.copyOf(regions);
    }

    /** The reader's probabilities of the ten digits, normalised, at the step of {@code span} likeliest to be {@code digit}. */
    private static float[] probabilitiesAtPeak(float[][] logProbabilities, int[] span, int digit) {
        int peak = span[0];
        for (int t = span[0] + 1; t <= span[1]; t++) {
            if (logProbabilities[t][digit] > logProbabilities[peak][digit]) {
                peak = t;
            }
        }
        return Softmax.probabilities(logProbabilities[peak], CtcScore.BLANK);
    }
}
