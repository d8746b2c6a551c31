package io.mathsketch.corpus.board;

import io.mathsketch.corpus.photo.Encoding;
import io.mathsketch.corpus.photo.GaussianBlur;
import io.mathsketch.corpus.photo.InkCoverage;
import io.mathsketch.corpus.photo.InkSource;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Phone photos of a whiteboard with one digit written on it in dry-erase marker: a chain written apart from
 * {@code corpus.photo}, {@code corpus.snapshot} and {@code corpus.scan} (no shared code or condition list; the digits'
 * ink comes from {@link InkCoverage}). Photo {@code i} depends only on the seed, {@code i} and its source. Per photo,
 * drawn independently:
 * <ul>
 *   <li><b>frame</b>: a phone's JPEG, landscape or portrait, quality 0.75-0.92: half 1280x960, half 1600x1200,
 *       2048x1536, 3264x2448 or 4032x3024 (digit mode reads a frame of 1200 px both ways as a page: both regimes);</li>
 *   <li><b>digit</b>: 10-50% of the shorter side high, turned up to 8 degrees, drawn with a chisel marker whose
 *       strokes are 3-8% of the digit's height, in black, blue, red or green ({@link Marker}), streaky along the
 *       stroke and lighter towards one end as a drying marker writes;</li>
 *   <li><b>board</b>: glossy white, lit unevenly; 0-3 glare spots and, on half, a specular band, which wash out
 *       what lies under them; faint ghosts of erased writing; on some the board's edge in view ({@link Edge}: an
 *       aluminium frame or a dark edge, the wall beyond);</li>
 *   <li><b>camera</b>: taken standing to the side (perspective: a turn of up to 0.35 across and 0.15 up or down),
 *       rolled up to 6 degrees, slight motion blur (up to 0.6% of the frame) and focus blur, sensor noise, the
 *       phone's upscaling softness.</li>
 * </ul>
 * The scene is drawn at a working size of at most 1600 px and scaled to the frame, as a phone's processing softens a
 * large frame anyway; the cost stays that of a small photo.
 */
public final class Whiteboards {

    /** The seed of the held-out set measured by {@code WhiteboardQualityTest}. */
    public static final long TEST_SEED = 0xB0A4_D011L;
    /** The seed of the set to tune on ({@code WhiteboardTuning}: other MNIST digits, other drawings). */
    public static final long TUNING_SEED = 0xB0A4_D021L;

    private static final int[][] FRAMES = {{1280, 960}, {1600, 1200}, {2048, 1536}, {3264, 2448}, {4032, 3024}};
    private static final int WORKING = 1600;

    /** Marker colours, as linear RGB of a full stroke. */
    public enum Marker {
        BLACK(0.05, 0.05, 0.06), BLUE(0.04, 0.09, 0.42), RED(0.62, 0.05, 0.05), GREEN(0.03, 0.30, 0.09);

        final double r, g, b;

        Marker(double r, double g, double b) {
            this.r = r;
            this.g = g;
            this.b = b;
        }
    }

    /** What shows of the board's edge. */
    public enum Edge { NONE, ALUMINIUM, DARK }

    /** One photo: the file's bytes and what it shows. */
    public record Photo(int label, String source, int width, int height, int digitPixels, Marker marker, Edge edge,
                        int glareSpots, boolean band, boolean pageSized, byte[] bytes) {
        @Override
        public String toString() {
            return label + " from " + source + ": " + width + "x" + height + ", digit " + digitPixels + " px, "
                    + marker + ", edge " + edge + ", " + glareSpots + " glare spots" + (band ? ", band" : "");
        }

        /** This photo without the file's bytes: what a report keeps of it. */
        public Photo withoutBytes() {
            return new Photo(label, source, width, height, digitPixels, marker, edge, glareSpots, band, pageSized,
                    new byte[0]);
        }
    }

    private final long seed;
    private final List<InkSource> sources;

    public Whiteboards(long seed, List<InkSource> sources) {
        this.seed = seed;
        this.sources = List.copyOf(sources);
    }

    public int size() {
        return sources.size();
    }

    /** The photo of source {@code index}. */
    public Photo photo(int index) {
        InkSource source = sources.get(index);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        // Half at the photo sets' largest frame, half at the sizes digit mode reads as a page.
        int[] frame = random.nextBoolean() ? FRAMES[0] : FRAMES[1 + random.nextInt(FRAMES.length - 1)];
        boolean portrait = random.nextInt(3) == 0;
        int fw = portrait ? frame[1] : frame[0], fh = portrait ? frame[0] : frame[1];
        double scale = Math.min(1, (double) WORKING / Math.max(fw, fh));
        int w = (int) Math.round(fw * scale), h = (int) Math.round(fh * scale);
        int shorter = Math.min(w, h);

        // The camera: board coordinates (in working pixels about the frame's centre) of each frame pixel.
        double yaw = between(random, -0.35, 0.35), pitch = between(random, -0.15, 0.15);
        double roll = Math.toRadians(between(random, -6, 6));
        Camera camera = new Camera(w, h, yaw, pitch, roll);

        // The digit, thickened to a marker's stroke, centred where all of it stays in the frame.
        double share = between(random, 0.10, 0.50);
        int digitPixels = (int) Math.round(share * shorter);
        double strokeShare = between(random, 0.03, 0.08);
        InkCoverage ink = marker(source.ink().apply(digitPixels), strokeShare * digitPixels, random);
        double turn = Math.toRadians(between(random, -8, 8));
        double reach = 0.75 * Math.hypot(ink.width(), ink.height()) / 2; // perspective enlarges one side
        double roomX = Math.max(0, w / 2.0 - reach * 1.4 - 0.04 * w), roomY = Math.max(0, h / 2.0 - reach * 1.4
                - 0.04 * h);
        double dcx = between(random, -roomX, roomX), dcy = between(random, -roomY, roomY);
        Marker marker = Marker.values()[random.nextInt(Marker.values().length)];
        double strength = between(random, 0.75, 1.0);
        double streak = between(random, 0.1, 0.45), streakAngle = random.nextDouble() * Math.PI;
        double streakPeriod = Math.max(2, strokeShare * digitPixels * between(random, 0.25, 0.6));
        double fade = between(random, 0, 0.5), fadeAngle = random.nextDouble() * 2 * Math.PI;
        long streakSeed = random.nextLong();

        // The board and what lies on it besides the digit.
        double white = between(random, 0.78, 0.95);
        double tint = between(random, -0.03, 0.03);
        double lightX = between(random, -0.35, 0.35), lightY = between(random, -0.35, 0.35);
        double[][] spots = new double[random.nextInt(4)][];
        for (int k = 0; k < spots.length; k++) {
            spots[k] = new double[] {between(random, -0.5, 0.5) * w, between(random, -0.5, 0.5) * h,
                    between(random, 0.02, 0.12) * shorter, between(random, 0.2, 0.7)};
        }
        boolean band = random.nextBoolean();
        double bandAngle = random.nextDouble() * Math.PI, bandOffset = between(random, -0.4, 0.4) * shorter;
        double bandWidth = between(random, 0.04, 0.15) * shorter, bandGain = between(random, 0.15, 0.5);
        float[] ghosts = ghosts(w, h, digitPixels, random);
        double ghostLevel = between(random, 0.04, 0.2);
        Edge edge = Edge.values()[random.nextInt(Edge.values().length)];
        int edgeSide = random.nextInt(4); // left, right, top, bottom
        double edgeAt = between(random, 0.3, 0.46), frameWidth = between(random, 0.015, 0.035) * shorter;
        double frameGrey = edge == Edge.ALUMINIUM ? between(random, 0.45, 0.7) : between(random, 0.03, 0.12);
        double wall = between(random, 0.25, 0.75);
        double edgeLimit = edgeLimit(edgeSide, edgeAt, w, h, dcx, dcy, reach);
        if (edgeLimit > 0.48 * (edgeSide < 2 ? w : h)) {
            edge = Edge.NONE; // no room beside this digit: the edge is out of the frame
        }

        float[] red = new float[w * h], green = new float[w * h], blue = new float[w * h];
        double tcos = Math.cos(turn), tsin = Math.sin(turn);
        double scos = Math.cos(streakAngle), ssin = Math.sin(streakAngle);
        double fcos = Math.cos(fadeAngle), fsin = Math.sin(fadeAngle);
        double[] board = new double[2];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                camera.board(x + 0.5, y + 0.5, board);
                double bx = board[0], by = board[1];
                double lx = bx / w - lightX, ly = by / h - lightY;
                double light = white * (1 - 0.18 * (lx * lx + ly * ly));
                double r = light * (1 + tint), g = light, b = light * (1 - tint);
                double beyond = edge == Edge.NONE ? -1 : along(edgeSide, bx, by) - edgeLimit;
                if (beyond > 0) { // the frame, then the wall
                    double v = beyond < frameWidth ? frameGrey * (edge == Edge.ALUMINIUM
                            ? 1 + 0.4 * Math.exp(-Math.pow((beyond - frameWidth * 0.3) / (frameWidth * 0.15), 2))
                            : 1) : wall;
                    r = v * (beyond < frameWidth ? 1 : 1.08);
                    g = v;
                    b = v * (beyond < frameWidth ? 1 : 0.85);
                } else {
                    double ghost = ghosts[y * w + x] * ghostLevel;
                    r *= 1 - ghost;
                    g *= 1 - ghost;
                    b *= 1 - ghost * 0.8;
                    double ddx = bx - dcx, ddy = by - dcy;
                    double u = tcos * ddx + tsin * ddy + ink.width() / 2.0;
                    double v = -tsin * ddx + tcos * ddy + ink.height() / 2.0;
                    double c = sample(ink, u, v);
                    if (c > 0) {
                        double across = (-ssin * ddx + scos * ddy) / streakPeriod;
                        double density = strength * (1 - streak * noise(streakSeed, across))
                                * (1 - fade * Math.max(0, (fcos * ddx + fsin * ddy) / reach));
                        c *= Math.max(0, density);
                        r = r * (1 - c) + marker.r * c;
                        g = g * (1 - c) + marker.g * c;
                        b = b * (1 - c) + marker.b * c;
                    }
                    double glare = 0; // the gloss reflects the room's lights over board and ink alike
                    for (double[] spot : spots) {
                        double sx = x - w / 2.0 - spot[0], sy = y - h / 2.0 - spot[1];
                        glare += spot[3] * Math.exp(-(sx * sx + sy * sy) / (2 * spot[2] * spot[2]));
                    }
                    if (band) {
                        double d = Math.cos(bandAngle) * (x - w / 2.0) + Math.sin(bandAngle) * (y - h / 2.0)
                                - bandOffset;
                        glare += bandGain * Math.exp(-d * d / (2 * bandWidth * bandWidth));
                    }
                    r += glare;
                    g += glare;
                    b += glare;
                }
                red[y * w + x] = (float) r;
                green[y * w + x] = (float) g;
                blue[y * w + x] = (float) b;
            }
        }
        double motion = between(random, 0, 0.006) * Math.max(w, h), motionAngle = random.nextDouble() * Math.PI;
        double focus = between(random, 0.4, 1.2);
        double noiseLevel = between(random, 0.005, 0.02);
        motionBlur(List.of(red, green, blue), w, h, motion, motionAngle);
        for (float[] plane : List.of(red, green, blue)) {
            GaussianBlur.inPlace(plane, w, h, focus);
        }
        BufferedImage working = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double n = noiseLevel * gaussianish(random);
                row[x] = encode(red[i] + n) << 16 | encode(green[i] + n) << 8 | encode(blue[i] + n);
            }
            working.setRGB(0, y, w, 1, row, 0, w);
        }
        BufferedImage image = working;
        if (fw != w || fh != h) {
            image = new BufferedImage(fw, fh, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(working, 0, 0, fw, fh, null);
            } finally {
                g.dispose();
            }
        }
        byte[] bytes = Encoding.jpeg(image, (float) between(random, 0.75, 0.92));
        return new Photo(source.label(), source.name(), fw, fh, (int) Math.round(digitPixels / scale), marker, edge,
                spots.length, band, fw >= 1200 && fh >= 1200, bytes);
    }

    /** Maps frame pixels to the board's plane: a homography of a phone held to the side of the board. */
    private static final class Camera {
        private final int w, h;
        private final double yaw, pitch, cos, sin; // the roll's, once: per pixel they were most of a photo's time

        Camera(int w, int h, double yaw, double pitch, double roll) {
            this.w = w;
            this.h = h;
            this.yaw = yaw;
            this.pitch = pitch;
            this.cos = Math.cos(roll);
            this.sin = Math.sin(roll);
        }

        void board(double x, double y, double[] out) {
            double xn = (x - w / 2.0) / w, yn = (y - h / 2.0) / h;
            double k = 1 + yaw * xn + pitch * yn; // the far side shrinks
            double px = xn / k * w, py = yn / k * h;
            out[0] = cos * px - sin * py;
            out[1] = sin * px + cos * py;
        }
    }

    /**
     * The digit as a chisel marker writes it: the coverage spread by a rectangular nib to {@code stroke} pixels
     * (a little narrower one way than the other), its edge softened.
     */
    private static InkCoverage marker(InkCoverage ink, double stroke, SplittableRandom random) {
        int w = ink.width(), h = ink.height();
        double area = 0, edges = 0;
        float[] c = ink.coverage();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                area += c[y * w + x];
                if (x + 1 < w) {
                    edges += Math.abs(c[y * w + x + 1] - c[y * w + x]);
                }
                if (y + 1 < h) {
                    edges += Math.abs(c[(y + 1) * w + x] - c[y * w + x]);
                }
            }
        }
        // A stroke's width: its area over half its outline (the gradient's sum overstates an outline by 4/pi).
        double own = edges > 0 ? 2 * area / (edges * Math.PI / 4) : 1;
        double grow = Math.max(0, stroke - own) / 2;
        int rx = (int) Math.round(grow * between(random, 0.7, 1.0)), ry = (int) Math.round(grow * between(random, 0.7,
                1.0));
        int pad = Math.max(rx, ry) + 2;
        int nw = w + 2 * pad, nh = h + 2 * pad;
        float[] out = new float[nw * nh];
        for (int y = 0; y < h; y++) {
            System.arraycopy(c, y * w, out, (y + pad) * nw + pad, w);
        }
        out = maxFilter(out, nw, nh, rx, 1);
        out = maxFilter(out, nw, nh, ry, nw);
        return new InkCoverage(nw, nh, out);
    }

    /** A running maximum of radius {@code r} along one axis ({@code step} 1: rows, the width: columns). */
    private static float[] maxFilter(float[] in, int w, int h, int r, int step) {
        if (r <= 0) {
            return in;
        }
        float[] out = new float[in.length];
        int lines = step == 1 ? h : w, length = step == 1 ? w : h, stride = step == 1 ? w : 1;
        for (int line = 0; line < lines; line++) {
            int base = line * stride;
            for (int i = 0; i < length; i++) {
                float m = 0;
                for (int j = Math.max(0, i - r); j <= Math.min(length - 1, i + r); j++) {
                    m = Math.max(m, in[base + j * step]);
                }
                out[base + i * step] = m;
            }
        }
        return out;
    }

    /** Faint curves where earlier writing was wiped off: coverage 0..1 in the frame. */
    private static float[] ghosts(int w, int h, int digitPixels, SplittableRandom random) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int count = random.nextInt(9);
            for (int k = 0; k < count; k++) {
                double size = between(random, 0.3, 1.2) * digitPixels;
                double x = random.nextDouble() * w, y = random.nextDouble() * h;
                g.setColor(new Color(1f, 1f, 1f, (float) between(random, 0.3, 1)));
                g.setStroke(new BasicStroke((float) (size * between(random, 0.03, 0.1)), BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND));
                g.draw(new QuadCurve2D.Double(x, y, x + between(random, -1, 1) * size, y + between(random, -1, 1)
                        * size, x + between(random, -1, 1) * size, y + between(random, -1, 1) * size));
            }
        } finally {
            g.dispose();
        }
        float[] out = new float[w * h];
        byte[] data = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < out.length; i++) {
            out[i] = (data[i] & 0xFF) / 255f;
        }
        GaussianBlur.inPlace(out, w, h, Math.max(1, digitPixels * 0.01)); // a wipe smears as much as it removes
        return out;
    }

    /** Where the board's edge lies on the chosen side, kept clear of the digit. */
    private static double edgeLimit(int side, double at, int w, int h, double dcx, double dcy, double reach) {
        double half = side < 2 ? w : h;
        double digit = side == 0 ? -dcx : side == 1 ? dcx : side == 2 ? -dcy : dcy;
        return Math.max(at * half, digit + reach * 1.2);
    }

    /** How far a board point lies towards the chosen side. */
    private static double along(int side, double bx, double by) {
        return switch (side) {
            case 0 -> -bx;
            case 1 -> bx;
            case 2 -> -by;
            default -> by;
        };
    }

    /** Smooth value noise in 0..1 along one axis: a marker's streaks. */
    private static double noise(long seed, double t) {
        long i = (long) Math.floor(t);
        double f = t - i, s = f * f * (3 - 2 * f);
        return hash(seed, i) * (1 - s) + hash(seed, i + 1) * s;
    }

    private static double hash(long seed, long i) {
        long z = seed + i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return ((z ^ (z >>> 31)) >>> 11) * 0x1.0p-53;
    }

    private static double sample(InkCoverage ink, double u, double v) {
        u -= 0.5;
        v -= 0.5;
        int x0 = (int) Math.floor(u), y0 = (int) Math.floor(v);
        if (x0 < -1 || y0 < -1 || x0 >= ink.width() || y0 >= ink.height()) {
            return 0;
        }
        double fx = u - x0, fy = v - y0, sum = 0;
        for (int k = 0; k < 4; k++) {
            int x = x0 + (k & 1), y = y0 + (k >> 1);
            if (x >= 0 && y >= 0 && x < ink.width() && y < ink.height()) {
                sum += ((k & 1) == 1 ? fx : 1 - fx) * ((k >> 1) == 1 ? fy : 1 - fy)
                        * ink.coverage()[y * ink.width() + x];
            }
        }
        return sum;
    }

    /** A linear value to an sRGB byte. */
    private static int encode(double linear) {
        return (int) Math.round(255 * Math.pow(Math.max(0, Math.min(1, linear)), 1 / 2.2));
    }

    /** Near enough a standard normal: four 16-bit uniforms of one draw summed. */
    private static double gaussianish(SplittableRandom random) {
        long bits = random.nextLong();
        int sum = (int) (bits & 0xFFFF) + (int) (bits >>> 16 & 0xFFFF) + (int) (bits >>> 32 & 0xFFFF)
                + (int) (bits >>> 48);
        return (sum / 65536.0 - 2) * Math.sqrt(3);
    }

    /**
     * The mean of samples along a line {@code length} pixels long: the phone moving while it takes the photo. The
     * planes share each sample's place, found once for all of them.
     */
    private static void motionBlur(List<float[]> planes, int w, int h, double length, double angle) {
        int n = (int) Math.round(length);
        if (n < 1) {
            return;
        }
        List<float[]> copies = planes.stream().map(float[]::clone).toList();
        double dx = Math.cos(angle), dy = Math.sin(angle);
        int[] at = new int[n + 1];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k <= n; k++) {
                    double t = k - n / 2.0;
                    int sx = Math.max(0, Math.min(w - 1, (int) Math.round(x + t * dx)));
                    int sy = Math.max(0, Math.min(h - 1, (int) Math.round(y + t * dy)));
                    at[k] = sy * w + sx;
                }
                for (int p = 0; p < planes.size(); p++) {
                    float[] copy = copies.get(p);
                    float sum = 0;
                    for (int k = 0; k <= n; k++) {
                        sum += copy[at[k]];
                    }
                    planes.get(p)[y * w + x] = sum / (n + 1);
                }
            }
        }
    }


    private static double between(SplittableRandom random, double min, double max) {
        return min + random.nextDouble() * (max - min);
    }
}
