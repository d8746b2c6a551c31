package io.mathsketch.training.augment;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.preprocess.PairCentering;
import java.util.SplittableRandom;

/**
 * Turns an MNIST digit into a plausible canvas drawing of it: the digit is rendered enlarged (2x) through a random
 * rotation, anisotropic scale, shear and smooth elastic distortion, its strokes are thickened or thinned, and the
 * result goes through the engine's own {@link MnistCentering}. Training therefore sees exactly the kind of image the
 * engine produces from a user's drawing, not a differently centred variant. {@link #forPairs()} does the same to
 * number mode's pair reader's inputs (two digits side by side), re-centred by the engine's {@link PairCentering}.
 */
public final class DigitAugmenter {

    /** Source pixels per canvas pixel's inverse: the canvas renders the digit at twice the MNIST resolution. */
    private static final float ZOOM = 2f;
    /** Canvas side: a 20x20 digit at 2x, scaled by 1.2 and rotated by 15 degrees, still fits. */
    private static final int CANVAS = 64;
    /** A pair's canvas: its 28x20 box at 2x, scaled by 1.2, rotated by 10 degrees, sheared and shifted, still fits. */
    private static final int PAIR_CANVAS = 88;
    private static final double MAX_ROTATION = Math.toRadians(15);
    /** Two digits are written along one line: a pair leans less than a lone digit may. */
    private static final double MAX_PAIR_ROTATION = Math.toRadians(10);
    private static final double MIN_SCALE = 0.8, MAX_SCALE = 1.2;
    private static final double MAX_SHEAR = 0.15;
    private static final double MAX_SHIFT = 3;
    /** Elastic distortion: random displacements (in source pixels) on a coarse grid, interpolated smoothly. */
    private static final int GRID = 4;
    private static final double ELASTIC_AMPLITUDE = 1.0;
    private static final double ELASTIC_PROBABILITY = 0.5;

    /** The engine's centring step that turns the distorted canvas into the network's input. */
    @FunctionalInterface
    public interface Centering {
        DigitImage center(InkImage ink) throws RecognitionException.BlankImage;
    }

    private final Centering centering;
    private final int canvas;
    private final double maxRotation;

    public DigitAugmenter(MnistCentering centering) {
        this(centering::center, CANVAS, MAX_ROTATION);
    }

    private DigitAugmenter(Centering centering, int canvas, double maxRotation) {
        this.centering = centering;
        this.canvas = canvas;
        this.maxRotation = maxRotation;
    }

    /**
     * The pair reader's augmenter: a centred pair (as {@link PairCentering} writes it) distorted the same ways, on a
     * canvas wide enough for two digits, with less rotation, and re-centred by {@link PairCentering}.
     */
    public static DigitAugmenter forPairs() {
        return new DigitAugmenter(new PairCentering()::center, PAIR_CANVAS, MAX_PAIR_ROTATION);
    }

    /**
     * A random variant of image {@code index}. The same {@code random} state gives the same result, so a run seeded
     * per image is reproducible whatever the thread count.
     */
    public DigitImage augment(MnistImages images, int index, SplittableRandom random) {
        float[] rendered = render(images, index, random);
        int stroke = random.nextInt(3) - 1;
        float[] thick = stroke == 0 ? rendered : morph(rendered, canvas, stroke > 0);
        try {
            return centering.center(new InkImage(canvas, canvas, thick));
        } catch (RecognitionException.BlankImage e) {
            // Thinning can erase a faint digit; the unthinned rendering always keeps ink.
            return centerOrOriginal(images, index, rendered);
        }
    }

    private DigitImage centerOrOriginal(MnistImages images, int index, float[] rendered) {
        try {
            return centering.center(new InkImage(canvas, canvas, rendered));
        } catch (RecognitionException.BlankImage e) {
            return images.digit(index);
        }
    }

    private float[] render(MnistImages images, int index, SplittableRandom random) {
        double angle = (random.nextDouble() * 2 - 1) * maxRotation;
        double sx = MIN_SCALE + random.nextDouble() * (MAX_SCALE - MIN_SCALE);
        double sy = MIN_SCALE + random.nextDouble() * (MAX_SCALE - MIN_SCALE);
        double shear = (random.nextDouble() * 2 - 1) * MAX_SHEAR;
        double tx = (random.nextDouble() * 2 - 1) * MAX_SHIFT, ty = (random.nextDouble() * 2 - 1) * MAX_SHIFT;
        // Forward map source -> canvas is ZOOM * R * Shear * S; sample with its inverse S^-1 Shear^-1 R^-1 / ZOOM.
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double[] grid = random.nextDouble() < ELASTIC_PROBABILITY ? elasticGrid(random) : null;

        int rows = images.rows(), cols = images.cols();
        byte[] pixels = images.pixels();
        int offset = index * rows * cols;
        double srcCx = cols / 2.0, srcCy = rows / 2.0, dstC = canvas / 2.0;
        float[] out = new float[canvas * canvas];
        for (int v = 0; v < canvas; v++) {
            for (int u = 0; u < canvas; u++) {
                double dx = (u + 0.5 - dstC - tx) / ZOOM, dy = (v + 0.5 - dstC - ty) / ZOOM;
                double rx = cos * dx + sin * dy, ry = -sin * dx + cos * dy;
                double hx = rx - shear * ry;
                double x = hx / sx + srcCx - 0.5, y = ry / sy + srcCy - 0.5;
                if (grid != null) {
                    double gx = (double) u / canvas * (GRID - 1), gy = (double) v / canvas * (GRID - 1);
                    x += interpolate(grid, gx, gy, 0);
                    y += interpolate(grid, gx, gy, 1);
                }
                out[v * canvas + u] = bilinear(pixels, offset, cols, rows, x, y);
            }
        }
        return out;
    }

    private static double[] elasticGrid(SplittableRandom random) {
        double[] grid = new double[GRID * GRID * 2];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (random.nextDouble() * 2 - 1) * ELASTIC_AMPLITUDE;
        }
        return grid;
    }

    private static double interpolate(double[] grid, double gx, double gy, int component) {
        int x0 = Math.min((int) gx, GRID - 2), y0 = Math.min((int) gy, GRID - 2);
        double fx = gx - x0, fy = gy - y0;
        double a = grid[((y0) * GRID + x0) * 2 + component], b = grid[((y0) * GRID + x0 + 1) * 2 + component];
        double c = grid[((y0 + 1) * GRID + x0) * 2 + component], d = grid[((y0 + 1) * GRID + x0 + 1) * 2 + component];
        return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }

    private static float bilinear(byte[] pixels, int offset, int cols, int rows, double x, double y) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        if (x0 < -1 || y0 < -1 || x0 >= cols || y0 >= rows) {
            return 0f;
        }
        double fx = x - x0, fy = y - y0;
        double top = pixel(pixels, offset, cols, rows, x0, y0) * (1 - fx) + pixel(pixels, offset, cols, rows, x0 + 1, y0) * fx;
        double bottom = pixel(pixels, offset, cols, rows, x0, y0 + 1) * (1 - fx)
                + pixel(pixels, offset, cols, rows, x0 + 1, y0 + 1) * fx;
        return (float) ((top * (1 - fy) + bottom * fy) / 255.0);
    }

    private static int pixel(byte[] pixels, int offset, int cols, int rows, int x, int y) {
        return x < 0 || y < 0 || x >= cols || y >= rows ? 0 : pixels[offset + y * cols + x] & 0xFF;
    }

    /** 3x3 grey-level dilation (max) or erosion (min): half an MNIST pixel more or less stroke on each side. */
    private static float[] morph(float[] in, int side, boolean dilate) {
        float[] out = new float[in.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float best = dilate ? 0f : 1f;
                for (int dy = -1; dy <= 1; dy++) {
                    int yy = y + dy;
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        float v = yy < 0 || xx < 0 || yy >= side || xx >= side ? 0f : in[yy * side + xx];
                        best = dilate ? Math.max(best, v) : Math.min(best, v);
                    }
                }
                out[y * side + x] = best;
            }
        }
        return out;
    }
}
