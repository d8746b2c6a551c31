package io.mathsketch.corpus.photo;

import java.util.SplittableRandom;

/**
 * Everything that makes one photo what it is, drawn from a {@link PhotoConfig}: kept with the photo so that a failure
 * can be described (and reproduced) by its conditions.
 *
 * @param digitHeight the digit's height in pixels
 * @param digitX where the digit's box starts, as a share of the free width (0 = left edge, 1 = right edge)
 * @param digitY the same vertically
 * @param textureCell size of the paper's blotches in pixels; {@code textureAmount} their contrast
 * @param gradient darkening across the frame along {@code gradientAngle}
 * @param shadowDepth light left in the shadow, 1 = no shadow; the shadow's edge is a line at {@code shadowAngle}
 *                    through the point at {@code shadowOffset} (share of the frame) from the centre, softened over
 *                    {@code shadowSoftness} pixels
 * @param edgeSide 0 = no desk showing, 1..4 = a dark strip along the top, right, bottom or left side
 * @param edgeWidth the strip's width as a share of the frame
 * @param pressure the share of the pen's opacity the digit was written with
 */
public record PhotoConditions(int width, int height, int digitHeight, double digitX, double digitY, Paper paper,
                              Pen pen, double textureCell, double textureAmount, double exposure, double gradient,
                              double gradientAngle, double vignette, double shadowDepth, double shadowAngle,
                              double shadowOffset, double shadowSoftness, double blur, double grain, float jpegQuality,
                              int specks, int edgeSide, double edgeWidth, double pressure) {

    static PhotoConditions draw(PhotoConfig config, SplittableRandom random) {
        int[] frame = config.frames().get(random.nextInt(config.frames().size()));
        int width = frame[0], height = frame[1];
        int shorter = Math.min(width, height);
        int digitHeight = (int) Math.max(config.minDigitPixels(), Math.round(config.digitHeight().draw(random) * shorter));
        Paper paper = config.papers().get(random.nextInt(config.papers().size()));
        Pen pen = config.pens().get(random.nextInt(config.pens().size()));
        boolean shadow = random.nextDouble() < config.shadowChance();
        boolean edge = random.nextDouble() < config.edgeChance();
        return new PhotoConditions(width, height, digitHeight, random.nextDouble(), random.nextDouble(), paper, pen,
                4 + random.nextDouble() * 20, random.nextDouble() * 0.06, config.exposure().draw(random),
                config.gradient().draw(random), random.nextDouble() * 2 * Math.PI, config.vignette().draw(random),
                shadow ? config.shadowDepth().draw(random) : 1, random.nextDouble() * 2 * Math.PI,
                random.nextDouble() * 0.8 - 0.4, 4 + random.nextDouble() * 0.15 * shorter,
                config.blur().draw(random), config.grain().draw(random),
                config.jpegQualities().get(random.nextInt(config.jpegQualities().size())),
                random.nextInt(config.specks() + 1), edge ? 1 + random.nextInt(4) : 0,
                edge ? 0.02 + random.nextDouble() * 0.04 : 0, config.pressure().draw(random));
    }

    /**
     * The same conditions with the written ink {@code newHeight} pixels tall (a line that must fit the frame) at
     * {@code newX, newY} (shares of the free width and height, as {@link #digitX} and {@link #digitY}).
     */
    PhotoConditions withDigit(int newHeight, double newX, double newY) {
        return new PhotoConditions(width, height, newHeight, newX, newY, paper, pen, textureCell, textureAmount,
                exposure, gradient, gradientAngle, vignette, shadowDepth, shadowAngle, shadowOffset, shadowSoftness,
                blur, grain, jpegQuality, specks, edgeSide, edgeWidth, pressure);
    }

    @Override
    public String toString() {
        return String.format("%dx%d digit %dpx at (%.2f, %.2f), %s paper, %s, exposure %.2f, gradient %.2f,"
                        + " vignette %.2f, shadow %.2f, blur %.2f, grain %.1f, JPEG q%.2f, %d specks, desk side %d",
                width, height, digitHeight, digitX, digitY, paper, pen, exposure, gradient, vignette, shadowDepth,
                blur, grain, jpegQuality, specks, edgeSide)
                + (pressure < 1 ? String.format(", pressure %.2f", pressure) : "");
    }
}
