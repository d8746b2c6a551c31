package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.image.InkImage;

import io.mathsketch.engine.image.DigitImage;

import io.mathsketch.engine.RecognitionException;

/**
 * The classic MNIST recipe, shared by serving and by training: find the ink's bounding box, fit it into a 20x20 box
 * keeping the aspect ratio (area-averaged down-sampling, bilinear up-sampling), then place it in a 28x28 field so that
 * its centre of mass sits at the centre. Training augments digits and passes them through this same class, so the
 * model learns exactly the distribution the engine produces.
 */
public final class MnistCentering {

    /** Ink below this is treated as background when looking for the bounding box (anti-aliasing fringe, noise). */
    public static final float INK_THRESHOLD = 0.1f;
    private static final int BOX = 20;
    private static final int SIDE = DigitImage.SIDE;
    /** Where MNIST puts the centre of mass, in coordinates where pixel x spans [x, x + 1). */
    private static final double CENTRE = SIDE / 2.0 + 0.5;

    /**
     * @throws RecognitionException.BlankImage when no pixel reaches {@link #INK_THRESHOLD}
     */
    public DigitImage center(InkImage image) throws RecognitionException.BlankImage {
        int[] box = inkBounds(image, 0, 0, image.width(), image.height());
        if (box == null) {
            throw new RecognitionException.BlankImage();
        }
        return centerRegion(image, box[0], box[1], box[2] - box[0], box[3] - box[1]);
    }

    /** Centres the given region (for example one segmented digit) of a larger image. */
    public DigitImage centerRegion(InkImage image, int x0, int y0, int w, int h) {
        int[] fitted = fittedSize(w, h);
        int tw = fitted[0], th = fitted[1];
        float[] patch = resample(image, x0, y0, w, h, tw, th);
        return place(patch, tw, th);
    }

    /**
     * Centres the region of a byte image whose values {@code lut} maps to ink: the same digit, bit for bit, as mapping
     * the region to an {@link InkImage} and calling {@link #centerRegion}, without writing the mapped region out first
     * (the first resampling pass reads the bytes through the table). What a canvas costs after decoding is mostly
     * these two passes over the ink box. {@code blank} is a byte value the table maps to no ink (the background), or
     * -1: the first pass skips the stretches of it, whose terms add nothing.
     */
    DigitImage centerMapped(byte[] source, int width, float[] lut, int blank, int x0, int y0, int w, int h) {
        int[] fitted = fittedSize(w, h);
        int tw = fitted[0], th = fitted[1];
        float[] horizontal = new float[h * tw];
        Axis.of(w, tw).applyMappedRows(source, lut, blank, y0 * width + x0, width, h, horizontal);
        return place(vertical(horizontal, h, tw, th), tw, th);
    }

    /**
     * The size {width, height} in pixels, each 1 to 20, that an ink box of {@code w} x {@code h} (any unit) takes
     * when fitted into the 20x20 box keeping its aspect ratio. Shared with the ink renderer, which draws strokes
     * straight into a patch of this size.
     */
    public static int[] fittedSize(double w, double h) {
        // In float, as the image path always computed it: an integer box gives exactly the sizes it gave before.
        float scale = BOX / (float) Math.max(w, h);
        int tw = Math.max(1, Math.min(BOX, Math.round((float) w * scale)));
        int th = Math.max(1, Math.min(BOX, Math.round((float) h * scale)));
        return new int[] {tw, th};
    }

    /**
     * Places a fitted {@code tw} x {@code th} patch of ink intensities in the 28x28 field with its centre of mass
     * where MNIST has it; values are clamped to [0, 1].
     */
    public static DigitImage placeByCentreOfMass(float[] patch, int tw, int th) {
        return place(patch, tw, th);
    }

    /** Bounding box {x0, y0, x1, y1} (exclusive ends) of ink in a region, or null when it holds none. */
    public static int[] inkBounds(InkImage image, int rx, int ry, int rw, int rh) {
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        float[] ink = image.ink();
        int width = image.width();
        for (int y = ry; y < ry + rh; y++) {
            int row = y * width;
            for (int x = rx; x < rx + rw; x++) {
                if (ink[row + x] >= INK_THRESHOLD) {
                    if (x < minX) minX = x;
                    if (x > maxX) maxX = x;
                    if (y < minY) minY = y;
                    maxY = y;
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX + 1, maxY + 1};
    }

    /** The region resampled to {@code tw} x {@code th}: area averaging when shrinking, linear when enlarging. */
    static float[] resample(InkImage image, int x0, int y0, int w, int h, int tw, int th) {
        // Separable: columns first into an intermediate h x tw buffer, then rows.
        float[] horizontal = new float[h * tw];
        float[] ink = image.ink();
        int width = image.width();
        Axis xs = Axis.of(w, tw);
        for (int y = 0; y < h; y++) {
            int src = (y0 + y) * width + x0;
            xs.apply(ink, src, 1, horizontal, y * tw, 1);
        }
        return vertical(horizontal, h, tw, th);
    }

    /**
     * The second, vertical pass over an {@code h} x {@code tw} buffer of horizontally resampled rows: each output row
     * is a weighted sum of whole input rows, added a row at a time, so the additions run along contiguous rows (which
     * the compiler vectorises) where a column at a time would wait on each one. Every output value still adds the
     * same terms in the same order as {@link Axis#apply} down its column, so the result is identical.
     */
    private static float[] vertical(float[] horizontal, int h, int tw, int th) {
        float[] out = new float[th * tw];
        Axis ys = Axis.of(h, th);
        for (int t = 0; t < th; t++) {
            int o = t * tw, base = t * ys.stride, first = ys.start[t];
            for (int k = 0; k < ys.count[t]; k++) {
                float w = ys.weights[base + k];
                int in = (first + k) * tw;
                for (int x = 0; x < tw; x++) {
                    out[o + x] += w * horizontal[in + x];
                }
            }
        }
        return out;
    }

    private static DigitImage place(float[] patch, int tw, int th) {
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                float v = patch[y * tw + x];
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        // Top-left offset that puts the centre of mass where MNIST has it, kept inside the field. MNIST's centre is
        // pixel index 14 (measured over the test set: 14.50 and 14.49 with pixel centres at +0.5), not 14.0.
        int ox = (int) Math.round(CENTRE - (mass > 0 ? mx / mass : tw / 2.0));
        int oy = (int) Math.round(CENTRE - (mass > 0 ? my / mass : th / 2.0));
        ox = Math.max(0, Math.min(SIDE - tw, ox));
        oy = Math.max(0, Math.min(SIDE - th, oy));
        float[] pixels = new float[DigitImage.SIZE];
        for (int y = 0; y < th; y++) {
            System.arraycopy(patch, y * tw, pixels, (oy + y) * SIDE + ox, tw);
        }
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = Math.min(1f, Math.max(0f, pixels[i]));
        }
        return new DigitImage(pixels);
    }

    /**
     * One axis of a resampling: for each target sample, the source indices and weights that produce it. Area
     * averaging when shrinking (each target cell integrates the source cells it covers), linear interpolation when
     * enlarging.
     */
    private record Axis(int[] start, int[] count, float[] weights, int stride) {

        static Axis of(int source, int target) {
            return target <= source ? area(source, target) : linear(source, target);
        }

        private static Axis area(int source, int target) {
            double ratio = (double) source / target;
            int stride = (int) Math.ceil(ratio) + 1;
            int[] start = new int[target];
            int[] count = new int[target];
            float[] weights = new float[target * stride];
            for (int t = 0; t < target; t++) {
                double from = t * ratio, to = from + ratio;
                int first = (int) Math.floor(from);
                int last = Math.min(source - 1, (int) Math.ceil(to) - 1);
                start[t] = first;
                count[t] = last - first + 1;
                for (int s = first; s <= last; s++) {
                    double cover = Math.min(to, s + 1) - Math.max(from, s);
                    weights[t * stride + (s - first)] = (float) (cover / ratio);
                }
            }
            return new Axis(start, count, weights, stride);
        }

        private static Axis linear(int source, int target) {
            double ratio = (double) source / target;
            int[] start = new int[target];
            int[] count = new int[target];
            float[] weights = new float[target * 2];
            for (int t = 0; t < target; t++) {
                double center = Math.max(0, Math.min(source - 1, (t + 0.5) * ratio - 0.5));
                int first = Math.min((int) Math.floor(center), Math.max(0, source - 2));
                double frac = center - first;
                start[t] = first;
                count[t] = source == 1 ? 1 : 2;
                weights[t * 2] = (float) (source == 1 ? 1 : 1 - frac);
                if (source > 1) {
                    weights[t * 2 + 1] = (float) frac;
                }
            }
            return new Axis(start, count, weights, 2);
        }

        void apply(float[] in, int inOffset, int inStep, float[] out, int outOffset, int outStep) {
            for (int t = 0; t < start.length; t++) {
                float sum = 0;
                int base = t * stride;
                int src = inOffset + start[t] * inStep;
                for (int k = 0; k < count[t]; k++) {
                    sum += weights[base + k] * in[src + k * inStep];
                }
                out[outOffset + t * outStep] = sum;
            }
        }

        /**
         * {@link #apply} along each of {@code rows} rows of bytes mapped through {@code lut}, into consecutive rows of
         * {@code out} (which must hold zeros). Four rows at a time: their sums are independent chains the processor
         * overlaps, where one row's sum waits on each addition. Each sum adds the same terms in the same order as
         * {@link #apply}, so the result is identical. A target whose source bytes are all {@code blank} (a byte value
         * the table maps to zero; -1 for none) in all four rows is left at zero without reading the table: its terms
         * are all +0, and adding +0 leaves a sum as it is, so skipping them changes nothing. On a digit most of the
         * ink box is background around thin strokes.
         */
        void applyMappedRows(byte[] in, float[] lut, int blank, int offset, int rowStride, int rows, float[] out) {
            int targets = start.length;
            boolean skip = blank >= 0 && stride > Integer.BYTES && lut[blank] == 0f;
            long pattern = BackgroundBytes.pattern(blank);
            int y = 0;
            for (; y + 4 <= rows; y += 4) {
                int r0 = offset + y * rowStride, r1 = r0 + rowStride, r2 = r1 + rowStride, r3 = r2 + rowStride;
                int o = y * targets;
                for (int t = 0; t < targets; t++) {
                    int base = t * stride, first = start[t], n = count[t];
                    if (skip && BackgroundBytes.all(in, r0 + first, n, pattern)
                            && BackgroundBytes.all(in, r1 + first, n, pattern)
                            && BackgroundBytes.all(in, r2 + first, n, pattern)
                            && BackgroundBytes.all(in, r3 + first, n, pattern)) {
                        continue;
                    }
                    float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                    for (int k = 0; k < n; k++) {
                        float w = weights[base + k];
                        int i = first + k;
                        s0 += w * lut[in[r0 + i] & 0xFF];
                        s1 += w * lut[in[r1 + i] & 0xFF];
                        s2 += w * lut[in[r2 + i] & 0xFF];
                        s3 += w * lut[in[r3 + i] & 0xFF];
                    }
                    out[o + t] = s0;
                    out[o + targets + t] = s1;
                    out[o + 2 * targets + t] = s2;
                    out[o + 3 * targets + t] = s3;
                }
            }
            for (; y < rows; y++) {
                int row = offset + y * rowStride, o = y * targets;
                for (int t = 0; t < targets; t++) {
                    int base = t * stride, first = start[t], n = count[t];
                    if (skip && BackgroundBytes.all(in, row + first, n, pattern)) {
                        continue;
                    }
                    float sum = 0;
                    for (int k = 0; k < n; k++) {
                        sum += weights[base + k] * lut[in[row + first + k] & 0xFF];
                    }
                    out[o + t] = sum;
                }
            }
        }
    }
}
