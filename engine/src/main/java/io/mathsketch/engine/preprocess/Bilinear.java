package io.mathsketch.engine.preprocess;

/**
 * Bilinear enlargement of a grid of values, each cell {@code scale} output pixels wide: the values stand at the cells'
 * centres and are interpolated between them, clamped at the edges. Used for the photo path's paper brightness
 * (cell means back to working pixels) and for an expression's small line (enlarged before it is taken apart).
 */
final class Bilinear {

    private Bilinear() {
    }

    /** Writes {@code out} ({@code width x height}) from {@code grid} ({@code gw x gh}), a cell per {@code scale}. */
    static void enlarge(float[] grid, int gw, int gh, int scale, float[] out, int width, int height) {
        for (int y = 0; y < height; y++) {
            double gy = Math.max(0, Math.min(gh - 1, (y + 0.5) / scale - 0.5));
            int y0 = (int) gy, y1 = Math.min(gh - 1, y0 + 1);
            float fy = (float) (gy - y0);
            for (int x = 0; x < width; x++) {
                double gx = Math.max(0, Math.min(gw - 1, (x + 0.5) / scale - 0.5));
                int x0 = (int) gx, x1 = Math.min(gw - 1, x0 + 1);
                float fx = (float) (gx - x0);
                float top = grid[y0 * gw + x0] * (1 - fx) + grid[y0 * gw + x1] * fx;
                float bottom = grid[y1 * gw + x0] * (1 - fx) + grid[y1 * gw + x1] * fx;
                out[y * width + x] = top * (1 - fy) + bottom * fy;
            }
        }
    }
}
