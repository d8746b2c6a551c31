package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.InkImage;

import java.util.Objects;

/**
 * The ink of part of a source image, possibly shrunk or enlarged: pixel {@code (cx, cy)} of {@link #ink} covers the
 * source's {@code factor / up} pixels square from {@code (x + cx * factor / up, y + cy * factor / up)}.
 *
 * @param ink the cropped (and shrunk) ink
 * @param x left of the crop in the source image
 * @param y top of the crop in the source image
 * @param factor source pixels per crop pixel along each axis, at least 1
 * @param photo whether the ink was picked from a photo of paper ({@link PhotoInk}), not a flat background
 * @param up crop pixels per {@code factor} source pixels along each axis, at least 1: more than 1 only for a small
 *           line of a photo, enlarged before it is taken apart
 */
public record InkCrop(InkImage ink, int x, int y, int factor, boolean photo, int up) {

    public InkCrop {
        Objects.requireNonNull(ink, "ink");
        if (factor < 1) {
            throw new IllegalArgumentException("factor " + factor + " < 1");
        }
        if (up < 1) {
            throw new IllegalArgumentException("up " + up + " < 1");
        }
    }

    /** A crop at the source's resolution or shrunk by {@code factor}, never enlarged. */
    public InkCrop(InkImage ink, int x, int y, int factor, boolean photo) {
        this(ink, x, y, factor, photo, 1);
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
        int left = box.x() * factor / up, top = box.y() * factor / up;
        int right = Math.ceilDiv((box.x() + box.width()) * factor, up);
        int bottom = Math.ceilDiv((box.y() + box.height()) * factor, up);
        return new Box(x + left, y + top, right - left, bottom - top);
    }
}
