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
    /** Pieces with fewer stroke pixels than this share of the largest, and short, are noise. */
    private static final double SPECK_PIXELS = 0.03, SPECK_HEIGHT = 0.3;

    final int width;
    final int height;
    /** Per pixel: component id (1..count) of stroke pixels, 0 elsewhere. */
    final int[] labels;
    /** Per pixel: component owning the pixel's ink, stroke or fringe; 0 for background. */
    final int[] owners;
    final int count;
    /** Per component (index = id): bounding box with exclusive ends, and number of stroke pixels. */
    final int[] minX, minY, maxX, maxY, pixels;
    /** The tallest component's height and the most stroke pixels of any component: the scales of the speck rule. */
    final int tallest, largest;

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
        int tall = 0, large = 0;
        for (int id = 1; id <= count; id++) {
            tall = Math.max(tall, maxY[id] - minY[id]);
            large = Math.max(large, pixels[id]);
        }
        this.tallest = tall;
        this.largest = large;
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
                tail = spread(p, labels, ink, threshold, width, height, queue, tail);
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

    /** Whether component {@code id} is a speck beside the other components of this map. */
    boolean isSpeck(int id) {
        return isSpeck(pixels[id], maxY[id] - minY[id], largest, tallest);
    }

    /** Whether a piece of the given stroke pixels and height is noise beside the largest and tallest piece. */
    static boolean isSpeck(int pixels, int height, int largest, int tallest) {
        return pixels < SPECK_PIXELS * largest && height < SPECK_HEIGHT * tallest;
    }

    /**
     * The components that are not specks. Segmenters count them before making any piece: an image of countless
     * specks is refused in time and memory proportional to its ink.
     */
    int countNotSpecks() {
        int kept = 0;
        for (int id = 1; id <= count; id++) {
            if (!isSpeck(id)) {
                kept++;
            }
        }
        return kept;
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
            tail = spread(queue[head++], owners, ink, FRINGE, width, height, queue, tail);
        }
        return owners;
    }

    /**
     * One breadth-first step of both fills: every unowned 8-neighbour of {@code p} with at least {@code floor} ink
     * takes {@code p}'s owner in {@code map} and joins the queue.
     *
     * @return the queue's new tail
     */
    private static int spread(int p, int[] map, float[] ink, float floor, int width, int height, int[] queue,
                              int tail) {
        int x = p % width, y = p / width;
        for (int dy = -1; dy <= 1; dy++) {
            int ny = y + dy;
            if (ny < 0 || ny >= height) {
                continue;
            }
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int q = ny * width + nx;
                if (nx >= 0 && nx < width && map[q] == 0 && ink[q] >= floor) {
                    map[q] = map[p];
                    queue[tail++] = q;
                }
            }
        }
        return tail;
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
