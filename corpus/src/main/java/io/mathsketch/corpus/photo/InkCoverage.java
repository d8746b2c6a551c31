package io.mathsketch.corpus.photo;

import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import io.mathsketch.engine.mnist.MnistImages;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

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
}
