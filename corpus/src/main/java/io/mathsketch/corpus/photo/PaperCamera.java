package io.mathsketch.corpus.photo;

import io.mathsketch.engine.image.Box;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Photographs any writing on paper with {@link PhotoSet}'s camera: a whole line (a written number) rather than one
 * digit. The conditions are drawn from a {@link PhotoConfig} as for a digit, the drawn digit height taken as the
 * line's ink height, but never so large that the line leaves the frame (it is at most the frame's width less twice
 * the camera's 4% margin) or the sheet: where the desk shows, the line keeps clear of it by that margin too. Shot
 * {@code i} depends only on the configuration's seed, {@code i} and the ink. Thread-safe.
 */
public final class PaperCamera {

    /** Source of the random streams, apart from {@link PhotoSet}'s MNIST (1) and hand (2) photos. */
    private static final int SOURCE = 3;

    private final PhotoConfig config;

    public PaperCamera(PhotoConfig config) {
        this.config = config;
    }

    public PhotoConfig config() {
        return config;
    }

    /**
     * One photo of what was written.
     *
     * @param conditions what it was taken in (its digit height is the line's ink height in the frame)
     * @param image      the photo, upright
     * @param inkBox     where the ink's box (with its two-pixel margin) was placed in the frame
     */
    public record Shot(PhotoConditions conditions, BufferedImage image, Box inkBox) {

        /** The photo as the phone would send it: a JPEG at the conditions' quality. */
        public byte[] jpeg() {
            return Encoding.jpeg(image, conditions.jpegQuality());
        }
    }

    /** Shot {@code i}: {@code ink} (at any scale) photographed on paper. */
    public Shot shoot(long i, InkCoverage ink) {
        SplittableRandom random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L
                + SOURCE * 0xBF58476D1CE4E5B9L + i);
        PhotoConditions conditions = PhotoConditions.draw(config, random);
        int w = conditions.width(), h = conditions.height();
        int margin = Math.min(w, h) / 25;
        // The sheet ends where the desk begins: a line is written on it, a margin clear of the desk's strip (its
        // widest, with the border's tilt, is the strip's width and 3% more of the frame), never across it.
        int side = conditions.edgeSide();
        int deskX = side == 2 || side == 4 ? (int) Math.ceil((conditions.edgeWidth() + 0.03) * w) + margin : 0;
        int deskY = side == 1 || side == 3 ? (int) Math.ceil((conditions.edgeWidth() + 0.03) * h) + margin : 0;
        double aspect = (double) ink.width() / ink.height();
        int height = (int) Math.min(Math.min(conditions.digitHeight(), h - 2 * margin - deskY),
                Math.floor((w - 2 * margin - deskX) / aspect));
        int width = Math.max(1, (int) Math.round(height * aspect));
        conditions = conditions.withDigit(height, clear(conditions.digitX(), w, margin, width, side == 4, deskX),
                clear(conditions.digitY(), h, margin, height, side == 1, deskY));
        InkCoverage placed = ink.scaled(width, height);
        int[] at = new int[2];
        BufferedImage image = new PaperPhoto(conditions, random).render(placed, at);
        return new Shot(conditions, image, new Box(at[0], at[1], width, height));
    }

    /**
     * The share of the free span ({@code frame - 2 margin - size}, as {@link PaperPhoto} places the ink) that puts
     * the ink at share {@code at} of what is left once {@code desk} pixels at the start ({@code deskFirst}) or the
     * end are taken off.
     */
    private static double clear(double at, int frame, int margin, int size, boolean deskFirst, int desk) {
        int free = frame - 2 * margin - size;
        if (free <= 0 || desk == 0) {
            return at;
        }
        double lost = Math.min(1, (double) Math.max(0, desk - margin) / free);
        return deskFirst ? lost + at * (1 - lost) : at * (1 - lost);
    }
}
