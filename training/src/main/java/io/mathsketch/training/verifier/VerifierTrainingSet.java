package io.mathsketch.training.verifier;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.Range;
import io.mathsketch.corpus.numbers.NumberConfig;
import io.mathsketch.corpus.numbers.NumberWriter;
import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.InkCrop;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.segment.CandidateSegmenter;
import io.mathsketch.engine.segment.CandidateSegmenter.Candidate;
import io.mathsketch.engine.segment.Candidates;
import io.mathsketch.training.symbols.SymbolTrainingSet.Labelled;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The verifier's examples: every candidate {@link CandidateSegmenter} proposes for written numbers, centred as number
 * mode centres it, labelled with its digit when its box is a true digit's box (every side within a tenth of the line
 * height, at least 3 pixels) and {@link #NOT_ONE_DIGIT} when it is far from every true digit (a fragment, a merged
 * pair, a sliver). Candidates close to a true digit but not within the tolerance are left out: neither label is sure.
 * The numbers are written from MNIST <em>training</em> digits and the training hand, never the test sets' sources.
 */
public final class VerifierTrainingSet {

    /** The label of a candidate that is not one whole digit. */
    public static final int NOT_ONE_DIGIT = 10;

    /** Numbers to train on: MNIST training digits 0-49,999 and the training hand. */
    public static NumberConfig training() {
        return new NumberConfig("verifier-training", 0x5EE1_0001L, HandConfig.TRAINING, 0, 50_000, Range.of(40, 110));
    }

    /** Numbers to check on after each epoch: MNIST training digits 50,000-59,999, the training hand re-seeded. */
    public static NumberConfig validation() {
        return new NumberConfig("verifier-validation", 0x5EE1_0002L, HandConfig.TRAINING.withSeed(0x5EE1_0102L),
                50_000, 60_000, Range.of(40, 110));
    }

    private VerifierTrainingSet() {
    }

    /** The candidates of numbers {@code 0..count-1} of {@code config}, in number order. */
    public static Labelled candidates(NumberConfig config, MnistImages images, MnistLabels labels, int count) {
        NumberWriter writer = new NumberWriter(config, images, labels);
        ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
        List<byte[][]> parts = IntStream.range(0, count).parallel()
                .mapToObj(i -> examples(writer.number(i), preprocessor)).toList();
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
    static byte[][] examples(WrittenNumber number, ImagePreprocessor preprocessor) {
        MnistCentering centering = new MnistCentering();
        try {
            InkCrop crop = preprocessor.inkCrop(number.png(), 1 << 20);
            Candidates c = new CandidateSegmenter().propose(crop.ink(), 32);
            double tolerance = Math.max(3, 0.1 * c.lineHeight() * crop.factor());
            ByteArrayOutputStream pixels = new ByteArrayOutputStream();
            ByteArrayOutputStream targets = new ByteArrayOutputStream();
            for (Candidate k : c.candidates()) {
                int label = label(crop.toSource(k.box()), number, tolerance);
                if (label < 0) {
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

    /** The candidate's label: its digit, {@link #NOT_ONE_DIGIT}, or -1 when it is close to a digit but not it. */
    static int label(Box b, WrittenNumber number, double tolerance) {
        double nearest = Double.POSITIVE_INFINITY;
        for (int d = 0; d < number.boxes().size(); d++) {
            Box t = number.boxes().get(d);
            double off = Math.max(Math.max(Math.abs(b.x() - t.x()), Math.abs(b.x() + b.width() - t.x() - t.width())),
                    Math.max(Math.abs(b.y() - t.y()), Math.abs(b.y() + b.height() - t.y() - t.height())));
            if (off <= tolerance) {
                return number.text().charAt(d) - '0';
            }
            nearest = Math.min(nearest, off);
        }
        return nearest <= 2 * tolerance ? -1 : NOT_ONE_DIGIT;
    }
}
