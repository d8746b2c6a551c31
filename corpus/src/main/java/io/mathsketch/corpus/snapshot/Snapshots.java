package io.mathsketch.corpus.snapshot;

import io.mathsketch.corpus.fixtures.CanvasFixture;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.HandwritingGenerator;
import io.mathsketch.corpus.hand.HandwrittenDigit;
import io.mathsketch.corpus.photo.Encoding;
import io.mathsketch.corpus.photo.GaussianBlur;
import io.mathsketch.corpus.render.CanvasDigits;

import javax.imageio.ImageIO;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Phone snapshots of canvas exports copied onto notebook paper: a camera model written apart from {@code
 * corpus.photo}'s, with conditions it does not have. The measured set ({@link #TEST_SEED}) photographs the drawing
 * page's Chromium exports ({@link CanvasFixture}); a tuning set ({@link #TUNING_SEED}) photographs held-out hands
 * re-seeded ({@link #ofHand}), never the fixtures. Snapshot {@code i} depends only on the seed, {@code i} and its
 * source's PNG. Per snapshot, drawn independently:
 * <ul>
 *   <li><b>frame</b>: portrait or landscape, 600x800 to 960x1280; the digit 14-45% of the shorter side (at least 36
 *       px), turned up to 12 degrees, anywhere at least 6% from the edges;</li>
 *   <li><b>paper</b> ({@link Paper}): plain white, recycled (beige), squared (a 5 mm grid) or ruled (lines and a
 *       margin), with a slow blotchy texture;</li>
 *   <li><b>pen</b> ({@link Pen}): black gel, blue, red or green felt-tip, soft pencil;</li>
 *   <li><b>camera</b>: the sheet seen at a slant (keystone up to 18% across the frame), a desk lamp's spot (the far
 *       side 40-85% lit), a white-balance cast, defocus (sigma 0-1.4 px) or a hand's motion blur (up to 5 px),
 *       signal-dependent noise per colour channel, JPEG at quality 0.88, and in half the snapshots a messenger's
 *       resize to at most 800 px and a second JPEG at 0.45-0.7.</li>
 * </ul>
 */
public final class Snapshots {

    /** The seed of the held-out set measured by {@code SnapshotQualityTest} (on the Chromium fixtures). */
    public static final long TEST_SEED = 0x5A4F_0011L;
    /** The seed of the set to tune on (on re-seeded held-out hands, {@link #ofHand}). */
    public static final long TUNING_SEED = 0x5A4F_0021L;

    /** What is photographed: a canvas export (black ink on white, any PNG the JDK reads) and its label. */
    public record Source(int label, String name, byte[] png) {
    }

    /** Sheets of paper. */
    public enum Paper { PLAIN, RECYCLED, SQUARED, RULED }

    /** Pens, as linear RGB reflectance of a full stroke. */
    public enum Pen {
        BLACK_GEL(0.06, 0.06, 0.08), BLUE(0.12, 0.18, 0.55), RED(0.65, 0.10, 0.12), GREEN(0.10, 0.40, 0.20),
        PENCIL(0.45, 0.45, 0.47);

        final double r, g, b;

        Pen(double r, double g, double b) {
            this.r = r;
            this.g = g;
            this.b = b;
        }
    }

    /** One snapshot: the JPEG a phone (or a messenger) sends, and what it shows. */
    public record Snapshot(int label, String source, Paper paper, Pen pen, int width, int height, int digitPixels,
                           boolean resent, byte[] jpeg) {
        @Override
        public String toString() {
            return label + " from " + source + ": " + width + "x" + height + " digit " + digitPixels + "px, " + paper
                    + ", " + pen + (resent ? ", resent by a messenger" : "");
        }
    }

    private static final int[][] FRAMES = {{600, 800}, {720, 960}, {960, 1280}, {800, 600}, {960, 720}, {1280, 960}};

    private final long seed;
    private final List<Source> sources;

    public Snapshots(long seed, List<Source> sources) {
        this.seed = seed;
        this.sources = List.copyOf(sources);
    }

    /** Snapshots of the drawing page's Chromium exports. */
    public static Snapshots ofFixtures(long seed, List<CanvasFixture> fixtures) {
        return new Snapshots(seed, fixtures.stream()
                .map(f -> new Source(f.label(), "fixture " + f.name() + " " + f.style(), f.pngBytes())).toList());
    }

    /** Snapshots of the first {@code count} drawings of a hand, exported as the page's canvas exports them. */
    public static Snapshots ofHand(long seed, HandConfig hand, int count) {
        HandwritingGenerator generator = new HandwritingGenerator(hand);
        CanvasDigits canvas = new CanvasDigits();
        List<Source> sources = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            HandwrittenDigit drawing = generator.sample(i);
            sources.add(new Source(drawing.digit(), "hand " + hand.name() + " #" + i + " " + drawing.style(),
                    canvas.png(drawing.pageInk())));
        }
        return new Snapshots(seed, sources);
    }

    public int size() {
        return sources.size();
    }

    /** A snapshot of source {@code index}. */
    public Snapshot snapshot(int index) {
        Source source = sources.get(index);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int[] frame = FRAMES[random.nextInt(FRAMES.length)];
        int w = frame[0], h = frame[1];
        Paper paper = Paper.values()[random.nextInt(Paper.values().length)];
        Pen pen = Pen.values()[random.nextInt(Pen.values().length)];
        float[] coverage = coverage(source.png());
        int[] box = box(coverage);
        int bw = box[2] - box[0] + 1, bh = box[3] - box[1] + 1;
        int shorter = Math.min(w, h);
        double digitHeight = Math.max(36, between(random, 0.14, 0.45) * shorter);
        double scale = digitHeight / Math.max(bw, bh); // frame pixels per canvas unit
        double angle = Math.toRadians(between(random, -12, 12));
        double margin = 0.06 * shorter + 0.75 * digitHeight;
        double cx = between(random, margin, w - margin), cy = between(random, margin, h - margin);
        double keystone = between(random, -0.18, 0.18);

        // The sheet as the camera sees it, in linear RGB reflectance times light.
        float[][] rgb = {new float[w * h], new float[w * h], new float[w * h]};
        double[] tint = switch (paper) {
            case RECYCLED -> new double[] {0.86, 0.80, 0.68};
            default -> new double[] {0.90, 0.90, 0.88};
        };
        double gridStep = shorter * between(random, 0.035, 0.06);
        double gridPhaseX = random.nextDouble() * gridStep, gridPhaseY = random.nextDouble() * gridStep;
        double lineWidth = between(random, 0.8, 1.8);
        double lineDepth = between(random, 0.12, 0.3);
        double marginX = w * between(random, 0.1, 0.2);
        Texture texture = new Texture(random, w, h);
        double lampX = random.nextDouble() * w, lampY = random.nextDouble() * h;
        double lampReach = shorter * between(random, 0.6, 1.4), lampFloor = between(random, 0.4, 0.85);
        double[] cast = {1 + between(random, -0.1, 0.14), 1, 1 - between(random, -0.1, 0.16)};
        double exposure = between(random, 0.8, 1.05);
        double cos = Math.cos(angle), sin = Math.sin(angle);
        for (int y = 0; y < h; y++) {
            // A slanted sheet: rows further away are narrower (keystone about the frame's centre line).
            double squeeze = 1 + keystone * (y - h / 2.0) / h;
            for (int x = 0; x < w; x++) {
                double sx = w / 2.0 + (x - w / 2.0) / squeeze; // where on the sheet this pixel looks
                double dx = sx - cx, dy = y - cy;
                double u = (cos * dx + sin * dy) / scale + (box[0] + box[2] + 1) / 2.0;
                double v = (-sin * dx + cos * dy) / scale + (box[1] + box[3] + 1) / 2.0;
                double ink = sample(coverage, u, v);
                double line = 0, marginLine = 0; // blue-grey printed lines; a ruled sheet's red margin
                if (paper == Paper.SQUARED) {
                    line = Math.max(stripe(sx - gridPhaseX, gridStep, lineWidth), stripe(y - gridPhaseY, gridStep,
                            lineWidth));
                } else if (paper == Paper.RULED) {
                    line = stripe(y - gridPhaseY, gridStep * 1.6, lineWidth);
                    marginLine = Math.max(0, Math.min(1, lineWidth / 2 + 0.5 - Math.abs(sx - marginX)));
                }
                double r = lamp(x, y, lampX, lampY, lampReach, lampFloor) * exposure * texture.at(x, y);
                int i = y * w + x;
                double pr = tint[0] * (1 - lineDepth * line);
                double pg = tint[1] * (1 - lineDepth * line) * (1 - lineDepth * marginLine);
                double pb = tint[2] * (1 - 0.4 * lineDepth * line) * (1 - lineDepth * marginLine);
                rgb[0][i] = (float) (r * cast[0] * (pr * (1 - ink) + pen.r * ink));
                rgb[1][i] = (float) (r * cast[1] * (pg * (1 - ink) + pen.g * ink));
                rgb[2][i] = (float) (r * cast[2] * (pb * (1 - ink) + pen.b * ink));
            }
        }
        if (random.nextBoolean()) {
            double sigma = between(random, 0, 1.4);
            for (float[] plane : rgb) {
                if (sigma >= 0.2) { // a lens this sharp leaves the picture as it is
                    GaussianBlur.inPlace(plane, w, h, sigma);
                }
            }
        } else {
            int length = 1 + random.nextInt(5);
            double direction = random.nextDouble() * Math.PI;
            for (int c = 0; c < 3; c++) {
                rgb[c] = motion(rgb[c], w, h, length, direction);
            }
        }
        double noise = between(random, 0.01, 0.035);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < w * h; i++) {
            int[] c = new int[3];
            for (int k = 0; k < 3; k++) {
                double value = Math.max(0, rgb[k][i]);
                value += noise * Math.sqrt(value) * gaussian(random);
                c[k] = (int) Math.round(255 * Math.pow(Math.max(0, Math.min(1, value)), 1 / 2.2)); // sRGB-ish gamma
            }
            image.setRGB(i % w, i / w, c[0] << 16 | c[1] << 8 | c[2]);
        }
        byte[] jpeg = Encoding.jpeg(image, 0.88f);
        boolean resent = random.nextBoolean();
        int digitPixels = (int) Math.round(digitHeight);
        if (resent) {
            double shrink = Math.min(1, 800.0 / Math.max(w, h));
            BufferedImage sent = read(jpeg);
            int sw = (int) Math.round(w * shrink), sh = (int) Math.round(h * shrink);
            BufferedImage small = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
            var g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(sent, 0, 0, sw, sh, null);
            g.dispose();
            jpeg = Encoding.jpeg(small, (float) between(random, 0.45, 0.7));
            w = sw;
            h = sh;
            digitPixels = (int) Math.round(digitHeight * shrink);
        }
        return new Snapshot(source.label(), source.name(), paper, pen, w, h,
                digitPixels, resent, jpeg);
    }

    private static double lamp(int x, int y, double lx, double ly, double reach, double floor) {
        double d2 = ((x - lx) * (x - lx) + (y - ly) * (y - ly)) / (reach * reach);
        return floor + (1 - floor) * Math.exp(-d2);
    }

    /** How much of a line {@code width} px wide, every {@code step} px, covers position {@code p}. */
    private static double stripe(double p, double step, double width) {
        double d = Math.abs(p - step * Math.rint(p / step));
        return Math.max(0, Math.min(1, (width / 2 + 0.5 - d)));
    }

    /** Ink coverage 0..1 of a canvas export: 1 - luminance over white, alpha composited. */
    private static float[] coverage(byte[] png) {
        BufferedImage image = read(png);
        int w = image.getWidth(), h = image.getHeight();
        float[] out = new float[w * h + 2];
        out[w * h] = w;
        out[w * h + 1] = h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                double a = (argb >>> 24) / 255.0;
                double lum = (0.299 * (argb >> 16 & 0xFF) + 0.587 * (argb >> 8 & 0xFF) + 0.114 * (argb & 0xFF)) / 255;
                out[y * w + x] = (float) (a * (1 - lum));
            }
        }
        return out;
    }

    private static int[] box(float[] coverage) {
        int w = (int) coverage[coverage.length - 2], h = (int) coverage[coverage.length - 1];
        int[] box = {w, h, -1, -1};
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (coverage[y * w + x] > 0.1f) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        if (box[2] < 0) {
            throw new IllegalArgumentException("a source without ink");
        }
        return box;
    }

    private static double sample(float[] coverage, double u, double v) {
        int w = (int) coverage[coverage.length - 2], h = (int) coverage[coverage.length - 1];
        u -= 0.5;
        v -= 0.5;
        int x0 = (int) Math.floor(u), y0 = (int) Math.floor(v);
        if (x0 < -1 || y0 < -1 || x0 >= w || y0 >= h) {
            return 0;
        }
        double fx = u - x0, fy = v - y0, sum = 0;
        for (int k = 0; k < 4; k++) {
            int x = x0 + (k & 1), y = y0 + (k >> 1);
            if (x >= 0 && y >= 0 && x < w && y < h) {
                sum += ((k & 1) == 1 ? fx : 1 - fx) * ((k >> 1) == 1 ? fy : 1 - fy) * coverage[y * w + x];
            }
        }
        return sum;
    }


    /** A hand's shake: the mean of the picture shifted along a line {@code length} px long. */
    private static float[] motion(float[] plane, int w, int h, int length, double direction) {
        float[] out = new float[plane.length];
        double ux = Math.cos(direction), uy = Math.sin(direction);
        for (int t = 0; t < length; t++) {
            double off = t - (length - 1) / 2.0;
            int ox = (int) Math.round(off * ux), oy = (int) Math.round(off * uy);
            for (int y = 0; y < h; y++) {
                int sy = Math.max(0, Math.min(h - 1, y + oy));
                for (int x = 0; x < w; x++) {
                    out[y * w + x] += plane[sy * w + Math.max(0, Math.min(w - 1, x + ox))] / length;
                }
            }
        }
        return out;
    }

    /** Slow blotches of the paper: value noise on two coarse grids, about +-4%. */
    private static final class Texture {
        private final float[][] grids = new float[2][];
        private final int[] cells = {9, 23};
        private final int w, h;

        Texture(SplittableRandom random, int w, int h) {
            this.w = w;
            this.h = h;
            for (int g = 0; g < 2; g++) {
                grids[g] = new float[(cells[g] + 2) * (cells[g] + 2)];
                for (int i = 0; i < grids[g].length; i++) {
                    grids[g][i] = (float) (random.nextDouble() * 2 - 1);
                }
            }
        }

        double at(int x, int y) {
            double value = 1;
            for (int g = 0; g < 2; g++) {
                int n = cells[g] + 2;
                double gx = (double) x / w * cells[g], gy = (double) y / h * cells[g];
                int x0 = (int) gx, y0 = (int) gy;
                double fx = gx - x0, fy = gy - y0;
                double v = grids[g][y0 * n + x0] * (1 - fx) * (1 - fy) + grids[g][y0 * n + x0 + 1] * fx * (1 - fy)
                        + grids[g][(y0 + 1) * n + x0] * (1 - fx) * fy + grids[g][(y0 + 1) * n + x0 + 1] * fx * fy;
                value += (g == 0 ? 0.03 : 0.015) * v;
            }
            return value;
        }
    }

    private static double between(SplittableRandom random, double min, double max) {
        return min + random.nextDouble() * (max - min);
    }

    private static double gaussian(SplittableRandom random) {
        double u = Math.max(1e-12, random.nextDouble()), v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static BufferedImage read(byte[] encoded) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
            if (image == null) {
                throw new IllegalArgumentException("not an image ImageIO reads");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
