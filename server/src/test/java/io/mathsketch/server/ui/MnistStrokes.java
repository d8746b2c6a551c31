package io.mathsketch.server.ui;

import io.mathsketch.engine.image.DigitImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-draws an MNIST digit on the canvas: every horizontal run of ink pixels becomes one stroke, ten logical units
 * per pixel, so with a ten-unit pen the canvas shows the digit's ink scaled up from 28 x 28 to 280 x 280.
 */
final class MnistStrokes {

    static final int PEN_WIDTH = 10;
    private static final double CELL = Stroke.SIDE / DigitImage.SIDE;
    private static final float INK = 0.4f;

    private MnistStrokes() {
    }

    static List<Stroke> of(DigitImage digit) {
        float[] pixels = digit.pixels();
        List<Stroke> strokes = new ArrayList<>();
        for (int row = 0; row < DigitImage.SIDE; row++) {
            int start = -1;
            for (int col = 0; col <= DigitImage.SIDE; col++) {
                boolean ink = col < DigitImage.SIDE && pixels[row * DigitImage.SIDE + col] >= INK;
                if (ink && start < 0) {
                    start = col;
                } else if (!ink && start >= 0) {
                    double y = (row + 0.5) * CELL;
                    strokes.add(Stroke.of((start + 0.5) * CELL, y, (col - 0.5) * CELL, y));
                    start = -1;
                }
            }
        }
        return strokes;
    }
}
