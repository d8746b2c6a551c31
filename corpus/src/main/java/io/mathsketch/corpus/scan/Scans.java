package io.mathsketch.corpus.scan;

import io.mathsketch.corpus.photo.Encoding;
import io.mathsketch.corpus.photo.GaussianBlur;
import io.mathsketch.corpus.photo.InkCoverage;
import io.mathsketch.corpus.photo.InkSource;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scans of an A4 page with one handwritten digit on it, as a flatbed scanner or a phone's scanner app sends them: a
 * chain written apart from {@code corpus.photo} and {@code corpus.snapshot} (no shared code or condition list; the
 * digits' ink comes from {@link InkCoverage}). Scan {@code i} depends only on the seed, {@code i} and its source.
 * Per scan, drawn independently:
 * <ul>
 *   <li><b>resolution</b>: 150, 200 or 300 dpi; the frame is the A4 page (210x297 mm) as a scanner app crops it, or
 *       a flatbed's 216x297 mm glass with the page laid on it up to 4 mm off and turned up to 1.5 degrees
 *       ({@link Bed});</li>
 *   <li><b>digit</b>: 6-12 mm high, turned up to 6 degrees, in black or blue ballpoint or pencil ({@link Pen});</li>
 *   <li><b>page</b> ({@link Layout}): plain; ruled (light blue lines every 8 mm, a red margin line, the digit sitting
 *       on a line); or a printed form's box around the digit (0.2-0.5 mm black line, 0.3-3 mm clear of the ink);
 *       a quarter of the pages punched with two filing holes the bed shows through; up to six specks of dust;</li>
 *   <li><b>scanner</b>: white point 0.9-0.99, the optics' blur (sigma 0.3-0.7 px), sensor noise, gamma 2.2;</li>
 *   <li><b>file</b> ({@link Format}): 1-bit PNG (a global threshold, as "black and white" or "line art" modes
 *       make it), a 16-grey palette PNG, an 8-bit grey PNG or a grey JPEG at quality 0.7-0.92.</li>
 * </ul>
 */
public final class Scans {

    /** The seed of the held-out set measured by {@code ScanQualityTest}. */
    public static final long TEST_SEED = 0x5CA4_0011L;
    /** The seed of the set to tune on ({@code ScanTuning}: other MNIST digits, other drawings). */
    public static final long TUNING_SEED = 0x5CA4_0021L;

    private static final double MM_PER_INCH = 25.4;
    private static final double PAGE_W = 210, PAGE_H = 297, GLASS_W = 216, GLASS_H = 297;
    private static final int[] DPI = {150, 200, 300};
    private static final int GAMMA_STEPS = 4096;

    /** How the page's surroundings show. */
    public enum Bed {
        /** A scanner app's output: the page cropped and straightened, only the page in the frame. */
        CROPPED,
        /** A flatbed with its white lid: light grey beyond the page, a thin shadow along its edge. */
        WHITE_LID,
        /** A flatbed or document feeder with a black backing: black beyond the page. */
        BLACK_BACKING
    }

    /** What is printed on the page. */
    public enum Layout { PLAIN, RULED, FORM_BOX }

    /** Pens, as the scanner's grey reflectance of a full stroke. */
    public enum Pen { BLACK_BALLPOINT, BLUE_BALLPOINT, PENCIL }

    /** The file a scanner writes. */
    public enum Format { BILEVEL_PNG, PALETTE_PNG, GREY_PNG, GREY_JPEG }

    /** One scan: the file's bytes and what it shows. */
    public record Scan(int label, String source, int dpi, Bed bed, Layout layout, Pen pen, Format format,
                       boolean punched, int width, int height, int digitPixels, byte[] bytes) {
        @Override
        public String toString() {
            return label + " from " + source + ": " + width + "x" + height + " at " + dpi + " dpi, digit "
                    + digitPixels + " px, " + bed + ", " + layout + ", " + pen + ", " + format
                    + (punched ? ", punched" : "");
        }

        /** This scan without the file's bytes: what a report keeps of it. */
        public Scan withoutBytes() {
            return new Scan(label, source, dpi, bed, layout, pen, format, punched, width, height, digitPixels,
                    new byte[0]);
        }
    }

    private final long seed;
    private final List<InkSource> sources;

    public Scans(long seed, List<InkSource> sources) {
        this.seed = seed;
        this.sources = List.copyOf(sources);
    }

    public int size() {
        return sources.size();
    }

    /** The scan of source {@code index}. */
    public Scan scan(int index) {
        InkSource source = sources.get(index);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int dpi = DPI[random.nextInt(DPI.length)];
        double px = dpi / MM_PER_INCH; // pixels per mm
        Bed bed = Bed.values()[random.nextInt(Bed.values().length)];
        Layout layout = Layout.values()[random.nextInt(Layout.values().length)];
        Pen pen = Pen.values()[random.nextInt(Pen.values().length)];
        Format format = Format.values()[random.nextInt(Format.values().length)];
        boolean punched = random.nextInt(4) == 0;

        // Where the page lies on the glass (mm), and how far it is turned.
        double frameW = bed == Bed.CROPPED ? PAGE_W : GLASS_W, frameH = bed == Bed.CROPPED ? PAGE_H : GLASS_H;
        double pageX = bed == Bed.CROPPED ? 0 : between(random, 0, 4);
        double pageY = bed == Bed.CROPPED ? 0 : between(random, -2, 3);
        double skew = Math.toRadians(bed == Bed.CROPPED ? between(random, -0.5, 0.5) : between(random, -1.5, 1.5));
        int w = (int) Math.round(frameW * px), h = (int) Math.round(frameH * px);

        // The digit: its ink at scale, where its centre lies on the page (mm), its own turn.
        double digitMm = between(random, 6, 12);
        int digitPixels = (int) Math.round(digitMm * px);
        InkCoverage ink = source.ink().apply(digitPixels);
        double inkW = ink.width() / px, inkH = ink.height() / px; // mm
        double turn = Math.toRadians(between(random, -6, 6));
        double dcx = between(random, 30, PAGE_W - 30), dcy = between(random, 35, PAGE_H - 35);
        double ruleStep = 8, ruleTop = between(random, 25, 35), marginX = between(random, 22, 32);
        if (layout == Layout.RULED) { // written on a line, right of the margin
            dcx = between(random, marginX + inkW, PAGE_W - 20);
            int line = 2 + random.nextInt((int) ((PAGE_H - ruleTop - 20) / ruleStep) - 2);
            dcy = ruleTop + line * ruleStep - digitMm / 2 - between(random, 0, 1.2);
        }
        double boxW = Math.max(inkW, digitMm * 0.7) + 2 * between(random, 0.3, 3);
        double boxH = digitMm + 2 * between(random, 0.3, 3);
        double boxLine = between(random, 0.2, 0.5);
        double boxX = dcx - boxW / 2 + between(random, -0.3, 0.3), boxY = dcy - boxH / 2 + between(random, -0.3, 0.3);
        double ruleLine = between(random, 0.15, 0.3);
        double inkLevel = switch (pen) {
            case BLACK_BALLPOINT -> between(random, 0.06, 0.18);
            case BLUE_BALLPOINT -> between(random, 0.18, 0.32);
            case PENCIL -> between(random, 0.3, 0.45);
        };
        double white = between(random, 0.9, 0.99);
        double noise = between(random, 0.004, 0.015);
        double blur = between(random, 0.3, 0.7);
        double[][] dust = new double[random.nextInt(7)][];
        for (int k = 0; k < dust.length; k++) {
            dust[k] = new double[] {random.nextDouble() * w, random.nextDouble() * h, between(random, 0.6, 2)};
        }
        double beyond = bed == Bed.BLACK_BACKING ? 0.03 : between(random, 0.7, 0.85);

        float[] plane = new float[w * h];
        double cos = Math.cos(skew), sin = Math.sin(skew);
        double tcos = Math.cos(turn), tsin = Math.sin(turn);
        for (int y = 0; y < h; y++) {
            double gy = (y + 0.5) / px - pageY;
            for (int x = 0; x < w; x++) {
                double gx = (x + 0.5) / px - pageX;
                double sx = cos * gx + sin * gy, sy = -sin * gx + cos * gy; // on the page, mm
                double value;
                if (sx < 0 || sy < 0 || sx > PAGE_W || sy > PAGE_H || punched && hole(sx, sy)) {
                    // The lid's shadow along the page's edge; the backing is dark anyway.
                    double edge = Math.min(Math.min(Math.abs(sx), Math.abs(sy)),
                            Math.min(Math.abs(sx - PAGE_W), Math.abs(sy - PAGE_H)));
                    value = bed == Bed.WHITE_LID && edge < 0.6 ? 0.45 : beyond;
                } else {
                    value = white;
                    if (layout == Layout.RULED) {
                        double d = sy - ruleTop - ruleStep * Math.rint((sy - ruleTop) / ruleStep);
                        value *= 1 - 0.22 * cover(Math.abs(d), ruleLine, px); // light blue: grey to the scanner
                        value *= 1 - 0.45 * cover(Math.abs(sx - marginX), ruleLine * 1.5, px); // red
                    } else if (layout == Layout.FORM_BOX) {
                        if (sx > boxX - 1 && sx < boxX + boxW + 1 && sy > boxY - 1 && sy < boxY + boxH + 1) {
                            value *= 1 - 0.9 * cover(outline(sx, sy, boxX, boxY, boxW, boxH), boxLine, px);
                        }
                    }
                    double ddx = sx - dcx, ddy = sy - dcy;
                    if (Math.abs(ddx) < inkW + inkH && Math.abs(ddy) < inkW + inkH) {
                        double u = (tcos * ddx + tsin * ddy) * px + ink.width() / 2.0;
                        double v = (-tsin * ddx + tcos * ddy) * px + ink.height() / 2.0;
                        double c = sample(ink, u, v);
                        value = value * (1 - c) + inkLevel * white * c;
                    }
                }
                plane[y * w + x] = (float) value;
            }
        }
        for (double[] speck : dust) {
            int r = (int) Math.ceil(speck[2]);
            for (int y = (int) speck[1] - r; y <= speck[1] + r; y++) {
                for (int x = (int) speck[0] - r; x <= speck[0] + r; x++) {
                    if (x >= 0 && y >= 0 && x < w && y < h
                            && Math.hypot(x - speck[0], y - speck[1]) <= speck[2]) {
                        plane[y * w + x] *= 0.15f;
                    }
                }
            }
        }
        GaussianBlur.inPlace(plane, w, h, blur);
        byte[] gamma = new byte[GAMMA_STEPS + 1]; // a table: a power per pixel is most of a large page's time
        for (int k = 0; k <= GAMMA_STEPS; k++) {
            gamma[k] = (byte) Math.round(255 * Math.pow((double) k / GAMMA_STEPS, 1 / 2.2));
        }
        byte[] grey = new byte[w * h];
        for (int i = 0; i < grey.length; i++) {
            // Four 16-bit uniforms of one draw summed: near enough a Gaussian (sigma 1), at a quarter of the cost.
            long bits = random.nextLong();
            int sum = (int) (bits & 0xFFFF) + (int) (bits >>> 16 & 0xFFFF) + (int) (bits >>> 32 & 0xFFFF)
                    + (int) (bits >>> 48);
            double v = plane[i] + noise * (sum / 65536.0 - 2) * Math.sqrt(3);
            grey[i] = gamma[(int) Math.round(GAMMA_STEPS * Math.max(0, Math.min(1, v)))];
        }
        byte[] bytes = switch (format) {
            case BILEVEL_PNG -> Encoding.png(bilevel(grey, w, h, (int) between(random, 110, 160)));
            case PALETTE_PNG -> Encoding.png(palette(grey, w, h));
            case GREY_PNG -> Encoding.png(greyImage(grey, w, h));
            case GREY_JPEG -> Encoding.jpeg(greyImage(grey, w, h), (float) between(random, 0.7, 0.92));
        };
        return new Scan(source.label(), source.name(), dpi, bed, layout, pen, format, punched, w, h, digitPixels,
                bytes);
    }

    /** Two filing holes, 6 mm across, 12 mm from the left edge, a third and two thirds down. */
    private static boolean hole(double x, double y) {
        return Math.hypot(x - 12, y - PAGE_H / 3) < 3 || Math.hypot(x - 12, y - 2 * PAGE_H / 3) < 3;
    }

    /** Distance (mm) from a point to the outline of a rectangle, inside or out. */
    private static double outline(double x, double y, double left, double top, double width, double height) {
        double dx = Math.max(Math.max(left - x, 0), x - left - width), dy = Math.max(Math.max(top - y, 0),
                y - top - height);
        if (dx > 0 || dy > 0) {
            return Math.hypot(dx, dy);
        }
        return Math.min(Math.min(x - left, left + width - x), Math.min(y - top, top + height - y));
    }

    /** How much of a pixel a line {@code width} mm wide covers at {@code distance} mm from its middle. */
    private static double cover(double distance, double width, double px) {
        return Math.max(0, Math.min(1, (width / 2 - distance) * px + 0.5));
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

    /** A 1-bit image: black where the grey level is under {@code threshold}. */
    private static BufferedImage bilevel(byte[] grey, int w, int h, int threshold) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        var raster = image.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = (grey[y * w + x] & 0xFF) < threshold ? 0 : 1;
            }
            raster.setSamples(0, y, w, 1, 0, row);
        }
        return image;
    }

    /** A 4-bit palette of 16 evenly spaced greys, each pixel the nearest. */
    private static BufferedImage palette(byte[] grey, int w, int h) {
        byte[] levels = new byte[16];
        for (int k = 0; k < 16; k++) {
            levels[k] = (byte) (k * 17);
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY,
                new IndexColorModel(4, 16, levels, levels, levels));
        var raster = image.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = Math.round((grey[y * w + x] & 0xFF) / 17f);
            }
            raster.setSamples(0, y, w, 1, 0, row);
        }
        return image;
    }

    private static BufferedImage greyImage(byte[] grey, int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, w, h, grey);
        return image;
    }


    private static double between(SplittableRandom random, double min, double max) {
        return min + random.nextDouble() * (max - min);
    }
}
