package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import io.mathsketch.engine.mnist.MnistImages;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * How much of each pixel a written digit covers, 0..1, in a box of its own: what is laid on the paper before light
 * and camera do their work. Made from an MNIST digit (scaled up and sharpened to a pen's edge, since MNIST's grey
 * fringe is the scanner's, not the pen's) or from generated pen strokes.
 */
public record InkCoverage(int width, int height, float[] coverage) {

    public InkCoverage {
        if (width <= 0 || height <= 0 || coverage.length != width * height) {
            throw new IllegalArgumentException("coverage of " + coverage.length + " values does not fit " + width
                    + "x" + height);
        }
    }

    /** MNIST image {@code i} scaled so that its ink is {@code digitHeight} pixels tall. */
    public static InkCoverage mnist(MnistImages images, int i, int digitHeight) {
        float[] tile = images.ink(i).ink();
        int side = images.rows();
        int top = side, bottom = -1;
        for (int p = 0; p < tile.length; p++) {
            if (tile[p] > 0.1f) {
                top = Math.min(top, p / side);
                bottom = p / side;
            }
        }
        double scale = (double) digitHeight / Math.max(1, bottom - top + 1);
        int size = Math.max(1, (int) Math.round(side * scale));
        BufferedImage small = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < tile.length; p++) {
            small.getRaster().setSample(p % side, p / side, 0, Math.round(tile[p] * 255));
        }
        BufferedImage large = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = large.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.drawImage(small, 0, 0, size, size, null);
        } finally {
            g.dispose();
        }
        float[] coverage = new float[size * size];
        int[] row = new int[size];
        for (int y = 0; y < size; y++) {
            large.getRaster().getSamples(0, y, size, 1, 0, row);
            for (int x = 0; x < size; x++) {
                // A pen's edge: MNIST's 0.3..0.7 grey band becomes the stroke's anti-aliased boundary.
                coverage[y * size + x] = (float) Math.max(0, Math.min(1, (row[x] / 255.0 - 0.3) / 0.4));
            }
        }
        return new InkCoverage(size, size, coverage);
    }

    /** Pen strokes scaled so that the ink (with its pen width) is {@code digitHeight} pixels tall. */
    public static InkCoverage strokes(Ink ink, int digitHeight) {
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Stroke s : ink.strokes()) {
            for (int k = 0; k < s.size(); k++) {
                minX = Math.min(minX, s.x()[k]);
                maxX = Math.max(maxX, s.x()[k]);
                minY = Math.min(minY, s.y()[k]);
                maxY = Math.max(maxY, s.y()[k]);
            }
        }
        double half = ink.penWidth() / 2;
        double scale = digitHeight / (maxY - minY + 2 * half);
        int margin = 2;
        int width = (int) Math.ceil((maxX - minX + 2 * half) * scale) + 2 * margin;
        int height = digitHeight + 2 * margin;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE); // coverage is drawn as light on black
            g.translate(margin, margin);
            g.scale(scale, scale);
            g.translate(half - minX, half - minY);
            new CanvasRasterizer().paint(g, ink);
        } finally {
            g.dispose();
        }
        float[] coverage = new float[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRaster().getSamples(0, y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                coverage[y * width + x] = row[x] / 255f;
            }
        }
        return new InkCoverage(width, height, coverage);
    }

    /**
     * The ink of a canvas export (dark ink on an opaque light canvas, as the drawing page and the numbers writer
     * export it): 1 - luminance / 255 per pixel, cropped to the ink's box with a two-pixel margin.
     */
    public static InkCoverage canvas(byte[] png) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (image == null) {
            throw new IllegalArgumentException("not an image ImageIO reads");
        }
        int w = image.getWidth(), h = image.getHeight();
        float[] all = new float[w * h];
        int minX = w, minY = h, maxX = -1, maxY = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                double luminance = 0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF);
                float v = (float) (1 - luminance / 255);
                all[y * w + x] = v;
                if (v > 0.02f) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            throw new IllegalArgumentException("a canvas without ink");
        }
        int margin = 2;
        int cw = maxX - minX + 1 + 2 * margin, ch = maxY - minY + 1 + 2 * margin;
        float[] out = new float[cw * ch];
        for (int y = minY; y <= maxY; y++) {
            System.arraycopy(all, y * w + minX, out, (y - minY + margin) * cw + margin, maxX - minX + 1);
        }
        return new InkCoverage(cw, ch, out);
    }

    /**
     * This coverage resampled to {@code newWidth x newHeight}: each new pixel the mean of a grid of bilinear samples
     * over its footprint (enough of them to cover every source pixel when shrinking), so a line keeps its darkness
     * whichever way it is scaled.
     */
    public InkCoverage scaled(int newWidth, int newHeight) {
        double sx = (double) width / newWidth, sy = (double) height / newHeight;
        int nx = Math.max(1, (int) Math.ceil(sx)) + 1, ny = Math.max(1, (int) Math.ceil(sy)) + 1;
        float[] out = new float[newWidth * newHeight];
        for (int y = 0; y < newHeight; y++) {
            for (int x = 0; x < newWidth; x++) {
                double sum = 0;
                for (int j = 0; j < ny; j++) {
                    double v = (y + (j + 0.5) / ny) * sy - 0.5;
                    for (int i = 0; i < nx; i++) {
                        sum += bilinear((x + (i + 0.5) / nx) * sx - 0.5, v);
                    }
                }
                out[y * newWidth + x] = (float) (sum / (nx * ny));
            }
        }
        return new InkCoverage(newWidth, newHeight, out);
    }

    private double bilinear(double u, double v) {
        int x0 = (int) Math.floor(u), y0 = (int) Math.floor(v);
        double fx = u - x0, fy = v - y0, sum = 0;
        for (int k = 0; k < 4; k++) {
            int x = x0 + (k & 1), y = y0 + (k >> 1);
            if (x >= 0 && y >= 0 && x < width && y < height) {
                sum += ((k & 1) == 1 ? fx : 1 - fx) * ((k >> 1) == 1 ? fy : 1 - fy) * coverage[y * width + x];
            }
        }
        return sum;
    }
}
