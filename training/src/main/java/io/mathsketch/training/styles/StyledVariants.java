package io.mathsketch.training.styles;

import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.HandwritingGenerator;
import io.mathsketch.corpus.hand.HandwrittenDigit;
import io.mathsketch.corpus.render.CanvasDigits;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Digits in the world's styles (the corpus's {@link HandwritingGenerator}) as the engine receives them from users:
 * from the drawing page's canvas or as a 28x28 crop of a paper photo, decoded and centred by the engine itself.
 * Deterministic: drawing {@code i} of a style on a path is always the same image. Thread-safe.
 */
public final class StyledVariants {

    private final HandwritingGenerator hand;
    private final CanvasDigits canvas = new CanvasDigits();
    private final PaperCrop paper = new PaperCrop();
    private final ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);

    public StyledVariants(HandConfig config) {
        this.hand = new HandwritingGenerator(config);
    }

    public HandConfig config() {
        return hand.config();
    }

    /** Drawing {@code index} of {@code style}, sent along {@code path}. */
    public StyledSample draw(DigitStyle style, long index, RenderPath path) {
        HandwrittenDigit drawing = hand.draw(style, index);
        DigitImage digit = switch (path) {
            case CANVAS -> canvas.digit(drawing.pageInk());
            case PAPER -> photographed(drawing, style, index);
        };
        return new StyledSample(style, path, digit);
    }

    private DigitImage photographed(HandwrittenDigit drawing, DigitStyle style, long index) {
        long seed = hand.config().seed() * 0xD1B54A32D192ED03L + style.ordinal() * 0x9E3779B97F4A7C15L + index;
        byte[] photo = paper.encode(drawing.pageInk(), new SplittableRandom(seed));
        try {
            return preprocessor.digit(photo);
        } catch (RecognitionException e) {
            throw new IllegalStateException("the engine refused a generated paper crop of " + style + " #" + index
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * A training pool of {@code count} drawings: the configuration's styles take turns, a {@code paperShare} of them
     * (chosen by a seeded draw per drawing) are paper crops, the rest canvas drawings. Built in parallel, in order.
     */
    public List<StyledSample> pool(int count, double paperShare) {
        List<DigitStyle> styles = config().styles();
        return IntStream.range(0, count).parallel().mapToObj(i -> {
            DigitStyle style = styles.get(i % styles.size());
            long index = i / styles.size();
            boolean onPaper = new SplittableRandom(config().seed() ^ (i * 0x9E3779B97F4A7C15L)).nextDouble()
                    < paperShare;
            return draw(style, index, onPaper ? RenderPath.PAPER : RenderPath.CANVAS);
        }).toList();
    }

    /**
     * What the digit-model commands train on beside MNIST: a {@link #pool} of {@code styled} drawings in the world's
     * digit styles ({@link HandConfig#TRAINING}), then one of {@code onesAndSevens} extra continental 1s and 7s
     * ({@link HandConfig#TRAINING_ONES_AND_SEVENS}), then one of {@code flaggedOnes} extra flagged 1s and plain 7s
     * ({@link HandConfig#TRAINING_FLAGGED_ONES}), all with the same paper share.
     */
    public static List<StyledSample> trainingPool(int styled, int onesAndSevens, int flaggedOnes, double paperShare) {
        List<StyledSample> pool = new ArrayList<>(new StyledVariants(HandConfig.TRAINING).pool(styled, paperShare));
        pool.addAll(new StyledVariants(HandConfig.TRAINING_ONES_AND_SEVENS).pool(onesAndSevens, paperShare));
        pool.addAll(new StyledVariants(HandConfig.TRAINING_FLAGGED_ONES).pool(flaggedOnes, paperShare));
        return pool;
    }

    /**
     * A fixed test set: for every style, drawings {@code 0 .. perPath-1} on the canvas and drawings
     * {@code perPath .. 2 perPath-1} as paper crops (different drawings, so no drawing is counted twice).
     */
    public List<StyledSample> fixedSet(int perPath) {
        List<DigitStyle> styles = config().styles();
        int perStyle = 2 * perPath;
        return IntStream.range(0, styles.size() * perStyle).parallel().mapToObj(i -> {
            DigitStyle style = styles.get(i / perStyle);
            int index = i % perStyle;
            return draw(style, index, index < perPath ? RenderPath.CANVAS : RenderPath.PAPER);
        }).toList();
    }

    /** Samples as IDX-style bytes (0 = no ink, 255 = ink), the form training mixes with MNIST. */
    public static MnistImages images(List<StyledSample> samples) {
        byte[] pixels = new byte[samples.size() * DigitImage.SIZE];
        for (int s = 0; s < samples.size(); s++) {
            float[] p = samples.get(s).digit().pixels();
            for (int i = 0; i < DigitImage.SIZE; i++) {
                pixels[s * DigitImage.SIZE + i] = (byte) Math.round(Math.max(0f, Math.min(1f, p[i])) * 255f);
            }
        }
        return new MnistImages(samples.size(), DigitImage.SIDE, DigitImage.SIDE, pixels);
    }

    public static MnistLabels labels(List<StyledSample> samples) {
        byte[] labels = new byte[samples.size()];
        for (int s = 0; s < samples.size(); s++) {
            labels[s] = (byte) samples.get(s).label();
        }
        return new MnistLabels(labels);
    }

    /** The styles present in {@code samples}, in enum order. */
    public static List<DigitStyle> styles(List<StyledSample> samples) {
        List<DigitStyle> out = new ArrayList<>();
        for (DigitStyle s : DigitStyle.values()) {
            if (samples.stream().anyMatch(x -> x.style() == s)) {
                out.add(s);
            }
        }
        return out;
    }
}
