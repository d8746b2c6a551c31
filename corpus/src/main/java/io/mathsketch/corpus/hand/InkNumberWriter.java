package io.mathsketch.corpus.hand;

import io.mathsketch.corpus.render.PageSurface;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Numbers of 2-5 digits (or of up to 32, {@link #number(long, int)}) written in digital ink by a generated hand, as
 * the drawing page's number surface ({@link PageSurface}, wider when the digits need it) sends them: each digit drawn by {@link HandwritingGenerator} into its
 * own em square (one writing height per number, each digit's baseline a little off), then set after the previous one so
 * that the gap between the two digits' points is the one drawn for the number's {@link Spacing}, and written after it
 * in time. Unlike the canvas fixtures' numbers, the hands slant, the digits may touch and their boxes may overlap (a
 * slanted digit or a 7's bar reaching over its neighbour). Number {@code i} of a configuration is the same on every
 * machine and thread; the spacings take turns ({@code i % 4}). Test and tuning data only.
 */
public final class InkNumberWriter {

    /** Digits per number. */
    public static final int MIN_DIGITS = 2, MAX_DIGITS = 5;
    /**
     * Drawings set aside per number of {@link #number(long, int)}: digit {@code k} of long number {@code i} is drawing
     * {@code i * this + k}. The engine's default digit limit ({@code limits.max-digits}, 32).
     */
    public static final int MAX_LONG_DIGITS = 32;

    /** How far apart a number's neighbouring digits stand. */
    public enum Spacing {
        /** Every gap from the configuration's {@code spaced} range, in writing heights. */
        SPACED,
        /** Every gap from its {@code close} range, in writing heights. */
        CLOSE,
        /** At least one pair (each about half) touching: a gap from its {@code touching} range, in pen widths. */
        TOUCHING,
        /** At least one pair (each about half) whose boxes overlap: a gap from its {@code overhang} range (negative). */
        OVERHANG
    }

    /**
     * One set of ink numbers.
     *
     * @param name        shown in reports
     * @param seed        mixed into every number's random stream
     * @param hand        the hands that draw the digits (their seed keys the drawings)
     * @param digitHeight the writing height (em square) in units
     * @param spaced      gaps of {@link Spacing#SPACED} numbers, in writing heights
     * @param close       gaps of {@link Spacing#CLOSE} numbers and of the other pairs of touching and overhanging
     *                    ones, in writing heights
     * @param touching    gaps of touching pairs, in pen widths (below 1 the inks touch)
     * @param overhang    gaps of overhanging pairs, in writing heights (negative: the boxes of points overlap)
     */
    public record Config(String name, long seed, HandConfig hand, Range digitHeight, Range spaced, Range close,
                         Range touching, Range overhang) {

        /**
         * What number mode's ink grouping is tuned on: the training hands, with seeds of their own (no canvas
         * fixture and no held-out hand).
         */
        public static final Config TUNING = new Config("ink-numbers-tuning", 0x1A7_0001L,
                HandConfig.TRAINING.withSeed(0x1A7_0101L), Range.of(110, 160), Range.of(0.2, 0.5),
                Range.of(0.04, 0.2), Range.of(-0.3, 1.0), Range.of(-0.1, -0.02));

        /**
         * A set the grouping was not designed or tuned on: the held-out hands (wider slants, another tremor) with
         * their own seed, other sizes, wider and tighter gaps, deeper touching and overlap.
         */
        public static final Config HELD_OUT = new Config("ink-numbers-held-out", 0x1A7_0002L,
                HandConfig.HELD_OUT.withSeed(0x1A7_0202L), Range.of(90, 170), Range.of(0.15, 0.6),
                Range.of(0.02, 0.15), Range.of(-0.5, 0.8), Range.of(-0.14, -0.03));

        /**
         * What number mode's handling of long numbers is tuned on: {@link #TUNING}'s hands and gaps with seeds of
         * their own, written as small as {@link #LONG_HELD_OUT}.
         */
        public static final Config LONG_TUNING = new Config("ink-long-numbers-tuning", 0x1A7_0004L,
                HandConfig.TRAINING.withSeed(0x1A7_0404L), Range.of(50, 90), TUNING.spaced, TUNING.close,
                TUNING.touching, TUNING.overhang);

        /**
         * Long numbers (a phone's, a card's, an account's), held out like {@link #HELD_OUT}: its gaps, touching and
         * overlap, the held-out hands with a seed of their own, and writing a third to a half that size, as a long
         * number is written smaller to fit the line: 32 spaced digits stay within the engine's 4,096-pixel width.
         */
        public static final Config LONG_HELD_OUT = new Config("ink-long-numbers-held-out", 0x1A7_0003L,
                HandConfig.HELD_OUT.withSeed(0x1A7_0303L), Range.of(50, 90), HELD_OUT.spaced, HELD_OUT.close,
                HELD_OUT.touching, HELD_OUT.overhang);
    }

    /** A written number: the digits it shows, how they are spaced, and the ink. */
    public record Written(String text, Spacing spacing, Ink ink) {
    }

    private final Config config;
    private final HandwritingGenerator hand;

    public InkNumberWriter(Config config) {
        this.config = config;
        this.hand = new HandwritingGenerator(config.hand());
    }

    public Config config() {
        return config;
    }

    /** Number {@code i} of this configuration's set. */
    public Written number(long i) {
        SplittableRandom random = random(i);
        return write(i, MIN_DIGITS + random.nextInt(MAX_DIGITS - MIN_DIGITS + 1), MAX_DIGITS, random);
    }

    /** Number {@code i} of this configuration's set with {@code digits} digits, up to {@link #MAX_LONG_DIGITS}. */
    public Written number(long i, int digits) {
        if (digits < MIN_DIGITS || digits > MAX_LONG_DIGITS) {
            throw new IllegalArgumentException("digits " + digits + " outside " + MIN_DIGITS + "-" + MAX_LONG_DIGITS);
        }
        return write(i, digits, MAX_LONG_DIGITS, random(i));
    }

    private SplittableRandom random(long i) {
        return new SplittableRandom(config.seed() ^ Long.rotateLeft(i * 0xBF58476D1CE4E5B9L, 29));
    }

    /** Number {@code i} of {@code n} digits, digit {@code k} drawn as drawing {@code i * stride + k}. */
    private Written write(long i, int n, int stride, SplittableRandom random) {
        Spacing spacing = Spacing.values()[(int) Math.floorMod(i, Spacing.values().length)];
        double em = config.digitHeight().draw(random);
        int special = random.nextInt(n - 1);
        StringBuilder text = new StringBuilder();
        List<Stroke> strokes = new ArrayList<>();
        double pen = 0, right = 0, clock = 0;
        for (int k = 0; k < n; k++) {
            int digit = random.nextInt(10);
            List<DigitStyle> styles = config.hand().styles().stream().filter(s -> s.digit() == digit).toList();
            DigitStyle style = styles.get(random.nextInt(styles.size()));
            double top = (PageSurface.HEIGHT - em) / 2 + (random.nextDouble() * 2 - 1) * 0.05 * em;
            HandwrittenDigit d = hand.draw(style, i * stride + k, new Box(0, (int) Math.round(top),
                    (int) Math.round(em), (int) Math.round(em)));
            if (k == 0) {
                pen = d.penWidth();
            }
            double[] box = Stroke.bounds(d.strokes());
            double dx;
            if (k == 0) {
                dx = 20 - box[0];
            } else {
                boolean own = k - 1 == special || random.nextBoolean();
                double gap = switch (spacing) {
                    case SPACED -> config.spaced().draw(random) * em;
                    case CLOSE -> config.close().draw(random) * em;
                    case TOUCHING -> own ? config.touching().draw(random) * pen : config.close().draw(random) * em;
                    case OVERHANG -> own ? config.overhang().draw(random) * em : config.close().draw(random) * em;
                };
                dx = right + gap - box[0];
            }
            double end = clock;
            for (Stroke s : d.strokes()) {
                double[] xs = s.x().clone(), ts = s.time().clone();
                for (int p = 0; p < xs.length; p++) {
                    xs[p] += dx;
                }
                for (int p = 0; p < ts.length; p++) {
                    ts[p] += clock;
                    end = Math.max(end, ts[p]);
                }
                strokes.add(new Stroke(xs, s.y(), ts, s.pressure()));
            }
            right = box[2] + dx;
            clock = end + Timeline.PAUSE_BETWEEN_DRAWINGS;
            text.append(digit);
        }
        Ink ink = new Ink(strokes, Math.max(PageSurface.NUMBER_WIDTH, right + 20), PageSurface.HEIGHT, pen);
        return new Written(text.toString(), spacing, ink);
    }
}
