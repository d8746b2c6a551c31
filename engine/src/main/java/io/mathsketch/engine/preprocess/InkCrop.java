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
 * @param turn how the crop was turned level ({@link Turn#NONE} but for a photo's turned line, {@link LineLevel}):
 *             then the mapping above holds for the crop's pixels turned back
 */
public record InkCrop(InkImage ink, int x, int y, int factor, boolean photo, int up, Turn turn) {

    /**
     * A crop turned level: its pixel edge {@code (e, f)} lies at {@code (left + e / up, top + f / up)} in the turned
     * plane, which is the unturned plane (of {@code factor}-source-pixel cells, its corner at 0) turned by
     * {@code -angle} radians about its corner.
     */
    public record Turn(double angle, double left, double top) {

        /** Not turned. */
        public static final Turn NONE = new Turn(0, 0, 0);
    }

    public InkCrop {
        Objects.requireNonNull(ink, "ink");
        Objects.requireNonNull(turn, "turn");
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

    /** A crop not turned. */
    public InkCrop(InkImage ink, int x, int y, int factor, boolean photo, int up) {
        this(ink, x, y, factor, photo, up, Turn.NONE);
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
        if (!turn.equals(Turn.NONE)) {
            return turnedToSource(box);
        }
        int left = box.x() * factor / up, top = box.y() * factor / up;
        int right = Math.ceilDiv((box.x() + box.width()) * factor, up);
        int bottom = Math.ceilDiv((box.y() + box.height()) * factor, up);
        return new Box(x + left, y + top, right - left, bottom - top);
    }

    /** {@link #toSource} of a turned crop: the box around its corners turned back. */
    private Box turnedToSource(Box box) {
        double sin = Math.sin(turn.angle()), cos = Math.cos(turn.angle());
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int corner = 0; corner < 4; corner++) {
            double sx = turn.left() + (box.x() + (corner % 2) * box.width()) / (double) up;
            double sy = turn.top() + (box.y() + (corner / 2) * box.height()) / (double) up;
            double qx = (sx * cos - sy * sin) * factor, qy = (sx * sin + sy * cos) * factor;
            minX = Math.min(minX, qx);
            maxX = Math.max(maxX, qx);
            minY = Math.min(minY, qy);
            maxY = Math.max(maxY, qy);
        }
        int left = Math.max(-x, (int) Math.floor(minX)), top = Math.max(-y, (int) Math.floor(minY));
        return new Box(x + left, y + top, Math.max(1, (int) Math.ceil(maxX) - left),
                Math.max(1, (int) Math.ceil(maxY) - top));
    }
}
