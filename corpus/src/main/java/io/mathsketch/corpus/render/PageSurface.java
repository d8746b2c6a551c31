package io.mathsketch.corpus.render;

/**
 * The drawing page's writing surfaces, in the units of the ink it sends (CSS pixels of an unscaled canvas): every
 * surface is {@value #HEIGHT} high, {@value #DIGIT_WIDTH} wide for a digit and {@value #NUMBER_WIDTH} for a number
 * ({@code sketchpad.js}). Generated and recorded ink is written on these so that it reaches the engine as the page's
 * would.
 */
public final class PageSurface {

    public static final int HEIGHT = 280;
    public static final int DIGIT_WIDTH = 280;
    public static final int NUMBER_WIDTH = 560;

    private PageSurface() {
    }
}
