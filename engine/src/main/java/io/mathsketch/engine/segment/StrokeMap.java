package io.mathsketch.engine.segment;

import io.mathsketch.engine.image.InkImage;

import java.util.Arrays;

/**
 * The 8-connected components of the strokes of an image. Pixels at or above the stroke threshold are labelled by
 * flood fill; fainter ink (anti-aliasing, the soft edges of a scaled digit) is then given to the nearest component
 * it touches, so that cutting a component out keeps its full stroke profile but none of a neighbour's.
 */
final class StrokeMap {

    /** Ink below this still belongs to a stroke's edge; below it, it is background. */
    private static final float FRINGE = 0.02f;

    final int width;
    final int height;
    /** Per pixel: component id (1..count) of stroke pixels, 0 elsewhere. */
    final int[] labels;
    /** Per pixel: component owning the pixel's ink, stroke or fringe; 0 for background. */
    final int[] owners;
    final int count;
    /** Per component (index = id): bounding box with exclusive ends, and number of stroke pixels. */
    final int[] minX, minY, maxX, maxY, pixels;

    private StrokeMap(int width, int height, int[] labels, int[] owners, int count, int[] minX, int[] minY,
                      int[] maxX, int[] maxY, int[] pixels) {
        this.width = width;
        this.height = height;
        this.labels = labels;
        this.owners = owners;
        this.count = count;
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
        this.pixels = pixels;
    }

    static StrokeMap of(InkImage image, float threshold) {
        int width = image.width();
        int height = image.height();
        float[] ink = image.ink();
        int[] labels = new int[width * height];
        int[] queue = new int[width * height];
        IntList minX = new IntList(), minY = new IntList(), maxX = new IntList(), maxY = new IntList();
        IntList pixels = new IntList();
        for (IntList list : new IntList[] {minX, minY, maxX, maxY, pixels}) {
            list.add(0);
        }
        int count = 0;
        for (int start = 0; start < labels.length; start++) {
            if (labels[start] != 0 || ink[start] < threshold) {
                continue;
            }
            int id = ++count;
            int x0 = width, y0 = height, x1 = -1, y1 = -1, size = 0;
            int head = 0, tail = 0;
            queue[tail++] = start;
            labels[start] = id;
            while (head < tail) {
                int p = queue[head++];
                int x = p % width, y = p / width;
                x0 = Math.min(x0, x);
                x1 = Math.max(x1, x);
                y0 = Math.min(y0, y);
                y1 = Math.max(y1, y);
                size++;
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= height) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int q = ny * width + nx;
                        if (nx >= 0 && nx < width && labels[q] == 0 && ink[q] >= threshold) {
                            labels[q] = id;
                            queue[tail++] = q;
                        }
                    }
                }
            }
            minX.add(x0);
            minY.add(y0);
            maxX.add(x1 + 1);
            maxY.add(y1 + 1);
            pixels.add(size);
        }
        int[] owners = attachFringe(ink, width, height, labels, queue);
        return new StrokeMap(width, height, labels, owners, count, minX.toArray(), minY.toArray(), maxX.toArray(),
                maxY.toArray(), pixels.toArray());
    }

    /** Breadth-first from every stroke pixel through faint ink: each faint pixel goes to the nearest stroke. */
    private static int[] attachFringe(float[] ink, int width, int height, int[] labels, int[] queue) {
        int[] owners = labels.clone();
        int head = 0, tail = 0;
        for (int p = 0; p < owners.length; p++) {
            if (owners[p] != 0) {
                queue[tail++] = p;
            }
        }
        while (head < tail) {
            int p = queue[head++];
            int x = p % width, y = p / width;
            for (int dy = -1; dy <= 1; dy++) {
                int ny = y + dy;
                if (ny < 0 || ny >= height) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    int q = ny * width + nx;
                    if (nx >= 0 && nx < width && owners[q] == 0 && ink[q] >= FRINGE) {
                        owners[q] = owners[p];
                        queue[tail++] = q;
                    }
                }
            }
        }
        return owners;
    }

    /** A growable int array, to collect per-component statistics without boxing. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
