package io.mathsketch.training.pairs;

import io.mathsketch.corpus.numbers.NumberConfig;
import io.mathsketch.corpus.numbers.NumberKind;
import io.mathsketch.corpus.numbers.NumberWriter;
import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.number.DigitPairs;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.InkCrop;
import io.mathsketch.engine.preprocess.PairCentering;
import io.mathsketch.engine.segment.CandidateSegmenter;
import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;
import io.mathsketch.engine.segment.Candidates;
import io.mathsketch.training.symbols.SymbolTrainingSet.Labelled;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The pair reader's examples: every candidate at least {@link DigitPairs#MIN_WIDTH} line heights wide that
 * {@link CandidateSegmenter} proposes for written numbers, centred as number mode centres it for the pair reader
 * ({@link PairCentering}), labelled with its pair ({@code 10 x first + second}) when its box is the box of two
 * neighbouring true digits together (every side within a tenth of the line height, at least 3 pixels) and
 * {@link #NOT_TWO_DIGITS} when it is far from every such pair (one digit, a fragment, three digits, a pair and a
 * piece); of those, only {@link #NONE_SHARE} are kept, so that the pairs are not drowned. Candidates close to a pair
 * but not within the tolerance are left out. The numbers are the digit verifier's (MNIST <em>training</em> digits and
 * the training hand), never the test sets' sources.
 */
public final class PairTrainingSet {

    /** The label of a candidate that is not two whole digits. */
    public static final int NOT_TWO_DIGITS = DigitPairs.PAIRS;
    /** Share of the "not two digits" candidates kept (chosen per candidate by a seeded draw). */
    static final double NONE_SHARE = 0.3;

    private PairTrainingSet() {
    }

    /** The examples of numbers {@code 0..count-1} of {@code config}, in number order. */
    public static Labelled candidates(NumberConfig config, MnistImages images, MnistLabels labels, int count) {
        return candidates(config, images, labels, IntStream.range(0, count).asLongStream().toArray());
    }

    /**
     * The examples of {@code count} training numbers of {@code config}: every other one is number {@code i} of the
     * set (all four kinds in turn), the others touching-kind numbers from beyond {@code count}, so that more pairs
     * are touching ones, which no cut parts and the pair reader is for.
     */
    public static Labelled trainingCandidates(NumberConfig config, MnistImages images, MnistLabels labels,
                                              int count) {
        long touching = NumberKind.TOUCHING.ordinal();
        return candidates(config, images, labels, IntStream.range(0, count)
                .mapToLong(i -> i % 2 == 0 ? i : 4L * (count + i / 2) + touching).toArray());
    }

    private static Labelled candidates(NumberConfig config, MnistImages images, MnistLabels labels, long[] numbers) {
        NumberWriter writer = new NumberWriter(config, images, labels);
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        List<byte[][]> parts = Arrays.stream(numbers).parallel()
                .mapToObj(i -> examples(writer.number(i), preprocessor, new SplittableRandom(config.seed() + i)))
                .toList();
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        ByteArrayOutputStream targets = new ByteArrayOutputStream();
        for (byte[][] part : parts) {
            pixels.writeBytes(part[0]);
            targets.writeBytes(part[1]);
        }
        byte[] t = targets.toByteArray();
        return new Labelled(new MnistImages(t.length, DigitImage.SIDE, DigitImage.SIDE, pixels.toByteArray()),
                new MnistLabels(t));
    }

    /** One number's examples: {pixels, labels}. */
    static byte[][] examples(WrittenNumber number, ImagePreprocessor preprocessor, SplittableRandom random) {
        PairCentering centering = new PairCentering();
        try {
            InkCrop crop = preprocessor.inkCrop(number.png(), 1 << 20);
            Candidates c = new CandidateSegmenter().propose(crop.ink(), 32);
            double tolerance = Math.max(3, 0.1 * c.lineHeight() * crop.factor());
            ByteArrayOutputStream pixels = new ByteArrayOutputStream();
            ByteArrayOutputStream targets = new ByteArrayOutputStream();
            for (Candidate k : c.candidates()) {
                if (k.width() < DigitPairs.MIN_WIDTH) {
                    continue;
                }
                int label = label(crop.toSource(k.box()), number, tolerance);
                if (label < 0 || label == NOT_TWO_DIGITS && random.nextDouble() >= NONE_SHARE) {
                    continue;
                }
                float[] p = centering.center(c.cutout(k).ink()).pixels();
                for (float v : p) {
                    pixels.write(Math.round(Math.max(0, Math.min(1, v)) * 255));
                }
                targets.write(label);
            }
            return new byte[][] {pixels.toByteArray(), targets.toByteArray()};
        } catch (RecognitionException e) {
            return new byte[][] {new byte[0], new byte[0]};
        }
    }

    /**
     * The candidate's label: its pair, {@link #NOT_TWO_DIGITS}, or -1 when it is close to two neighbouring digits
     * but not them.
     */
    static int label(Box b, WrittenNumber number, double tolerance) {
        double nearest = Double.POSITIVE_INFINITY;
        List<Box> boxes = number.boxes();
        for (int d = 0; d + 1 < boxes.size(); d++) {
            Box l = boxes.get(d), r = boxes.get(d + 1);
            int x0 = Math.min(l.x(), r.x()), y0 = Math.min(l.y(), r.y());
            int x1 = Math.max(l.x() + l.width(), r.x() + r.width());
            int y1 = Math.max(l.y() + l.height(), r.y() + r.height());
            double off = Math.max(Math.max(Math.abs(b.x() - x0), Math.abs(b.x() + b.width() - x1)),
                    Math.max(Math.abs(b.y() - y0), Math.abs(b.y() + b.height() - y1)));
            if (off <= tolerance) {
                return (number.text().charAt(d) - '0') * 10 + number.text().charAt(d + 1) - '0';
            }
            nearest = Math.min(nearest, off);
        }
        return nearest <= 2 * tolerance ? -1 : NOT_TWO_DIGITS;
    }
}
