package io.mathsketch.corpus.photo;

import io.mathsketch.engine.testing.ExifBytes;
import io.mathsketch.engine.testing.ExifPlacement;

import java.awt.image.BufferedImage;

/**
 * A photo as a camera stores it when it was held another way: the pixels in sensor order, placed by the engine
 * tests' {@link ExifPlacement} (the EXIF specification's wording, not the engine's own orientation code), and the
 * orientation (1..8) that tells viewers how to turn them back, tagged by {@link ExifBytes}.
 */
final class ExifVariants {

    private ExifVariants() {
    }

    /** The pixels a camera stores for the viewed picture {@code upright} when it records {@code orientation}. */
    static BufferedImage stored(BufferedImage upright, int orientation) {
        int uw = upright.getWidth(), uh = upright.getHeight();
        ExifPlacement placement = ExifPlacement.ofViewed(orientation, uw, uh);
        int sw = placement.storedWidth(), sh = placement.storedHeight();
        BufferedImage stored = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        stored.setRGB(0, 0, sw, sh, placement.store(upright.getRGB(0, 0, uw, uh, null, 0, uw)), 0, sw);
        return stored;
    }

    /** A JPEG of the stored pixels with the orientation in an APP1 Exif segment. */
    static byte[] jpeg(BufferedImage upright, int orientation, float quality) {
        return ExifBytes.jpeg(Encoding.jpeg(stored(upright, orientation), quality), ExifBytes.tiff(orientation));
    }

    /** A PNG of the stored pixels with the orientation in an eXIf chunk. */
    static byte[] png(BufferedImage upright, int orientation) {
        return ExifBytes.png(Encoding.png(stored(upright, orientation)), ExifBytes.tiff(orientation));
    }

    /** The photo stored as a camera held with {@code orientation} would store it, a JPEG at the photo's quality. */
    static byte[] jpeg(Photo photo, int orientation) {
        return jpeg(photo.image(), orientation, photo.conditions().jpegQuality());
    }

    /** The photo stored as a camera held with {@code orientation} would store it, a lossless PNG. */
    static byte[] png(Photo photo, int orientation) {
        return png(photo.image(), orientation);
    }
}
