package io.mathsketch.corpus.numbers;

import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.corpus.hand.HandwritingGenerator;
import io.mathsketch.corpus.hand.HandwrittenDigit;
import io.mathsketch.corpus.photo.InkCoverage;
import io.mathsketch.corpus.render.CanvasExport;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes numbers of 2-6 digits as the drawing page exports them (black ink on an opaque white canvas, 8-bit RGBA
 * PNG), from MNIST test digits or from a held-out hand's pen strokes, in the four {@link NumberKind}s: clean, with a
 * broken digit (a gap inside a stroke), with touching neighbours, with uneven gaps. Every digit gets its own size
 * (±15%) and baseline (±6% of the height); gaps are measured between the digits' ink row by row, so a 7's overhang
 * may reach over its neighbour as it does on paper. Number {@code i} is the same on every machine and thread; the
 * kinds and sources take turns ({@code i % 4} is the kind, {@code i / 4 % 2} the source). Thread-safe.
 */
public final class NumberWriter {

    /** Digits per number. */
    public static final int MIN_DIGITS = 2, MAX_DIGITS = 6;
    private static final NumberKind[] KINDS = NumberKind.values();
    /** Digits a broken-kind number breaks on purpose are 4, 5 and 7 this often (the strokes people lift the pen in). */
    private static final double BROKEN_457 = 0.6;

    private final NumberConfig config;
    private final MnistImages images;
    private final MnistLabels labels;
    private final HandwritingGenerator hand;
    /** Per label, the MNIST test digits of the configuration's range. */
    private final int[][] byLabel = new int[10][];

    public NumberWriter(NumberConfig config, MnistImages images, MnistLabels labels) {
        this.config = config;
        this.images = images;
        this.labels = labels;
        this.hand = new HandwritingGenerator(config.hand());
        if (images.count() < config.mnistTo() || labels.count() < config.mnistTo()) {
            throw new IllegalArgumentException(config.name() + " uses MNIST test digits up to " + config.mnistTo()
                    + " but " + images.count() + " were given");
        }
        int[] counts = new int[10];
        for (int i = config.mnistFrom(); i < config.mnistTo(); i++) {
            counts[labels.label(i)]++;
        }
        for (int d = 0; d < 10; d++) {
            byLabel[d] = new int[counts[d]];
            counts[d] = 0;
        }
        for (int i = config.mnistFrom(); i < config.mnistTo(); i++) {
            int d = labels.label(i);
            byLabel[d][counts[d]++] = i;
        }
    }

    public NumberConfig config() {
        return config;
    }

    /** Number {@code i} of this configuration's set. */
    public WrittenNumber number(long i) {
        NumberKind kind = KINDS[(int) Math.floorMod(i, KINDS.length)];
        NumberSource source = NumberSource.values()[(int) Math.floorMod(Math.floorDiv(i, KINDS.length), 2)];
        SplittableRandom random = new SplittableRandom(config.seed() ^ Long.rotateLeft(i * 0xBF58476D1CE4E5B9L, 29));
        int n = MIN_DIGITS + random.nextInt(MAX_DIGITS - MIN_DIGITS + 1);
        int[] digits = new int[n];
        for (int k = 0; k < n; k++) {
            digits[k] = k == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
        }
        boolean[] broken = new boolean[n];
        if (kind == NumberKind.BROKEN) {
            int breaks = n >= 4 && random.nextDouble() < 0.3 ? 2 : 1;
            for (int b = 0; b < breaks; b++) {
                int k = random.nextInt(n);
                broken[k] = true;
                if (random.nextDouble() < BROKEN_457) {
                    digits[k] = new int[] {4, 5, 7}[random.nextInt(3)];
                }
            }
        }
        boolean uneven = kind == NumberKind.UNEVEN_GAPS;
        double height = config.digitHeight().draw(random);
        // One pen for the whole number (the hand's own pen varies per drawing), in em of the digits drawn.
        double pen = 0.07 + 0.11 * random.nextDouble();
        List<DigitTile> tiles = new ArrayList<>(n);
        List<String> sources = new ArrayList<>(n);
        int[] top = new int[n];
        for (int k = 0; k < n; k++) {
            double size = height * (uneven ? 0.78 + 0.44 * random.nextDouble() : 0.85 + 0.3 * random.nextDouble());
            int digitHeight = Math.max(16, (int) Math.round(size));
            long drawing = i * MAX_DIGITS + k;
            String[] described = new String[1];
            DigitTile tile = source == NumberSource.MNIST
                    ? mnistTile(digits[k], digitHeight, broken[k], random, described)
                    : handTile(digits[k], digitHeight, drawing, pen, broken[k], random, described);
            tiles.add(tile);
            sources.add(described[0]);
            double baseline = height * (uneven ? 0.12 : 0.06) * (2 * random.nextDouble() - 1);
            top[k] = (int) Math.round(height * 0.5 + baseline + (height - tile.height()));
        }
        boolean[] touch = new boolean[n];
        if (kind == NumberKind.TOUCHING) {
            touch[1 + random.nextInt(n - 1)] = true;
            for (int k = 1; k < n; k++) {
                touch[k] |= random.nextDouble() < 0.35;
            }
        }
        int canvasHeight = (int) Math.round(height * 2.6);
        int margin = (int) Math.round(height * (0.3 + 0.4 * random.nextDouble()));
        int[] left = new int[n];
        int[] rightEdge = new int[canvasHeight];
        Arrays.fill(rightEdge, Integer.MIN_VALUE);
        for (int k = 0; k < n; k++) {
            DigitTile tile = tiles.get(k);
            if (k == 0) {
                left[k] = margin;
            } else {
                double gap;
                if (touch[k]) {
                    gap = -1 - Math.floor(random.nextDouble() * 0.07 * height);
                } else if (uneven) {
                    double u = random.nextDouble();
                    gap = height * (u < 0.35 ? 0.02 + 0.08 * random.nextDouble() : 0.1 + 0.8 * random.nextDouble());
                } else {
                    gap = height * (0.15 + 0.3 * random.nextDouble());
                }
                left[k] = placeAfter(tile, top[k], rightEdge, (int) Math.round(gap), left[k - 1]);
            }
            int[] profile = tile.leftProfile();
            for (int y = 0; y < tile.height(); y++) {
                if (profile[y] != Integer.MAX_VALUE) {
                    int rightmost = rightmostStroke(tile, y);
                    rightEdge[top[k] + y] = Math.max(rightEdge[top[k] + y], left[k] + rightmost);
                }
            }
        }
        int width = 0;
        for (int k = 0; k < n; k++) {
            width = Math.max(width, left[k] + tiles.get(k).width());
        }
        width += margin;
        float[] field = new float[width * canvasHeight];
        List<Box> boxes = new ArrayList<>(n);
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < n; k++) {
            DigitTile tile = tiles.get(k);
            for (int y = 0; y < tile.height(); y++) {
                for (int x = 0; x < tile.width(); x++) {
                    int p = (top[k] + y) * width + left[k] + x;
                    field[p] = Math.max(field[p], tile.coverage()[y * tile.width() + x]);
                }
            }
            boxes.add(new Box(left[k], top[k], tile.width(), tile.height()));
            text.append(digits[k]);
        }
        return new WrittenNumber(text.toString(), kind, source, sources, boxes, png(field, width, canvasHeight));
    }

    /**
     * The left edge for {@code tile} so that its ink comes within {@code gap} pixels (negative: overlaps by that
     * much) of the ink already placed, row by row; never left of the previous digit's left edge.
     */
    private static int placeAfter(DigitTile tile, int top, int[] rightEdge, int gap, int previousLeft) {
        int[] profile = tile.leftProfile();
        int needed = Integer.MIN_VALUE;
        for (int y = 0; y < tile.height(); y++) {
            // Rows next to the tile's ink row count too: ink one row apart still touches diagonally.
            for (int dy = -1; dy <= 1; dy++) {
                int row = top + y + dy;
                if (profile[y] != Integer.MAX_VALUE && row >= 0 && row < rightEdge.length
                        && rightEdge[row] != Integer.MIN_VALUE) {
                    needed = Math.max(needed, rightEdge[row] + 1 + gap - profile[y]);
                }
            }
        }
        if (needed == Integer.MIN_VALUE) {
            int rightmost = Arrays.stream(rightEdge).max().orElse(0);
            needed = rightmost + 1 + gap;
        }
        return Math.max(previousLeft + 1, needed);
    }

    private static int rightmostStroke(DigitTile tile, int y) {
        for (int x = tile.width() - 1; x >= 0; x--) {
            if (tile.coverage()[y * tile.width() + x] >= DigitTile.STROKE) {
                return x;
            }
        }
        return -1;
    }

    private DigitTile mnistTile(int digit, int height, boolean broken, SplittableRandom random, String[] described) {
        int[] candidates = byLabel[digit];
        int index = candidates[random.nextInt(candidates.length)];
        DigitTile tile = DigitTile.cropped(InkCoverage.mnist(images, index, height));
        described[0] = "mnist-test #" + index;
        if (broken) {
            DigitTile cut = MnistBreak.cut(tile, random);
            if (cut != null) {
                tile = cut;
                described[0] += " broken";
            }
        }
        return tile;
    }

    private DigitTile handTile(int digit, int height, long drawing, double penEm, boolean broken,
                               SplittableRandom random, String[] described) {
        List<DigitStyle> styles = DigitStyle.of(digit).stream().filter(config.hand().styles()::contains).toList();
        DigitStyle style = styles.get(random.nextInt(styles.size()));
        HandwrittenDigit written = hand.draw(style, drawing, new Box(0, 0, 70, 100));
        List<Stroke> strokes = written.strokes();
        double pen = penEm * 100;
        described[0] = style + " #" + drawing;
        DigitTile tile = DigitTile.cropped(InkCoverage.strokes(new Ink(strokes, 200, 200, pen), height));
        if (broken) {
            for (int attempt = 0; attempt < 6; attempt++) {
                List<Stroke> cut = StrokeBreak.cut(strokes, pen, random);
                DigitTile candidate = DigitTile.cropped(InkCoverage.strokes(new Ink(cut, 200, 200, pen),
                        height));
                if (candidate.components() > tile.components()) {
                    described[0] += " broken";
                    return candidate;
                }
            }
        }
        return tile;
    }

    private static byte[] png(float[] field, int width, int height) {
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int[] argb = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        for (int p = 0; p < argb.length; p++) {
            int grey = Math.round(255 * (1 - Math.min(1, field[p])));
            argb[p] = 0xFF000000 | grey << 16 | grey << 8 | grey;
        }
        return CanvasExport.png(canvas);
    }
}
