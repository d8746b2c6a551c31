package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.InkImage;

/**
 * The input of number mode's line reader: a whole written number, its ink box fitted {@value #INK_HEIGHT} pixels
 * high (the height a digit has in the MNIST recipe) keeping the aspect ratio, or narrower when the line would not
 * fit {@value #WIDTH} pixels, placed {@value #MARGIN} pixels from the field's top-left corner (vertically centred),
 * the rest of the {@value #HEIGHT} x {@value #WIDTH} field blank. The reader outputs one column of scores per
 * {@value #STEP} input columns, so the field's blank right part is read as blanks. Shared by serving and training,
 * so the reader learns what the engine feeds it.
 */
public final class LineCentering {

    /** The field's height and width in pixels. */
    public static final int HEIGHT = 24, WIDTH = 192;
    /** Input columns per output step of the line reader (its two 2x2 max-pools). */
    public static final int STEP = 4;
    /** Output steps per line: {@value #WIDTH} / {@value #STEP}. */
    public static final int STEPS = WIDTH / STEP;
    static final int INK_HEIGHT = 20, MARGIN = 2;

    /**
     * The line's field, row-major, {@value #HEIGHT} x {@value #WIDTH} values in [0, 1].
     *
     * @throws RecognitionException.BlankImage when no pixel reaches {@link MnistCentering#INK_THRESHOLD}
     */
    public float[] center(InkImage image) throws RecognitionException.BlankImage {
        return fit(image).field();
    }

    /**
     * The line's field and where its ink came from, so that a column of the field (a step of the reader's output)
     * can be mapped back to the image's columns.
     *
     * @throws RecognitionException.BlankImage when no pixel reaches {@link MnistCentering#INK_THRESHOLD}
     */
    public FittedLine fit(InkImage image) throws RecognitionException.BlankImage {
        int[] box = MnistCentering.inkBounds(image, 0, 0, image.width(), image.height());
        if (box == null) {
            throw new RecognitionException.BlankImage();
        }
        int w = box[2] - box[0], h = box[3] - box[1];
        int[] fitted = fittedSize(w, h);
        int tw = fitted[0], th = fitted[1];
        float[] patch = MnistCentering.resample(image, box[0], box[1], w, h, tw, th);
        return new FittedLine(place(patch, tw, th), box[0], w, tw);
    }

    /**
     * The size {width, height} in field pixels that an ink box of {@code w} x {@code h} (any unit) is fitted to.
     * Shared with the ink renderer, which draws a number's strokes straight at this size.
     */
    public static int[] fittedSize(double w, double h) {
        // In float, as the image path always computed it: an integer box gives exactly the sizes it gave before.
        float scale = Math.min(INK_HEIGHT / (float) h, (WIDTH - 2 * MARGIN) / (float) w);
        int tw = Math.max(1, Math.min(WIDTH - 2 * MARGIN, Math.round((float) w * scale)));
        int th = Math.max(1, Math.min(INK_HEIGHT, Math.round((float) h * scale)));
        return new int[] {tw, th};
    }

    /**
     * The field with a fitted patch of {@code tw} x {@code th} ink values ({@link #fittedSize}) placed in it,
     * {@value #MARGIN} pixels from the left and vertically centred, values clamped to [0, 1].
     */
    public static float[] place(float[] patch, int tw, int th) {
        int oy = (HEIGHT - th) / 2;
        float[] pixels = new float[HEIGHT * WIDTH];
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                pixels[(oy + y) * WIDTH + MARGIN + x] = Math.min(1f, Math.max(0f, patch[y * tw + x]));
            }
        }
        return pixels;
    }

    /**
     * A fitted line: its field, and the image's ink columns {@code inkLeft..inkLeft+inkWidth} (for digital ink,
     * its x coordinates) resampled to the field's {@code fittedWidth} columns from {@link #MARGIN}.
     */
    public record FittedLine(float[] field, double inkLeft, double inkWidth, int fittedWidth) {

        /** The image column (fractional; for ink, the x coordinate) that a field column (fractional, a step is {@value #STEP}) came from. */
        public double inkColumn(double fieldColumn) {
            return inkLeft + (fieldColumn - MARGIN) * inkWidth / fittedWidth;
        }
    }
}
