package io.mathsketch.engine.symbols;

import io.mathsketch.engine.image.InkImage;

/** Ink drawn as filled rectangles, for tests that only need marks of known sizes and places. */
final class TestCanvas {
    private final int width;
    private final float[] ink;
    private final int height;

    TestCanvas(int width, int height) {
        this.width = width;
        this.height = height;
        this.ink = new float[width * height];
    }

    void fill(int x0, int y0, int w, int h) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                ink[y * width + x] = 1f;
            }
        }
    }

    /** The outline of a box, {@code pen} pixels thick: a "0" to the segmenter. */
    void ring(int x0, int y0, int w, int h, int pen) {
        fill(x0, y0, w, pen);
        fill(x0, y0 + h - pen, w, pen);
        fill(x0, y0, pen, h);
        fill(x0 + w - pen, y0, pen, h);
    }

    InkImage image() {
        return new InkImage(width, height, ink.clone());
    }
}
