package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.image.InkImage;

/**
 * The one rule for "nothing was drawn", whatever the input form: an encoded image, a {@code pixels} array or
 * rendered digital ink. Ink (1 = ink) counts as drawn only when it departs from its own background by at least
 * {@link #MIN_CONTRAST} and some of it reaches {@link MnistCentering#INK_THRESHOLD}. A uniform field (all 0, all
 * 0.5, all 1) is blank, never guessed at: the model would otherwise read a flat grey as a confident "8".
 */
public final class BlankInk {

    /**
     * Least contrast, in levels of 255, that counts as ink: an encoded image's luminance (or alpha) range, and for ink
     * arrays the same fraction of full ink. Below it an image is noise, not a stroke to stretch into ink.
     */
    public static final int MIN_CONTRAST_LEVELS = 40;
    /** {@link #MIN_CONTRAST_LEVELS} as a fraction of full ink. */
    public static final float MIN_CONTRAST = MIN_CONTRAST_LEVELS / 255f;

    private BlankInk() {
    }

    /** Whether these ink values (row-major, 1 = ink) hold nothing drawn. */
    public static boolean isBlank(float[] ink) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : ink) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return ink.length == 0 || max < MnistCentering.INK_THRESHOLD || max - min < MIN_CONTRAST;
    }

    /** @throws BlankImage when {@link #isBlank(float[])} */
    public static void check(float[] ink) throws BlankImage {
        if (isBlank(ink)) {
            throw new BlankImage();
        }
    }

    /** @throws BlankImage when the image holds nothing drawn */
    public static void check(InkImage image) throws BlankImage {
        check(image.ink());
    }
}
