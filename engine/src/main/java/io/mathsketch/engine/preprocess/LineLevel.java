package io.mathsketch.engine.preprocess;

import java.util.Arrays;

/**
 * How far a photographed line of writing is turned from level, and the line turned level. A phone held a little
 * askew turns the whole line (the quality sets' camera up to 12 degrees): across a dozen symbols the baseline then
 * falls by more than a symbol's height, so a decimal point at one end sits at mid-height of the line measured over all
 * its symbols and is read as a multiplication dot, a turned minus is as high as the two bars of an equals sign, and
 * every digit is read turned. The angle is the one whose projection across the line is most compact (the
 * sum of squared ink per row of the turned line is largest), searched every {@link #STEP} degrees up to
 * {@link #MAX_ANGLE}.
 */
final class LineLevel {

    /** The most a line is taken to be turned, in degrees; a camera turned further is rare for a line of sums. */
    static final double MAX_ANGLE = 15;
    /** Degrees between the angles tried. */
    static final double STEP = 0.5;
    /**
     * A line turned less than this many degrees is left as it is: its baseline falls under a pixel a symbol. With
     * levelling from here, {@code ExpressionPhotoTuning} (150 photos each) read 56 -> 70 exact and 64 -> 76 on its
     * second set; from 2 degrees 68 and 76, from half a degree 71 and 76.
     */
    static final double LEAST_ANGLE = 1;
    /** Pixels at least this dark vote for the angle: a stroke's core, not its soft edge. */
    private static final float CORE = 0.3f;
    /**
     * The most pixels that vote, so that the search's work is bounded whatever the plane holds: a line of a dozen
     * symbols 60 pixels high has about ten thousand core pixels, while a million-pixel plane of ink (a crafted photo)
     * took 0.3-0.7 s over the 61 angles with every pixel voting.
     */
    static final int MAX_VOTES = 1 << 16;

    private LineLevel() {
    }

    /**
     * The line's angle in radians (positive when it falls to the right in image rows), or 0 when it is level. At most
     * {@link #MAX_VOTES} core pixels vote, evenly spread over the plane.
     */
    static double angle(float[] ink, int w, int h) {
        int cores = 0;
        for (float v : ink) {
            cores += v >= CORE ? 1 : 0;
        }
        if (cores == 0) {
            return 0;
        }
        int stride = Math.ceilDiv(cores, MAX_VOTES);
        int n = Math.ceilDiv(cores, stride);
        int[] xs = new int[n], ys = new int[n];
        float[] weight = new float[n];
        for (int y = 0, i = 0, core = 0, k = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                if (ink[i] >= CORE && core++ % stride == 0) {
                    xs[k] = x;
                    ys[k] = y;
                    weight[k++] = ink[i];
                }
            }
        }
        int reach = (int) Math.ceil(Math.hypot(w, h)) + 2;
        double[] rows = new double[2 * reach + 1];
        double best = -1, bestAngle = 0;
        for (double degrees = -MAX_ANGLE; degrees <= MAX_ANGLE + 1e-9; degrees += STEP) {
            double a = Math.toRadians(degrees), sin = Math.sin(a), cos = Math.cos(a);
            Arrays.fill(rows, 0);
            for (int k = 0; k < n; k++) {
                rows[(int) Math.round(ys[k] * cos - xs[k] * sin) + reach] += weight[k];
            }
            double score = 0;
            for (double r : rows) {
                score += r * r;
            }
            // Ties go to the angle nearer level, where the search starts from both ends towards it.
            if (score > best * (1 + 1e-9) || score >= best && Math.abs(degrees) < Math.abs(Math.toDegrees(bestAngle))) {
                best = score;
                bestAngle = a;
            }
        }
        return Math.abs(Math.toDegrees(bestAngle)) < LEAST_ANGLE ? 0 : bestAngle;
    }

    /** The box of {@code ink}'s pixels ({@code w x h}) turned by {@code -angle}: what {@link #level} will hold. */
    static TurnedBox box(float[] ink, int w, int h, double angle) {
        double sin = Math.sin(angle), cos = Math.cos(angle);
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int y = 0, i = 0; y < h; y++) {
            for (int x = 0; x < w; x++, i++) {
                if (ink[i] > 0f) {
                    double cx = x + 0.5, cy = y + 0.5; // pixel centres, the plane's corner at 0
                    double sx = cx * cos + cy * sin, sy = -cx * sin + cy * cos;
                    minX = Math.min(minX, sx);
                    maxX = Math.max(maxX, sx);
                    minY = Math.min(minY, sy);
                    maxY = Math.max(maxY, sy);
                }
            }
        }
        return new TurnedBox(new InkCrop.Turn(angle, minX - 0.5, minY - 0.5), maxX - minX + 1, maxY - minY + 1);
    }

    /**
     * {@code ink} ({@code w x h}) turned by {@code -angle} so that its line is level, cropped to the turned ink's box
     * and enlarged {@code up} times, by bilinear interpolation (one resampling for both).
     *
     * @return the turned ink, and the turn that maps its pixels back to {@code ink}'s
     */
    static Levelled level(float[] ink, int w, int h, double angle, int up) {
        return level(ink, w, h, box(ink, w, h, angle), up);
    }

    /** {@link #level(float[], int, int, double, int)} into a box already measured ({@link #box}). */
    static Levelled level(float[] ink, int w, int h, TurnedBox box, int up) {
        InkCrop.Turn turn = box.turn();
        double sin = Math.sin(turn.angle()), cos = Math.cos(turn.angle());
        int ow = box.width(up), oh = box.height(up);
        float[] out = new float[ow * oh];
        for (int v = 0; v < oh; v++) {
            double sy = turn.top() + (v + 0.5) / up;
            for (int u = 0; u < ow; u++) {
                double sx = turn.left() + (u + 0.5) / up;
                // Back in ink's plane, where pixel centres stand at whole coordinates plus a half.
                double qx = sx * cos - sy * sin - 0.5, qy = sx * sin + sy * cos - 0.5;
                out[v * ow + u] = sample(ink, w, h, qx, qy);
            }
        }
        return new Levelled(ow, oh, out, turn);
    }

    /**
     * The turned ink's box: the turn that maps it back, and its extent in the plane's pixels, so that a caller can
     * tell its size at any enlargement before resampling.
     */
    record TurnedBox(InkCrop.Turn turn, double spanX, double spanY) {

        int width(int up) {
            return (int) Math.ceil(spanX * up);
        }

        int height(int up) {
            return (int) Math.ceil(spanY * up);
        }
    }

    /** The line turned level: its ink ({@code width x height}) and how its pixels map back. */
    record Levelled(int width, int height, float[] ink, InkCrop.Turn turn) {
    }

    /** Bilinear sample at {@code (x, y)} (pixel centres at whole coordinates), 0 beyond the plane. */
    private static float sample(float[] ink, int w, int h, double x, double y) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        float fx = (float) (x - x0), fy = (float) (y - y0);
        return (1 - fy) * ((1 - fx) * at(ink, w, h, x0, y0) + fx * at(ink, w, h, x0 + 1, y0))
                + fy * ((1 - fx) * at(ink, w, h, x0, y0 + 1) + fx * at(ink, w, h, x0 + 1, y0 + 1));
    }

    private static float at(float[] ink, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0f : ink[y * w + x];
    }
}
