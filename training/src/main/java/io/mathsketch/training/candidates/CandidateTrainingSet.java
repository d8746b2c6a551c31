package io.mathsketch.training.candidates;

import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.Range;
import io.mathsketch.corpus.numbers.NumberConfig;
import io.mathsketch.corpus.numbers.NumberWriter;
import io.mathsketch.corpus.numbers.WrittenNumber;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.InkCrop;
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
 * A candidate classifier's examples: the candidates {@link CandidateSegmenter} proposes for written numbers that the
 * model sees, centred and labelled by its {@link CandidateLabelling}. The numbers are written from MNIST
 * <em>training</em> digits and the training hand ({@link #training()}, {@link #validation()}), never the test sets'
 * sources.
 */
public final class CandidateTrainingSet {

    /** Where the {@link #training()} numbers come from, as the model cards say it. */
    public static final String TRAINING_SOURCE = "written from **MNIST training digits 0-49,999** and drawn by"
            + " `HandConfig.TRAINING` (seed `0x5EE10001`): never MNIST test digits nor the held-out hands, the sources"
            + " of `NumberConfig.TUNING` and `NumberConfig.TEST`";

    private final CandidateLabelling labelling;

    public CandidateTrainingSet(CandidateLabelling labelling) {
        this.labelling = labelling;
    }

    /** Numbers to train on: MNIST training digits 0-49,999 and the training hand. */
    public static NumberConfig training() {
        return new NumberConfig("verifier-training", 0x5EE1_0001L, HandConfig.TRAINING, 0, 50_000, Range.of(40, 110));
    }

    /** Numbers to check on after each epoch: MNIST training digits 50,000-59,999, the training hand re-seeded. */
    public static NumberConfig validation() {
        return new NumberConfig("verifier-validation", 0x5EE1_0002L, HandConfig.TRAINING.withSeed(0x5EE1_0102L),
                50_000, 60_000, Range.of(40, 110));
    }

    /** The examples of numbers {@code 0..count-1} of {@code config}, in number order. */
    public Labelled candidates(NumberConfig config, MnistImages images, MnistLabels labels, int count) {
        return candidates(config, images, labels, IntStream.range(0, count).asLongStream().toArray());
    }

    /** The examples of the given numbers of {@code config}, in that order. */
    public Labelled candidates(NumberConfig config, MnistImages images, MnistLabels labels, long[] numbers) {
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

    /**
     * One number's examples: {pixels, labels}; {@code random} draws which {@code none} candidates are kept (only
     * when the labelling keeps a share of them).
     */
    byte[][] examples(WrittenNumber number, ImagePreprocessor preprocessor, SplittableRandom random) {
        try {
            InkCrop crop = preprocessor.inkCrop(number.png(), 1 << 20);
            Candidates c = new CandidateSegmenter().propose(crop.ink(), 32);
            double tolerance = Math.max(3, 0.1 * c.lineHeight() * crop.factor());
            ByteArrayOutputStream pixels = new ByteArrayOutputStream();
            ByteArrayOutputStream targets = new ByteArrayOutputStream();
            for (Candidate k : c.candidates()) {
                if (!labelling.sees(k)) {
                    continue;
                }
                int label = labelling.label(crop.toSource(k.box()), number, tolerance);
                if (label < 0 || label == labelling.none() && random.nextDouble() >= labelling.noneShare()) {
                    continue;
                }
                float[] p = labelling.center(c.cutout(k).ink()).pixels();
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
}
