package io.mathsketch.corpus.chalk;

import io.mathsketch.corpus.photo.Encoding;
import io.mathsketch.corpus.photo.InkCoverage;
import io.mathsketch.corpus.photo.InkSource;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Phone photos of one digit written light on a dark ground: chalk on a blackboard, greenboard or grey board, or a
 * white gel pen on black paper. A chain written apart from the other cameras (no shared code or condition list; the
 * digits' ink comes from {@link InkSource}). Photo {@code i} depends only on the seed, {@code i} and its source. Per
 * photo, drawn independently:
 * <ul>
 *   <li><b>frame</b>: a phone's JPEG at quality 0.6-0.92, landscape or (one in four) portrait: half 1280x960, half
 *       1600x1200, 2048x1536, 3264x2448 or 4032x3024 (digit mode reads a frame of 1200 px both ways as a page);</li>
 *   <li><b>digit</b>: 10-50% of the shorter side high, turned up to 6 degrees on the board; chalk ({@link Chalk}:
 *       white, yellow, pale blue or pink) thickened to strokes 4-12% of its height, grainy (the chalk catches only
 *       on the board's high points, so coverage breaks up), pressed harder and lighter along the digit, soft-edged;
 *       a gel pen's line smooth and unthickened;</li>
 *   <li><b>ground</b> ({@link Surface}): black slate, dark green or dark grey board, blotchy from wiping and grained,
 *       with the haze of erased writing (ghost strokes and the eraser's swipes) and chalk dust on three in four; or
 *       black paper. On some the board's frame, its chalk ledge or the desk beyond the paper in view, with the wall
 *       beyond ({@link Edge}), kept clear of the digit;</li>
 *   <li><b>light</b>: the phone's exposure for a dark scene (bright), uneven classroom light, vignetting, and on half
 *       the boards a window's reflection: a soft bright band added over board and chalk alike;</li>
 *   <li><b>camera</b>: taken from a seat (a true perspective: the board turned up to 35 degrees across and tilted
 *       -8 to 22 degrees), rolled up to 7 degrees, defocus, on some motion blur, sensor noise in the dark.</li>
 * </ul>
 * The scene is drawn at a working size of at most {@value #WORKING} px and scaled to the frame (a phone's processing
 * softens a large frame anyway), so a photo costs about the same whatever its frame.
 */
public final class Chalkboards {

    /** The seed of the held-out set measured by {@code ChalkboardQualityTest}. */
    public static final long TEST_SEED = 0xC4A1_C011L;
    /** The seed of the set to tune on ({@code ChalkboardTuning}: other MNIST digits, other drawings). */
    public static final long TUNING_SEED = 0xC4A1_C021L;

    private static final int[][] PAGES = {{1600, 1200}, {2048, 1536}, {3264, 2448}, {4032, 3024}};
    private static final int WORKING = 1024;
    /** Linear light to sRGB levels, read-only once made: a power per channel and pixel was a tenth of a photo. */
    private static final float[] TO_SRGB = toSrgb();

    /** What the digit is written on, as linear RGB albedo. */
    public enum Surface {
        BLACK_SLATE(0.020, 0.021, 0.024), GREEN_BOARD(0.018, 0.045, 0.030), GREY_BOARD(0.042, 0.044, 0.047),
        BLACK_PAPER(0.012, 0.012, 0.013);

        final double r, g, b;

        Surface(double r, double g, double b) {
            this.r = r;
            this.g = g;
            this.b = b;
        }
    }

    /** What the digit is written with, as linear RGB of a full stroke. */
    public enum Chalk {
        WHITE(0.78, 0.78, 0.74), YELLOW(0.82, 0.70, 0.22), BLUE(0.40, 0.58, 0.82), PINK(0.84, 0.46, 0.58),
        WHITE_GEL(0.85, 0.85, 0.86);

        final double r, g, b;

        Chalk(double r, double g, double b) {
            this.r = r;
            this.g = g;
            this.b = b;
        }
    }

    /** What shows beyond the ground on one side. */
    public enum Edge { NONE, FRAME, LEDGE, DESK }

    /** One photo: the file's bytes and what it shows. */
    public record Photo(int label, String source, int width, int height, int digitPixels, Surface surface,
                        Chalk chalk, Edge edge, boolean reflection, double haze, boolean pageSized, byte[] bytes) {
        @Override
        public String toString() {
            return String.format("%d from %s: %dx%d, digit %d px, %s on %s, edge %s%s, haze %.2f", label, source,
                    width, height, digitPixels, chalk, surface, edge, reflection ? ", window reflection" : "", haze);
        }

        /** This photo without the file's bytes: what a report keeps of it. */
        public Photo withoutBytes() {
            return new Photo(label, source, width, height, digitPixels, surface, chalk, edge, reflection, haze,
                    pageSized, new byte[0]);
        }
    }

    private static final Chalk[] CHALKS = {Chalk.WHITE, Chalk.WHITE, Chalk.YELLOW, Chalk.BLUE, Chalk.PINK};

    private final long seed;
    private final List<InkSource> sources;

    public Chalkboards(long seed, List<InkSource> sources) {
        this.seed = seed;
        this.sources = List.copyOf(sources);
    }

    public int size() {
        return sources.size();
    }

    /** The sources' names, in order: which digits the set shows. */
    public List<String> sourceNames() {
        return sources.stream().map(InkSource::name).toList();
    }

    /** The photo of source {@code index}. */
    public Photo photo(int index) {
        InkSource source = sources.get(index);
        SplittableRandom random = new SplittableRandom(hash(seed, index) ^ seed);
        boolean page = random.nextBoolean();
        int[] frame = page ? PAGES[random.nextInt(PAGES.length)] : new int[] {1280, 960};
        boolean portrait = random.nextInt(4) == 0;
        int fw = portrait ? frame[1] : frame[0], fh = portrait ? frame[0] : frame[1];
        double scale = Math.min(1, (double) WORKING / Math.max(fw, fh));
        int w = (int) Math.round(fw * scale), h = (int) Math.round(fh * scale);
        int shorter = Math.min(w, h);

        Surface surface = random.nextInt(8) == 0 ? Surface.BLACK_PAPER : Surface.values()[random.nextInt(3)];
        boolean paper = surface == Surface.BLACK_PAPER;
        Chalk chalk = paper ? Chalk.WHITE_GEL : CHALKS[random.nextInt(CHALKS.length)];

        Lens lens = new Lens(w, h, Math.toRadians(between(random, -35, 35)), Math.toRadians(between(random, -8, 22)),
                Math.toRadians(between(random, -7, 7)), between(random, 0.75, 1.1) * Math.max(w, h));

        // The digit: its ink, thickened to the chalk's stroke, placed on the board where all of it is in the frame.
        int digitPixels = (int) Math.round(between(random, 0.10, 0.50) * shorter);
        double strokeShare = between(random, 0.04, 0.12);
        double turn = Math.toRadians(between(random, -6, 6));
        double[] centre = null;
        InkCoverage ink = null;
        for (int attempt = 0; centre == null; attempt++) {
            if (attempt > 0 && attempt % 12 == 0) {
                digitPixels = Math.max(12, (int) Math.round(digitPixels * 0.9)); // no place fits: a smaller digit
                ink = null;
            }
            if (ink == null) {
                InkCoverage raw = source.ink().apply(digitPixels);
                ink = paper ? raw : thicken(raw, strokeShare * digitPixels, random);
            }
            double px = between(random, 0.12, 0.88) * w, py = between(random, 0.12, 0.88) * h;
            double[] b = lens.toBoard(px, py);
            if (fits(lens, b, ink, turn, w, h)) {
                centre = b;
            }
        }
        double reach = Math.hypot(ink.width(), ink.height()) / 2;

        // The ground and what lies on it besides the digit.
        double texture = between(random, 0.08, 0.3), speckle = paper ? 0.06 : between(random, 0.08, 0.2);
        double textureCell = between(random, 0.04, 0.15) * shorter;
        double haze = paper || random.nextInt(4) == 0 ? 0 : between(random, 0.015, 0.1);
        double dust = paper ? 0 : between(random, 0, 0.002);
        float[] ghosts = haze > 0 ? ghosts(w, h, digitPixels, strokeShare, random) : null;
        Edge edge = paper ? (random.nextBoolean() ? Edge.DESK : Edge.NONE)
                : Edge.values()[random.nextInt(3)];
        int side = edge == Edge.LEDGE ? 3 : random.nextInt(4);
        double along = side < 2 ? w / 2.0 : h / 2.0;
        double digitAlong = switch (side) {
            case 0 -> -centre[0];
            case 1 -> centre[0];
            case 2 -> -centre[1];
            default -> centre[1];
        };
        double limit = Math.max(between(random, 0.3, 0.95) * along, digitAlong + reach + 0.05 * digitPixels);
        double rim = edge == Edge.LEDGE ? between(random, 0.03, 0.06) * shorter : between(random, 0.015, 0.04)
                * shorter;
        double wall = between(random, 0.25, 0.6);
        boolean wooden = random.nextBoolean();

        // Chalk's deposit: how much of the board's grain it fills, pressure along the digit, a gel pen's evenness.
        double fill = paper ? 1 : between(random, 0.5, 0.9);
        double pressureLow = paper ? 0.9 : between(random, 0.45, 0.9);
        double pressureCell = between(random, 0.2, 0.5) * digitPixels;
        double grainCell = between(random, 0.8, 2.2);
        double opacity = paper ? between(random, 0.85, 1) : between(random, 0.7, 0.95);
        long textureSeed = random.nextLong(), grainSeed = random.nextLong(), pressureSeed = random.nextLong();
        long speckSeed = random.nextLong();

        // Light: the exposure a phone picks for a dark scene, uneven, vignetted, a window's reflection.
        double exposure = between(random, 0.9, 1.8);
        double slope = between(random, 0, 0.6), slopeAngle = random.nextDouble() * 2 * Math.PI;
        double vignette = between(random, 0, 0.45);
        boolean reflection = !paper && random.nextBoolean();
        double bandGain = reflection ? between(random, 0.04, 0.3) : 0, bandAngle = random.nextDouble() * Math.PI;
        double bandOffset = between(random, -0.4, 0.4) * Math.max(w, h);
        double bandHalf = between(random, 0.04, 0.15) * Math.max(w, h);

        float[] red = new float[w * h], green = new float[w * h], blue = new float[w * h];
        double tcos = Math.cos(turn), tsin = Math.sin(turn);
        double lcos = Math.cos(slopeAngle), lsin = Math.sin(slopeAngle);
        double bcos = Math.cos(bandAngle), bsin = Math.sin(bandAngle);
        boolean edgeShown = false;
        double[] b = new double[2];
        for (int y = 0; y < h; y++) {
            double yn = (y + 0.5) / h - 0.5;
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                double xn = (x + 0.5) / w - 0.5;
                lens.toBoard(x + 0.5, y + 0.5, b);
                double bx = b[0], by = b[1];
                double beyond = edge == Edge.NONE ? -1 : switch (side) {
                    case 0 -> -bx;
                    case 1 -> bx;
                    case 2 -> -by;
                    default -> by;
                } - limit;
                double r, g, bl;
                if (beyond > 0) {
                    edgeShown = true;
                    double[] c = beyond(edge, beyond, rim, wall, wooden, speckSeed, i);
                    r = c[0];
                    g = c[1];
                    bl = c[2];
                } else {
                    double t = 1 + texture * (2 * valueNoise(textureSeed, bx / textureCell, by / textureCell) - 1)
                            + speckle * (2 * unit(hash(speckSeed, i)) - 1);
                    r = surface.r * t;
                    g = surface.g * t;
                    bl = surface.b * t;
                    if (ghosts != null) {
                        double v = haze * ghosts[i];
                        r += v * chalk.r;
                        g += v * chalk.g;
                        bl += v * chalk.b;
                    }
                    if (dust > 0 && unit(hash(speckSeed + 1, i)) < dust) {
                        double v = 0.1 + 0.4 * unit(hash(speckSeed + 2, i));
                        r += v;
                        g += v;
                        bl += v;
                    }
                    double dx = bx - centre[0], dy = by - centre[1];
                    double c = sample(ink, tcos * dx + tsin * dy + ink.width() / 2.0,
                            -tsin * dx + tcos * dy + ink.height() / 2.0);
                    if (c > 0) {
                        double grain = 0.65 * valueNoise(grainSeed, bx / grainCell, by / grainCell)
                                + 0.35 * valueNoise(grainSeed + 1, bx / (3 * grainCell), by / (3 * grainCell));
                        double pressure = pressureLow + (1 - pressureLow)
                                * valueNoise(pressureSeed, bx / pressureCell, by / pressureCell);
                        double deposit = paper ? 1 - 0.15 * grain
                                : clamp((pressure * fill - grain) / 0.2 + 0.5);
                        double a = opacity * c * deposit;
                        r = r * (1 - a) + chalk.r * a;
                        g = g * (1 - a) + chalk.g * a;
                        bl = bl * (1 - a) + chalk.b * a;
                    }
                }
                double light = exposure * (1 + slope * (lcos * xn + lsin * yn)) * (1 - vignette * 2 * (xn * xn
                        + yn * yn));
                double glare = 0;
                if (reflection && beyond <= 0) {
                    double q = (bcos * (x - w / 2.0) + bsin * (y - h / 2.0) - bandOffset) / bandHalf;
                    glare = bandGain / (1 + q * q * q * q);
                }
                red[i] = (float) (r * light + glare);
                green[i] = (float) (g * light + glare);
                blue[i] = (float) (bl * light + glare);
            }
        }

        double focus = between(random, 0.3, 1.4);
        double motion = random.nextInt(5) < 2 ? between(random, 1, 5) : 0, motionAngle = random.nextDouble()
                * Math.PI;
        for (float[] plane : List.of(red, green, blue)) {
            if (motion > 0) {
                smear(plane, w, h, motion, motionAngle);
            }
            soften(plane, w, h, focus);
        }
        double grainLevels = between(random, 2, 7), tintLevels = between(random, 0.5, 2);
        byte[] working = new byte[3 * w * h]; // blue, green, red: what the JPEG writer takes without converting
        for (int i = 0; i < w * h; i++) {
            double n = grainLevels * gaussianish(random);
            working[3 * i] = (byte) level(blue[i], n + tintLevels * gaussianish(random));
            working[3 * i + 1] = (byte) level(green[i], n);
            working[3 * i + 2] = (byte) level(red[i], n + tintLevels * gaussianish(random));
        }
        BufferedImage image = new BufferedImage(fw, fh, BufferedImage.TYPE_3BYTE_BGR);
        byte[] frameBytes = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        if (fw == w && fh == h) {
            System.arraycopy(working, 0, frameBytes, 0, working.length);
        } else {
            enlarge(working, w, h, frameBytes, fw, fh);
        }
        byte[] bytes = Encoding.jpeg(image, (float) between(random, 0.6, 0.92));
        return new Photo(source.label(), source.name(), fw, fh, (int) Math.round(digitPixels / scale), surface,
                chalk, edgeShown ? edge : Edge.NONE, reflection, haze, fw >= 1200 && fh >= 1200, bytes);
    }

    /**
     * A phone's pinhole camera looking at the board's plane: the board turned by {@code yaw} about its vertical and
     * tilted by {@code pitch}, the phone rolled; the frame's centre is the board's origin at scale 1.
     */
    private static final class Lens {
        private final double cx, cy, f, rollCos, rollSin;
        private final double exX, exZ, eyX, eyY, eyZ, nX, nY, nZ, np;

        Lens(int w, int h, double yaw, double pitch, double roll, double focal) {
            cx = w / 2.0;
            cy = h / 2.0;
            f = focal;
            rollCos = Math.cos(roll);
            rollSin = Math.sin(roll);
            double cyw = Math.cos(yaw), syw = Math.sin(yaw), cp = Math.cos(pitch), sp = Math.sin(pitch);
            exX = cyw;
            exZ = -syw;
            eyX = syw * sp;
            eyY = cp;
            eyZ = cyw * sp;
            nX = syw * cp;
            nY = -sp;
            nZ = cyw * cp;
            np = f * nZ;
        }

        double[] toBoard(double x, double y) {
            double[] out = new double[2];
            toBoard(x, y, out);
            return out;
        }

        void toBoard(double x, double y, double[] out) {
            double fx = x - cx, fy = y - cy;
            double dx = rollCos * fx + rollSin * fy, dy = -rollSin * fx + rollCos * fy;
            double t = np / (nX * dx + nY * dy + nZ * f);
            double px = t * dx, py = t * dy, pz = t * f - f;
            out[0] = exX * px + exZ * pz;
            out[1] = eyX * px + eyY * py + eyZ * pz;
        }

        void toFrame(double bx, double by, double[] out) {
            double px = exX * bx + eyX * by, py = eyY * by, pz = f + exZ * bx + eyZ * by;
            double dx = f * px / pz, dy = f * py / pz;
            out[0] = rollCos * dx - rollSin * dy + cx;
            out[1] = rollSin * dx + rollCos * dy + cy;
        }
    }

    /** Whether the ink, centred at board point {@code b} and turned, lies in the frame with a 3% margin. */
    private static boolean fits(Lens lens, double[] b, InkCoverage ink, double turn, int w, int h) {
        double c = Math.cos(turn), s = Math.sin(turn);
        double[] p = new double[2];
        for (int k = 0; k < 4; k++) {
            double u = ((k & 1) - 0.5) * ink.width(), v = ((k >> 1) - 0.5) * ink.height();
            lens.toFrame(b[0] + c * u - s * v, b[1] + s * u + c * v, p);
            if (p[0] < 0.03 * w || p[0] > 0.97 * w || p[1] < 0.03 * h || p[1] > 0.97 * h) {
                return false;
            }
        }
        return true;
    }

    /**
     * What lies beyond the ground: the board's frame (wood or aluminium) or its chalk ledge (a lit top face with
     * chalk dust, a shadow under it), or a desk beyond the paper; the wall past the board's rim.
     */
    private static double[] beyond(Edge edge, double depth, double rim, double wall, boolean wooden, long seed,
                                   int i) {
        if (edge == Edge.DESK) {
            double grain = 0.85 + 0.3 * unit(hash(seed + 3, i / 7));
            return new double[] {0.22 * grain, 0.13 * grain, 0.07 * grain};
        }
        if (depth < rim) {
            if (edge == Edge.LEDGE) {
                double face = depth < rim * 0.6 ? 0.3 : 0.06; // the lit top face, then its shadowed front
                double dust = unit(hash(seed + 4, i)) < 0.08 ? 0.3 : 0;
                return new double[] {face + dust, face + dust, face * 0.95 + dust};
            }
            return wooden ? new double[] {0.12, 0.065, 0.03} : new double[] {0.3, 0.31, 0.33};
        }
        return new double[] {wall * 1.05, wall, wall * 0.85};
    }

    /**
     * The digit as chalk writes it: the coverage spread to {@code stroke} pixels (a chalk stick's end held at a
     * slant: wider one way than the other) where the source's own stroke is thinner.
     */
    private static InkCoverage thicken(InkCoverage ink, double stroke, SplittableRandom random) {
        int w = ink.width(), h = ink.height();
        float[] c = ink.coverage();
        double area = 0, outline = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = c[y * w + x];
                area += v;
                outline += (x + 1 < w ? Math.abs(c[y * w + x + 1] - v) : 0)
                        + (y + 1 < h ? Math.abs(c[(y + 1) * w + x] - v) : 0);
            }
        }
        // The source's stroke width: its area over half its outline (summed gradients overstate a length by 4/pi).
        double own = outline > 0 ? 2 * area / (outline * Math.PI / 4) : 1;
        double grow = Math.max(0, stroke - own) / 2;
        int rx = (int) Math.round(grow * between(random, 0.6, 1)), ry = (int) Math.round(grow * between(random, 0.6,
                1));
        int pad = Math.max(rx, ry) + 2, nw = w + 2 * pad, nh = h + 2 * pad;
        float[] out = new float[nw * nh];
        for (int y = 0; y < h; y++) {
            System.arraycopy(c, y * w, out, (y + pad) * nw + pad, w);
        }
        return new InkCoverage(nw, nh, widen(widen(out, nw, nh, rx, true), nw, nh, ry, false));
    }

    /** The largest value within {@code r} pixels along rows or columns. */
    private static float[] widen(float[] in, int w, int h, int r, boolean rows) {
        if (r <= 0) {
            return in;
        }
        float[] out = new float[in.length];
        int lines = rows ? h : w, length = rows ? w : h, step = rows ? 1 : w, start = rows ? w : 1;
        for (int line = 0; line < lines; line++) {
            int base = line * start;
            for (int k = 0; k < length; k++) {
                float m = 0;
                for (int j = Math.max(0, k - r), end = Math.min(length - 1, k + r); j <= end; j++) {
                    m = Math.max(m, in[base + j * step]);
                }
                out[base + k * step] = m;
            }
        }
        return out;
    }

    /**
     * The haze an eraser leaves, 0..1 per frame pixel: ghost strokes of earlier writing and the eraser's broad
     * swipes, drawn at half size and smeared as wiping smears them.
     */
    private static float[] ghosts(int w, int h, int digitPixels, double strokeShare, SplittableRandom random) {
        int gw = (w + 1) / 2, gh = (h + 1) / 2;
        BufferedImage image = new BufferedImage(gw, gh, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int swipes = random.nextInt(5);
            for (int k = 0; k < swipes; k++) {
                g.setColor(new Color(1f, 1f, 1f, (float) between(random, 0.2, 0.6)));
                g.setStroke(new BasicStroke((float) (between(random, 0.15, 0.4) * digitPixels), BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND));
                double x = random.nextDouble() * gw, y = random.nextDouble() * gh, len = between(random, 0.3, 1) * gw;
                g.draw(new QuadCurve2D.Double(x - len / 2, y, x, y + between(random, -0.2, 0.2) * gh, x + len / 2,
                        y + between(random, -0.1, 0.1) * gh));
            }
            int strokes = random.nextInt(14);
            for (int k = 0; k < strokes; k++) {
                double size = between(random, 0.15, 0.5) * digitPixels;
                double x = random.nextDouble() * gw, y = random.nextDouble() * gh;
                g.setColor(new Color(1f, 1f, 1f, (float) between(random, 0.4, 1)));
                g.setStroke(new BasicStroke((float) Math.max(1, strokeShare * size), BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND));
                g.draw(new QuadCurve2D.Double(x, y, x + between(random, -1, 1) * size, y + between(random, -1, 1)
                        * size, x + between(random, -1, 1) * size, y + between(random, -1, 1) * size));
            }
        } finally {
            g.dispose();
        }
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        float[] half = new float[gw * gh];
        for (int i = 0; i < half.length; i++) {
            half[i] = (data[i] & 0xFF) / 255f;
        }
        soften(half, gw, gh, Math.max(1, 0.02 * digitPixels));
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = half[(y / 2) * gw + x / 2];
            }
        }
        return out;
    }

    /**
     * A blur of about {@code sigma} pixels in place: a three-tap kernel when small, else three box passes each way
     * (running sums, so the cost does not grow with the blur).
     */
    private static void soften(float[] plane, int w, int h, double sigma) {
        if (sigma < 0.8) {
            float a = (float) (sigma * sigma / 2);
            taps(plane, w, h, a, true);
            taps(plane, w, h, a, false);
            return;
        }
        int r = Math.max(1, (int) Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
        for (int pass = 0; pass < 3; pass++) {
            box(plane, w, h, r, true);
            box(plane, w, h, r, false);
        }
    }

    private static void taps(float[] plane, int w, int h, float a, boolean rows) {
        if (rows) {
            for (int y = 0; y < h; y++) {
                int base = y * w;
                float previous = plane[base];
                for (int x = 0; x < w; x++) {
                    float here = plane[base + x], next = x + 1 < w ? plane[base + x + 1] : here;
                    plane[base + x] = a * previous + (1 - 2 * a) * here + a * next;
                    previous = here;
                }
            }
            return;
        }
        float[] previous = Arrays.copyOf(plane, w), here = new float[w]; // a row at a time: cache-friendly
        for (int y = 0; y < h; y++) {
            System.arraycopy(plane, y * w, here, 0, w);
            int next = y + 1 < h ? (y + 1) * w : y * w;
            for (int x = 0; x < w; x++) {
                plane[y * w + x] = a * previous[x] + (1 - 2 * a) * here[x] + a * plane[next + x];
            }
            float[] t = previous;
            previous = here;
            here = t;
        }
    }

    private static void box(float[] plane, int w, int h, int r, boolean rows) {
        float norm = 1f / (2 * r + 1);
        if (rows) {
            float[] line = new float[w];
            for (int y = 0; y < h; y++) {
                int base = y * w;
                System.arraycopy(plane, base, line, 0, w);
                float sum = 0;
                for (int k = -r; k <= r; k++) {
                    sum += line[Math.max(0, Math.min(w - 1, k))];
                }
                for (int x = 0; x < w; x++) {
                    plane[base + x] = sum * norm;
                    sum += line[Math.min(w - 1, x + r + 1)] - line[Math.max(0, x - r)];
                }
            }
            return;
        }
        // Columns a row at a time (running sums per column): striding down columns missed the cache every pixel.
        float[] copy = plane.clone(), sum = new float[w];
        for (int k = -r; k <= r; k++) {
            int row = Math.max(0, Math.min(h - 1, k)) * w;
            for (int x = 0; x < w; x++) {
                sum[x] += copy[row + x];
            }
        }
        for (int y = 0; y < h; y++) {
            int add = Math.min(h - 1, y + r + 1) * w, drop = Math.max(0, y - r) * w, base = y * w;
            for (int x = 0; x < w; x++) {
                plane[base + x] = sum[x] * norm;
                sum[x] += copy[add + x] - copy[drop + x];
            }
        }
    }

    /** The mean along a line {@code length} pixels long: the phone moving while the shutter is open. */
    private static void smear(float[] plane, int w, int h, double length, double angle) {
        int n = (int) Math.round(length);
        int[] ox = new int[n + 1], oy = new int[n + 1];
        for (int k = 0; k <= n; k++) {
            ox[k] = (int) Math.round((k - n / 2.0) * Math.cos(angle));
            oy[k] = (int) Math.round((k - n / 2.0) * Math.sin(angle));
        }
        float[] copy = plane.clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float sum = 0;
                for (int k = 0; k <= n; k++) {
                    sum += copy[Math.max(0, Math.min(h - 1, y + oy[k])) * w + Math.max(0, Math.min(w - 1, x + ox[k]))];
                }
                plane[y * w + x] = sum / (n + 1);
            }
        }
    }

    /**
     * Bilinear enlargement of interleaved 8-bit BGR pixels, in 8-bit fixed point: Java2D's general path took most of
     * a 4032x3024 photo's time.
     */
    private static void enlarge(byte[] in, int w, int h, byte[] out, int fw, int fh) {
        int[] x0 = new int[fw], fx = new int[fw];
        for (int x = 0; x < fw; x++) {
            double u = Math.max(0, Math.min(w - 1.001, (x + 0.5) * w / fw - 0.5));
            x0[x] = (int) u;
            fx[x] = (int) Math.round((u - x0[x]) * 256);
        }
        for (int y = 0; y < fh; y++) {
            double v = Math.max(0, Math.min(h - 1.001, (y + 0.5) * h / fh - 0.5));
            int y0 = (int) v, fy = (int) Math.round((v - y0) * 256);
            int top = y0 * w * 3, bottom = (y0 + 1) * w * 3, o = y * fw * 3;
            for (int x = 0; x < fw; x++) {
                int a = top + 3 * x0[x], b = bottom + 3 * x0[x], f = fx[x];
                for (int c = 0; c < 3; c++) {
                    int upper = (in[a + c] & 0xFF) * (256 - f) + (in[a + 3 + c] & 0xFF) * f;
                    int lower = (in[b + c] & 0xFF) * (256 - f) + (in[b + 3 + c] & 0xFF) * f;
                    out[o++] = (byte) ((upper * (256 - fy) + lower * fy + (1 << 15)) >> 16);
                }
            }
        }
    }

    /** Bilinear sample of the ink at ({@code u}, {@code v}) in its own pixels, 0 outside. */
    private static double sample(InkCoverage ink, double u, double v) {
        u -= 0.5;
        v -= 0.5;
        int x0 = (int) Math.floor(u), y0 = (int) Math.floor(v), iw = ink.width(), ih = ink.height();
        if (x0 < -1 || y0 < -1 || x0 >= iw || y0 >= ih) {
            return 0;
        }
        double fx = u - x0, fy = v - y0, sum = 0;
        float[] c = ink.coverage();
        for (int k = 0; k < 4; k++) {
            int x = x0 + (k & 1), y = y0 + (k >> 1);
            if (x >= 0 && y >= 0 && x < iw && y < ih) {
                sum += ((k & 1) == 1 ? fx : 1 - fx) * ((k >> 1) == 1 ? fy : 1 - fy) * c[y * iw + x];
            }
        }
        return sum;
    }

    /** Smooth value noise in 0..1 on a unit lattice. */
    private static double valueNoise(long seed, double u, double v) {
        long i = (long) Math.floor(u), j = (long) Math.floor(v);
        double fx = u - i, fy = v - j;
        fx = fx * fx * (3 - 2 * fx);
        fy = fy * fy * (3 - 2 * fy);
        long row = j * 0x632BE59BD9B4E019L, next = (j + 1) * 0x632BE59BD9B4E019L;
        double top = unit(hash(seed, i + row)) * (1 - fx) + unit(hash(seed, i + 1 + row)) * fx;
        double bottom = unit(hash(seed, i + next)) * (1 - fx) + unit(hash(seed, i + 1 + next)) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static long hash(long seed, long i) {
        long z = seed + i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    /** A linear value to an sRGB level with {@code noise} levels added, as the sensor's grain shows in the dark. */
    private static int level(float linear, double noise) {
        int index = (int) (Math.max(0, Math.min(1, linear)) * 4096);
        return (int) Math.max(0, Math.min(255, Math.round(TO_SRGB[index] + noise)));
    }

    private static float[] toSrgb() {
        float[] table = new float[4097];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) (255 * Math.pow(i / 4096.0, 1 / 2.2));
        }
        return table;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** Near enough a standard normal: four 16-bit uniforms of one draw summed. */
    private static double gaussianish(SplittableRandom random) {
        long bits = random.nextLong();
        int sum = (int) (bits & 0xFFFF) + (int) (bits >>> 16 & 0xFFFF) + (int) (bits >>> 32 & 0xFFFF)
                + (int) (bits >>> 48);
        return (sum / 65536.0 - 2) * Math.sqrt(3);
    }

    private static double between(SplittableRandom random, double min, double max) {
        return min + random.nextDouble() * (max - min);
    }
}
