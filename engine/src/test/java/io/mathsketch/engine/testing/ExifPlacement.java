package io.mathsketch.engine.testing;

/**
 * Test helper: where a camera's stored pixels lie in the picture a viewer sees, for one EXIF orientation (tag 0x0112,
 * 1..8). Placed from the EXIF specification's wording for each value (which side of the viewed picture the stored
 * first row and first column lie along), independently of the engine's {@code Orientation}, so the tests and quality
 * floors that use it check that code rather than repeat it. {@link ExifBytes} writes the tag.
 *
 * @param orientation the EXIF value, 1..8
 * @param storedWidth width of the pixels in stored (sensor) order
 * @param storedHeight height of the pixels in stored order
 */
public record ExifPlacement(int orientation, int storedWidth, int storedHeight) {

    /** Per value 1..8: side of the viewed picture along which stored row 0 and stored column 0 lie (EXIF 2.3). */
    private static final String[][] SIDES = {
            {"top", "left"}, {"top", "right"}, {"bottom", "right"}, {"bottom", "left"},
            {"left", "top"}, {"right", "top"}, {"right", "bottom"}, {"left", "bottom"}};

    public ExifPlacement {
        sides(orientation);
        if (storedWidth <= 0 || storedHeight <= 0) {
            throw new IllegalArgumentException("stored size " + storedWidth + "x" + storedHeight);
        }
    }

    /** The placement of a picture viewed {@code viewedWidth x viewedHeight} that a camera stores turned. */
    public static ExifPlacement ofViewed(int orientation, int viewedWidth, int viewedHeight) {
        return swaps(sides(orientation))
                ? new ExifPlacement(orientation, viewedHeight, viewedWidth)
                : new ExifPlacement(orientation, viewedWidth, viewedHeight);
    }

    /** Whether stored rows are viewed as columns (values 5..8). */
    public boolean swapsSides() {
        return swaps(sides(orientation));
    }

    public int viewedWidth() {
        return swapsSides() ? storedHeight : storedWidth;
    }

    public int viewedHeight() {
        return swapsSides() ? storedWidth : storedHeight;
    }

    /** Row-major index in the viewed picture of stored pixel ({@code sx}, {@code sy}). */
    public int viewedIndex(int sx, int sy) {
        String[] sides = sides(orientation);
        String row0 = sides[0], col0 = sides[1];
        int uw = viewedWidth(), uh = viewedHeight();
        int ux, uy;
        if (swaps(sides)) {
            ux = row0.equals("left") ? sy : uw - 1 - sy;
            uy = col0.equals("top") ? sx : uh - 1 - sx;
        } else {
            uy = row0.equals("top") ? sy : uh - 1 - sy;
            ux = col0.equals("left") ? sx : uw - 1 - sx;
        }
        return uy * uw + ux;
    }

    /** The viewed picture of row-major stored values: what a viewer that honours the tag shows. */
    public int[] view(int[] stored) {
        checkLength(stored);
        int[] viewed = new int[stored.length];
        for (int sy = 0; sy < storedHeight; sy++) {
            for (int sx = 0; sx < storedWidth; sx++) {
                viewed[viewedIndex(sx, sy)] = stored[sy * storedWidth + sx];
            }
        }
        return viewed;
    }

    /** The stored values of a row-major viewed picture: what the camera writes. */
    public int[] store(int[] viewed) {
        checkLength(viewed);
        int[] stored = new int[viewed.length];
        for (int sy = 0; sy < storedHeight; sy++) {
            for (int sx = 0; sx < storedWidth; sx++) {
                stored[sy * storedWidth + sx] = viewed[viewedIndex(sx, sy)];
            }
        }
        return stored;
    }

    private void checkLength(int[] values) {
        if (values.length != storedWidth * storedHeight) {
            throw new IllegalArgumentException(values.length + " values for " + storedWidth + "x" + storedHeight);
        }
    }

    private static String[] sides(int orientation) {
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("EXIF orientation is 1..8, not " + orientation);
        }
        return SIDES[orientation - 1];
    }

    private static boolean swaps(String[] sides) {
        return sides[0].equals("left") || sides[0].equals("right");
    }
}
