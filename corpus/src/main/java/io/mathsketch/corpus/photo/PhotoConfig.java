package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.hand.Range;

import java.util.List;

/**
 * The conditions a set of paper photos is drawn from: frame sizes, how large the digit is, the paper, the light, the
 * camera. Each photo draws its own {@link PhotoConditions} from these ranges with a random generator seeded by
 * {@code seed} and the photo's index, so photo {@code i} of a configuration is the same on every machine.
 *
 * @param frames frame sizes {width, height} in pixels, equally likely
 * @param digitHeight the digit's height as a share of the frame's shorter side
 * @param minDigitPixels the smallest digit height in pixels, whatever the share (a phone held close enough to read)
 * @param shadowChance probability of a cast shadow (a hand or the phone) with a soft edge across the frame
 * @param shadowDepth light left in the shadow
 * @param gradient how much darker the far side of the frame is than the near side (uneven lighting)
 * @param vignette darkening of the corners
 * @param exposure overall brightness
 * @param grain standard deviation of the sensor's noise, in 8-bit levels
 * @param blur standard deviation of the camera's blur, in pixels
 * @param jpegQualities JPEG qualities, equally likely
 * @param specks how many specks (dust, paper flecks, pencil dots) a photo has at most
 * @param edgeChance probability of the desk showing as a dark strip along one side of the frame
 * @param pens the pens, equally likely (a pen listed twice is twice as likely)
 * @param papers the papers, equally likely (likewise)
 * @param pressure how hard the digit was written: a share of the pen's opacity (1 = as {@link Pen} lays it down)
 */
public record PhotoConfig(String name, long seed, List<int[]> frames, Range digitHeight, int minDigitPixels,
                          double shadowChance, Range shadowDepth, Range gradient, Range vignette, Range exposure,
                          Range grain, Range blur, List<Float> jpegQualities, int specks, double edgeChance,
                          List<Pen> pens, List<Paper> papers, Range pressure) {

    /** Every pen once, in {@link Pen}'s order: the draw the sets made before pens could be weighted. */
    private static final List<Pen> EVERY_PEN = List.of(Pen.values());
    private static final List<Paper> EVERY_PAPER = List.of(Paper.values());
    /** Full pressure draws no random number, so the sets drawn before pressure could vary stay the same photos. */
    private static final Range FULL_PRESSURE = Range.of(1, 1);

    /** The held-out photo set the quality floors are measured on. */
    public static final PhotoConfig TEST = new PhotoConfig("photo-test", 0x9407_0011L,
            List.of(new int[] {320, 240}, new int[] {480, 360}, new int[] {640, 480}, new int[] {800, 600},
                    new int[] {1024, 768}, new int[] {1280, 960}),
            Range.of(0.1, 0.6), 28, 0.5, Range.of(0.45, 0.8), Range.of(0, 0.45), Range.of(0, 0.3),
            Range.of(0.75, 1.05), Range.of(2, 8), Range.of(0, 1.2), List.of(0.5f, 0.7f, 0.85f, 0.95f), 25, 0.25,
            EVERY_PEN, EVERY_PAPER, FULL_PRESSURE);

    /**
     * The photos the photo path is tuned on, never the test's: the test conditions drawn with another seed (and, in
     * {@code PhotoTuning}, other MNIST test digits and the held-out hands re-seeded).
     */
    public static final PhotoConfig TUNING = new PhotoConfig("photo-tuning", 0x9407_0021L, TEST.frames,
            TEST.digitHeight, TEST.minDigitPixels, TEST.shadowChance, TEST.shadowDepth, TEST.gradient, TEST.vignette,
            TEST.exposure, TEST.grain, TEST.blur, TEST.jpegQualities, TEST.specks, TEST.edgeChance, TEST.pens,
            TEST.papers, TEST.pressure);

    /**
     * The camera of the held-out number photos ({@code NumberPhotoQualityTest}): the test conditions with a seed of
     * their own, a written number's line in place of the digit ({@link PaperCamera}).
     */
    public static final PhotoConfig NUMBER_TEST = TEST.renamed("number-photo-test", 0x9407_2011L);

    /**
     * The camera of the font digits ({@code corpus.fonts}, {@code FontDigitQualityTest}): the test conditions with a
     * seed of their own, each font digit's canvas export photographed by {@link PaperCamera}.
     */
    public static final PhotoConfig FONT_TEST = TEST.renamed("font-photo-test", 0x9407_3011L);

    /**
     * The camera of the held-out font numbers ({@code corpus.fonts}, {@code FontNumberQualityTest}): the test
     * conditions with a seed of their own, a font number's line in place of the digit.
     */
    public static final PhotoConfig FONT_NUMBER_TEST = TEST.renamed("font-number-photo-test", 0x9407_3021L);

    /** The camera of the font numbers to tune on: the test conditions with yet another seed. */
    public static final PhotoConfig FONT_NUMBER_TUNING = TEST.renamed("font-number-photo-tuning", 0x9407_3031L);

    /** The camera of the number photos to tune on: the test conditions with yet another seed. */
    public static final PhotoConfig NUMBER_TUNING = TEST.renamed("number-photo-tuning", 0x9407_2021L);

    /**
     * A harder set to tune on, weighted to the conditions the photo path misses most: pencil on half the photos
     * (written lightly, 55-100% of its opacity), grey, blue-tinted and yellow papers three times in four, the desk in
     * frame on half of them, shadows on most, darker exposure, more grain and blur, twice the specks. Its own seed,
     * never the test's nor another tuning set's; {@code HardPhotoTuning} reads it with digits no test reads.
     */
    public static final PhotoConfig HARD_TUNING = new PhotoConfig("photo-hard-tuning", 0x9407_1101L, TEST.frames,
            Range.of(0.1, 0.5), TEST.minDigitPixels, 0.7, Range.of(0.4, 0.75), Range.of(0, 0.5), Range.of(0, 0.35),
            Range.of(0.65, 1.0), Range.of(3, 10), Range.of(0.2, 1.6), TEST.jpegQualities, 50, 0.5,
            List.of(Pen.PENCIL, Pen.PENCIL, Pen.BLUE_BALLPOINT, Pen.BLACK_PEN),
            List.of(Paper.WHITE, Paper.CREAM, Paper.GREY, Paper.DARK_GREY, Paper.BLUE_TINT, Paper.BLUE_TINT,
                    Paper.YELLOW_NOTE, Paper.YELLOW_NOTE),
            Range.of(0.55, 1));

    /**
     * Photos for the orientation floor: the test conditions at the two smaller frame sizes (every photo is read
     * sixteen times), with another seed.
     */
    public static final PhotoConfig ORIENTATION = new PhotoConfig("photo-orientation", 0x9407_0012L,
            List.of(new int[] {320, 240}, new int[] {640, 480}), TEST.digitHeight, TEST.minDigitPixels,
            TEST.shadowChance, TEST.shadowDepth, TEST.gradient, TEST.vignette, TEST.exposure, TEST.grain, TEST.blur,
            TEST.jpegQualities, TEST.specks, TEST.edgeChance, TEST.pens, TEST.papers, TEST.pressure);

    public PhotoConfig {
        frames = List.copyOf(frames);
        jpegQualities = List.copyOf(jpegQualities);
        pens = List.copyOf(pens);
        papers = List.copyOf(papers);
        if (frames.isEmpty() || jpegQualities.isEmpty() || pens.isEmpty() || papers.isEmpty()) {
            throw new IllegalArgumentException(name + ": frames, JPEG qualities, pens and papers must not be empty");
        }
        if (pressure.min() <= 0 || pressure.max() > 1) {
            throw new IllegalArgumentException(name + ": pressure is a share of the pen's opacity in (0, 1]");
        }
        if (digitHeight.min() <= 0 || digitHeight.max() > 0.9) {
            throw new IllegalArgumentException(name + ": the digit's height is a share of the frame in (0, 0.9]");
        }
    }

    /** The same conditions in other frame sizes (a benchmark's fixed 640x480, for example). */
    public PhotoConfig withFrames(List<int[]> newFrames) {
        return new PhotoConfig(name, seed, newFrames, digitHeight, minDigitPixels, shadowChance, shadowDepth,
                gradient, vignette, exposure, grain, blur, jpegQualities, specks, edgeChance, pens, papers, pressure);
    }

    /** The same conditions under another name, drawn with another seed (a set of its own, such as a training set). */
    public PhotoConfig renamed(String newName, long newSeed) {
        return new PhotoConfig(newName, newSeed, frames, digitHeight, minDigitPixels, shadowChance, shadowDepth,
                gradient, vignette, exposure, grain, blur, jpegQualities, specks, edgeChance, pens, papers, pressure);
    }

    /** The same conditions drawn with another seed: another photo set. */
    public PhotoConfig withSeed(long newSeed) {
        return new PhotoConfig(name, newSeed, frames, digitHeight, minDigitPixels, shadowChance, shadowDepth,
                gradient, vignette, exposure, grain, blur, jpegQualities, specks, edgeChance, pens, papers, pressure);
    }
}
