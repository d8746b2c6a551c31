package io.mathsketch.corpus.photo;

import java.awt.image.BufferedImage;

/**
 * A photo as a camera stores it when it was held another way: the pixels in sensor order and the EXIF orientation
 * (1..8) that tells viewers how to turn them back. The stored pixels are placed here from the EXIF specification's
 * wording for each value (which side of the viewed picture the stored first row and first column lie along),
 * independently of the engine's own orientation code, so the floors test that code rather than repeat it.
 */
public final class ExifVariants {

    /** Per value 1..8: side of the viewed picture along which the stored row 0 and column 0 lie. */
    private static final String[][] SIDES = {
            {"top", "left"}, {"top", "right"}, {"bottom", "right"}, {"bottom", "left"},
            {"left", "top"}, {"right", "top"}, {"right", "bottom"}, {"left", "bottom"}};

    private ExifVariants() {
    }

    /** The pixels a camera stores for the viewed picture {@code upright} when it records {@code orientation}. */
    public static BufferedImage stored(BufferedImage upright, int orientation) {
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("EXIF orientation is 1..8, not " + orientation);
        }
        String row0 = SIDES[orientation - 1][0], col0 = SIDES[orientation - 1][1];
        boolean swap = row0.equals("left") || row0.equals("right");
        int uw = upright.getWidth(), uh = upright.getHeight();
        int sw = swap ? uh : uw, sh = swap ? uw : uh;
        BufferedImage stored = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        int[] viewed = upright.getRGB(0, 0, uw, uh, null, 0, uw);
        int[] row = new int[sw];
        for (int sy = 0; sy < sh; sy++) {
            for (int sx = 0; sx < sw; sx++) {
                int ux, uy;
                if (swap) {
                    ux = row0.equals("left") ? sy : uw - 1 - sy;
                    uy = col0.equals("top") ? sx : uh - 1 - sx;
                } else {
                    uy = row0.equals("top") ? sy : uh - 1 - sy;
                    ux = col0.equals("left") ? sx : uw - 1 - sx;
                }
                row[sx] = viewed[uy * uw + ux];
            }
            stored.setRGB(0, sy, sw, 1, row, 0, sw);
        }
        return stored;
    }

    /** A JPEG of the stored pixels with the orientation in an APP1 Exif segment. */
    public static byte[] jpeg(BufferedImage upright, int orientation, float quality) {
        return Encoding.jpegWithOrientation(Encoding.jpeg(stored(upright, orientation), quality), orientation);
    }

    /** A PNG of the stored pixels with the orientation in an eXIf chunk. */
    public static byte[] png(BufferedImage upright, int orientation) {
        return Encoding.pngWithOrientation(Encoding.png(stored(upright, orientation)), orientation);
    }
}
