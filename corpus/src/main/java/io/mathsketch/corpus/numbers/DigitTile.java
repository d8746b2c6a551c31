package io.mathsketch.corpus.numbers;

import io.mathsketch.corpus.photo.InkCoverage;

/**
 * One digit's ink coverage (0..1), cropped to its ink: the piece a written number is laid out from. Package-private
 * helper of {@link NumberWriter}.
 */
record DigitTile(int width, int height, float[] coverage) {

    /** Coverage at or above this is a stroke; the engine's segmenter uses the same level. */
    static final float STROKE = 0.3f;
    /** Coverage below this is paper. */
    private static final float PAPER = 0.02f;

    static DigitTile cropped(InkCoverage c) {
        int x0 = c.width(), y0 = c.height(), x1 = -1, y1 = -1;
        for (int y = 0; y < c.height(); y++) {
            for (int x = 0; x < c.width(); x++) {
                if (c.coverage()[y * c.width() + x] >= PAPER) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            throw new IllegalStateException("a digit without ink");
        }
        int w = x1 - x0 + 1, h = y1 - y0 + 1;
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(c.coverage(), (y + y0) * c.width() + x0, out, y * w, w);
        }
        return new DigitTile(w, h, out);
    }

    /** Leftmost stroke column of each row, or {@code Integer.MAX_VALUE} for a row without stroke. */
    int[] leftProfile() {
        int[] left = new int[height];
        for (int y = 0; y < height; y++) {
            left[y] = Integer.MAX_VALUE;
            for (int x = 0; x < width; x++) {
                if (coverage[y * width + x] >= STROKE) {
                    left[y] = x;
                    break;
                }
            }
        }
        return left;
    }

    /** Number of 8-connected stroke components: a broken digit has more than its whole self. */
    int components() {
        int[] labels = new int[width * height];
        int[] queue = new int[width * height];
        int count = 0;
        for (int start = 0; start < labels.length; start++) {
            if (labels[start] != 0 || coverage[start] < STROKE) {
                continue;
            }
            count++;
            int head = 0, tail = 0;
            queue[tail++] = start;
            labels[start] = count;
            while (head < tail) {
                int p = queue[head++];
                int x = p % width, y = p / width;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx, ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                            int q = ny * width + nx;
                            if (labels[q] == 0 && coverage[q] >= STROKE) {
                                labels[q] = count;
                                queue[tail++] = q;
                            }
                        }
                    }
                }
            }
        }
        return count;
    }
}
