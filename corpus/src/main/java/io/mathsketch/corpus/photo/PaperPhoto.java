package io.mathsketch.corpus.photo;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * Renders a photo of a digit written on paper: the paper with its colour and blotchy texture, the ink laid on it
 * (pencil broken by grain), specks, sometimes the desk along one edge; then the light (exposure, a gradient across the
 * frame, vignetting, a cast shadow with a soft edge), the lens (Gaussian blur) and the sensor (luminance and colour
 * grain). Works on three float planes of the frame, no per-pixel objects; the JPEG step is {@link Photo#jpeg()}'s.
 */
final class PaperPhoto {

    private static final int NOISE_TABLE = 1 << 12;

    private final PhotoConditions c;
    private final SplittableRandom random;
    private final int width, height;
    private final float[] red, green, blue;
    private final float[] gaussian = new float[NOISE_TABLE];

    PaperPhoto(PhotoConditions conditions, SplittableRandom random) {
        this.c = conditions;
        this.random = random;
        this.width = conditions.width();
        this.height = conditions.height();
        this.red = new float[width * height];
        this.green = new float[width * height];
        this.blue = new float[width * height];
        for (int i = 0; i < NOISE_TABLE; i++) {
            gaussian[i] = (float) random.nextGaussian();
        }
    }

    /** The photo, with the digit's box (top-left x, y) in {@code box} as the digit was placed. */
    BufferedImage render(InkCoverage digit, int[] box) {
        paper();
        desk();
        // Anywhere, but not cut by the frame: a margin of 4% of the shorter side, as someone aiming a phone leaves.
        int margin = Math.min(width, height) / 25;
        int x0 = margin + (int) Math.round(c.digitX() * Math.max(0, width - 2 * margin - digit.width()));
        int y0 = margin + (int) Math.round(c.digitY() * Math.max(0, height - 2 * margin - digit.height()));
        box[0] = x0;
        box[1] = y0;
        ink(digit, x0, y0);
        specks();
        light();
        if (c.blur() > 0.3) {
            blur(red);
            blur(green);
            blur(blue);
        }
        return sensor();
    }

    private void paper() {
        ValueNoise texture = new ValueNoise(width, height, c.textureCell(), random);
        Paper p = c.paper();
        float r = p.red + jitter(), g = p.green + jitter(), b = p.blue + jitter();
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                float t = (float) (1 + c.textureAmount() * texture.at(x, y));
                red[i] = r * t;
                green[i] = g * t;
                blue[i] = b * t;
            }
        }
    }

    private float jitter() {
        return (float) (random.nextDouble() * 12 - 6);
    }

    /** A dark strip along one side: the desk or table beyond the sheet's edge, with an uneven border. */
    private void desk() {
        if (c.edgeSide() == 0) {
            return;
        }
        boolean horizontal = c.edgeSide() % 2 == 1; // top or bottom
        int across = horizontal ? height : width;
        int along = horizontal ? width : height;
        double base = c.edgeWidth() * across;
        double tilt = (random.nextDouble() - 0.5) * 0.06 * across;
        float r = 70 + jitter() * 3, g = 58 + jitter() * 3, b = 48 + jitter() * 3;
        for (int a = 0; a < along; a++) {
            int depth = (int) Math.round(base + tilt * a / along);
            for (int d = 0; d < depth && d < across; d++) {
                int x, y;
                switch (c.edgeSide()) {
                    case 1 -> { x = a; y = d; }
                    case 2 -> { x = width - 1 - d; y = a; }
                    case 3 -> { x = a; y = height - 1 - d; }
                    default -> { x = d; y = a; }
                }
                int i = y * width + x;
                red[i] = r;
                green[i] = g;
                blue[i] = b;
            }
        }
    }

    /** Ink takes away a share of the paper's light per channel, as a transparent dye would. */
    private void ink(InkCoverage digit, int x0, int y0) {
        Pen pen = c.pen();
        float kr = 1 - pen.red / 255f, kg = 1 - pen.green / 255f, kb = 1 - pen.blue / 255f;
        float[] cov = digit.coverage();
        for (int y = 0; y < digit.height(); y++) {
            int fy = y0 + y;
            if (fy < 0 || fy >= height) {
                continue;
            }
            for (int x = 0; x < digit.width(); x++) {
                int fx = x0 + x;
                float v = cov[y * digit.width() + x];
                if (fx < 0 || fx >= width || v <= 0) {
                    continue;
                }
                float alpha = (float) (v * pen.opacity * c.pressure());
                if (pen.grainy) {
                    alpha *= 0.55f + 0.45f * (float) random.nextDouble();
                }
                int i = fy * width + fx;
                red[i] *= 1 - alpha * kr;
                green[i] *= 1 - alpha * kg;
                blue[i] *= 1 - alpha * kb;
            }
        }
    }

    /** Small dark flecks with soft edges anywhere in the frame, the digit's neighbourhood included. */
    private void specks() {
        for (int s = 0; s < c.specks(); s++) {
            double cx = random.nextDouble() * width, cy = random.nextDouble() * height;
            double radius = 0.5 + random.nextDouble() * 2;
            double dark = 0.3 + random.nextDouble() * 0.5;
            int x0 = (int) Math.floor(cx - radius - 1), x1 = (int) Math.ceil(cx + radius + 1);
            int y0 = (int) Math.floor(cy - radius - 1), y1 = (int) Math.ceil(cy + radius + 1);
            for (int y = Math.max(0, y0); y <= Math.min(height - 1, y1); y++) {
                for (int x = Math.max(0, x0); x <= Math.min(width - 1, x1); x++) {
                    double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                    double cover = Math.max(0, Math.min(1, radius + 0.5 - d));
                    float keep = (float) (1 - dark * cover);
                    int i = y * width + x;
                    red[i] *= keep;
                    green[i] *= keep;
                    blue[i] *= keep;
                }
            }
        }
    }

    private void light() {
        double cx = width / 2.0, cy = height / 2.0;
        double halfDiagonal = Math.hypot(cx, cy);
        double gx = Math.cos(c.gradientAngle()), gy = Math.sin(c.gradientAngle());
        double sx = Math.cos(c.shadowAngle()), sy = Math.sin(c.shadowAngle());
        double shadowAt = c.shadowOffset() * Math.min(width, height);
        double soft = c.shadowSoftness();
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++, i++) {
                double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
                double along = (dx * gx + dy * gy) / halfDiagonal; // -1..1
                double light = c.exposure() * (1 - c.gradient() * (along + 1) / 2);
                double r2 = (dx * dx + dy * dy) / (halfDiagonal * halfDiagonal);
                light *= 1 - c.vignette() * r2;
                if (c.shadowDepth() < 1) {
                    double d = dx * sx + dy * sy - shadowAt;
                    double t = Math.max(0, Math.min(1, d / soft + 0.5));
                    t = t * t * (3 - 2 * t);
                    light *= c.shadowDepth() + (1 - c.shadowDepth()) * t;
                }
                float l = (float) light;
                red[i] *= l;
                green[i] *= l;
                blue[i] *= l;
            }
        }
    }

    /** Separable Gaussian blur in place (edges clamped). */
    private void blur(float[] plane) {
        double sigma = c.blur();
        int radius = (int) Math.ceil(3 * sigma);
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] = (float) Math.exp(-k * k / (2 * sigma * sigma));
            sum += kernel[k + radius];
        }
        for (int k = 0; k < kernel.length; k++) {
            kernel[k] /= (float) sum;
        }
        float[] line = new float[Math.max(width, height)];
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    acc += kernel[k + radius] * plane[row + Math.max(0, Math.min(width - 1, x + k))];
                }
                line[x] = acc;
            }
            System.arraycopy(line, 0, plane, row, width);
        }
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                float acc = 0;
                for (int k = -radius; k <= radius; k++) {
                    acc += kernel[k + radius] * plane[Math.max(0, Math.min(height - 1, y + k)) * width + x];
                }
                line[y] = acc;
            }
            for (int y = 0; y < height; y++) {
                plane[y * width + x] = line[y];
            }
        }
    }

    /** Luminance grain plus a third as much colour grain, then 8-bit RGB. */
    private BufferedImage sensor() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        float grain = (float) c.grain(), chroma = grain / 3;
        int mask = NOISE_TABLE - 1;
        for (int i = 0; i < out.length; i++) {
            float n = grain * gaussian[random.nextInt() & mask];
            int r = clamp(red[i] + n + chroma * gaussian[random.nextInt() & mask]);
            int g = clamp(green[i] + n + chroma * gaussian[random.nextInt() & mask]);
            int b = clamp(blue[i] + n + chroma * gaussian[random.nextInt() & mask]);
            out[i] = r << 16 | g << 8 | b;
        }
        return image;
    }

    private static int clamp(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }

    /** Smooth random blotches: random values on a coarse grid, bilinearly interpolated, in [-1, 1]. */
    private static final class ValueNoise {
        private final int gridWidth;
        private final double cell;
        private final float[] grid;

        ValueNoise(int width, int height, double cell, SplittableRandom random) {
            this.cell = cell;
            this.gridWidth = (int) Math.ceil(width / cell) + 2;
            int gridHeight = (int) Math.ceil(height / cell) + 2;
            this.grid = new float[gridWidth * gridHeight];
            for (int i = 0; i < grid.length; i++) {
                grid[i] = (float) (random.nextDouble() * 2 - 1);
            }
        }

        double at(int x, int y) {
            double gx = x / cell, gy = y / cell;
            int ix = (int) gx, iy = (int) gy;
            double fx = gx - ix, fy = gy - iy;
            int i = iy * gridWidth + ix;
            double top = grid[i] * (1 - fx) + grid[i + 1] * fx;
            double bottom = grid[i + gridWidth] * (1 - fx) + grid[i + gridWidth + 1] * fx;
            return top * (1 - fy) + bottom * fy;
        }
    }
}
