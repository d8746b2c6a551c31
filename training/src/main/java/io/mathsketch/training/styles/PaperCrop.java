package io.mathsketch.training.styles;

import io.mathsketch.corpus.photo.Encoding;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.engine.image.Ink;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.SplittableRandom;

/**
 * A digit as a user sends a photo of paper cropped to 28x28: the ink is drawn anti-aliased at page resolution, a
 * loose, off-centre square around it is averaged down to 28x28 (a camera's coarse sampling), then shown as grey ink
 * on grey paper with a faint illumination gradient, a slight blur and sensor noise, and saved as PNG or JPEG. The
 * engine then decodes and centres it like any upload. Mild on purpose: the gradient and noise stay below what the
 * engine's ink threshold would take for ink, as on a reasonable photo.
 */
public final class PaperCrop {

    public static final int SIDE = 28;

    private final CanvasRasterizer canvas = new CanvasRasterizer();

    /** The encoded 28x28 crop of {@code ink}; the same random state gives the same bytes. */
    public byte[] encode(Ink ink, SplittableRandom random) {
        float[] darkness = darkness(canvas.draw(ink));
        int side = (int) Math.ceil(ink.width());
        int[] box = inkBox(darkness, side);
        float[] crop = crop(darkness, side, box, random);
        byte[] grey = photograph(crop, random);
        return random.nextDouble() < 0.5 ? Encoding.png(grey(grey))
                : Encoding.jpeg(grey(grey), 0.75f + 0.2f * (float) random.nextDouble());
    }

    private static float[] darkness(BufferedImage image) {
        int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int side = image.getWidth();
        float[] out = new float[side * side];
        for (int i = 0; i < out.length && i < argb.length; i++) {
            out[i] = 1f - (argb[i] & 0xFF) / 255f;
        }
        return out;
    }

    /** {minX, minY, maxX, maxY} of the pixels with any visible ink. */
    private static int[] inkBox(float[] darkness, int side) {
        int minX = side, minY = side, maxX = -1, maxY = -1;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (darkness[y * side + x] > 0.1f) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return new int[] {minX, minY, maxX, maxY};
    }

    /** A square around the ink with a random margin and offset, averaged down to 28x28 (outside the page is paper). */
    private static float[] crop(float[] darkness, int side, int[] box, SplittableRandom random) {
        double w = box[2] - box[0] + 1, h = box[3] - box[1] + 1;
        double square = Math.max(w, h) * (1.15 + 0.45 * random.nextDouble());
        double cx = (box[0] + box[2] + 1) / 2.0 + (random.nextDouble() - 0.5) * (square - w) * 0.6;
        double cy = (box[1] + box[3] + 1) / 2.0 + (random.nextDouble() - 0.5) * (square - h) * 0.6;
        double x0 = cx - square / 2, y0 = cy - square / 2, cell = square / SIDE;
        int sub = 4;
        float[] out = new float[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double sum = 0;
                for (int sy = 0; sy < sub; sy++) {
                    for (int sx = 0; sx < sub; sx++) {
                        int px = (int) Math.floor(x0 + (x + (sx + 0.5) / sub) * cell);
                        int py = (int) Math.floor(y0 + (y + (sy + 0.5) / sub) * cell);
                        if (px >= 0 && py >= 0 && px < side && py < side) {
                            sum += darkness[py * side + px];
                        }
                    }
                }
                out[y * SIDE + x] = (float) (sum / (sub * sub));
            }
        }
        return out;
    }

    /** Grey ink on grey paper: level, contrast, gradient, blur and noise of a phone photo. */
    private static byte[] photograph(float[] ink, SplittableRandom random) {
        double paper = 170 + 70 * random.nextDouble();
        double inkLevel = 15 + Math.min(paper - 90, 90) * random.nextDouble();
        double gradient = 6 * random.nextDouble(), angle = 2 * Math.PI * random.nextDouble();
        double gx = Math.cos(angle) * gradient / SIDE, gy = Math.sin(angle) * gradient / SIDE;
        float[] blurred = random.nextDouble() < 0.6 ? blur(ink, 0.15f + 0.2f * (float) random.nextDouble()) : ink;
        double noise = 2.5 * random.nextDouble();
        byte[] out = new byte[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double d = Math.min(1, blurred[y * SIDE + x]);
                double light = paper + gx * (x - SIDE / 2.0) + gy * (y - SIDE / 2.0);
                double v = light * (1 - d) + inkLevel * d + noise * random.nextGaussian();
                out[y * SIDE + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
            }
        }
        return out;
    }

    /** A 3x3 blur that moves {@code weight} of each pixel to its four neighbours. */
    private static float[] blur(float[] in, float weight) {
        float[] out = new float[in.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                float sum = 0;
                int n = 0;
                int[][] around = {{x - 1, y}, {x + 1, y}, {x, y - 1}, {x, y + 1}};
                for (int[] p : around) {
                    if (p[0] >= 0 && p[1] >= 0 && p[0] < SIDE && p[1] < SIDE) {
                        sum += in[p[1] * SIDE + p[0]];
                        n++;
                    }
                }
                out[y * SIDE + x] = (1 - weight) * in[y * SIDE + x] + weight * sum / n;
            }
        }
        return out;
    }

    private static BufferedImage grey(byte[] pixels) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        System.arraycopy(pixels, 0, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), 0, pixels.length);
        return image;
    }
}
