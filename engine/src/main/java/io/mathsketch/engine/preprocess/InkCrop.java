package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.InkImage;

import java.util.Objects;

/**
 * The ink of part of a source image, possibly shrunk: pixel {@code (cx, cy)} of {@link #ink} covers the source's
 * {@code factor x factor} pixels from {@code (x + cx * factor, y + cy * factor)}.
 *
 * @param ink the cropped (and shrunk) ink
 * @param x left of the crop in the source image
 * @param y top of the crop in the source image
 * @param factor source pixels per crop pixel along each axis, at least 1
 * @param photo whether the ink was picked from a photo of paper ({@link PhotoInk}), not a flat background
 */
public record InkCrop(InkImage ink, int x, int y, int factor, boolean photo) {

    public InkCrop {
        Objects.requireNonNull(ink, "ink");
        if (factor < 1) {
            throw new IllegalArgumentException("factor " + factor + " < 1");
        }
    }

    /** The least whole factor that shrinks a {@code width x height} box to at most {@code maxPixels} pixels. */
    static int shrinkFactor(int width, int height, long maxPixels) {
        int factor = 1;
        while ((long) Math.ceilDiv(width, factor) * Math.ceilDiv(height, factor) > maxPixels) {
            factor++;
        }
        return factor;
    }

    /** A box of the crop's ink in source image coordinates. */
    public Box toSource(Box box) {
        return new Box(x + box.x() * factor, y + box.y() * factor, box.width() * factor, box.height() * factor);
    }
}
