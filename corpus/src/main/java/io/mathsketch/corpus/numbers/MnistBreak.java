package io.mathsketch.corpus.numbers;

import java.util.SplittableRandom;

/**
 * Breaks a scanned MNIST digit as a pen that skipped would: the ink is wiped from a small disk on a stroke (a fifth
 * of the digit's height across, soft-edged) so that the digit falls into more pieces than it had.
 */
final class MnistBreak {

    private static final int ATTEMPTS = 40;

    private MnistBreak() {
    }

    /** The tile with one gap in a stroke, or null when no place tried breaks it apart. */
    static DigitTile cut(DigitTile tile, SplittableRandom random) {
        int before = tile.components();
        int w = tile.width(), h = tile.height();
        int[] strokePixels = new int[w * h];
        int count = 0;
        for (int p = (h / 6) * w; p < (h - h / 6) * w; p++) {
            if (tile.coverage()[p] >= 0.95f) {
                strokePixels[count++] = p;
            }
        }
        for (int attempt = 0; attempt < ATTEMPTS && count > 0; attempt++) {
            int p = strokePixels[random.nextInt(count)];
            int x = p % w, y = p / w;
            double radius = h * (0.09 + 0.05 * random.nextDouble());
            float[] wiped = tile.coverage().clone();
            for (int py = Math.max(0, (int) (y - radius - 2)); py < Math.min(h, y + radius + 2); py++) {
                for (int px = Math.max(0, (int) (x - radius - 2)); px < Math.min(w, x + radius + 2); px++) {
                    double d = Math.hypot(px - x, py - y);
                    double keep = Math.min(1, Math.max(0, (d - radius) / 1.5));
                    wiped[py * w + px] *= (float) keep;
                }
            }
            DigitTile cut = new DigitTile(w, h, wiped);
            if (cut.components() > before) {
                return cut;
            }
        }
        return null;
    }
}
