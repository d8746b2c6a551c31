package io.mathsketch.benchmarks;

import io.mathsketch.corpus.photo.Encoding;
import io.mathsketch.corpus.render.PageSurface;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The encoded images the benchmarks feed in, generated deterministically: what a browser canvas exports (RGBA PNG,
 * transparent background, anti-aliased black strokes), an MNIST-sized greyscale PNG, a phone photo of a digit on
 * paper (JPEG with lighting gradient and sensor noise) and a number written on a wide canvas.
 */
public final class SampleImages {

    /** The canvas side of the web UI. */
    public static final int CANVAS = PageSurface.DIGIT_WIDTH;

    private SampleImages() {
    }

    /** Writes the samples into a folder, for load generators outside the JVM: {@code SampleImages <dir>}. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args.length == 1 ? args[0] : "."));
        Files.write(dir.resolve("canvas.png"), canvasPng(3));
        Files.write(dir.resolve("mnist28.png"), mnistPng(3));
        Files.write(dir.resolve("photo.jpg"), photoJpeg(3));
        Files.write(dir.resolve("number.png"), numberPng("2026"));
    }

    /** A {@value #CANVAS}x{@value #CANVAS} RGBA canvas export of {@code digit}. */
    public static byte[] canvasPng(int digit) {
        BufferedImage canvas = new BufferedImage(CANVAS, CANVAS, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas.createGraphics();
        DigitStrokes.draw(g, digit, 70, 40, 140, 200, 18f, Color.BLACK, 1.5);
        g.dispose();
        return Encoding.png(canvas);
    }

    /** A 28x28 greyscale PNG, white ink on black like an MNIST digit. */
    public static byte[] mnistPng(int digit) {
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        DigitStrokes.draw(g, digit, 7, 4, 14, 20, 2.2f, Color.WHITE, 0);
        g.dispose();
        return Encoding.png(image);
    }

    /** A 640x480 JPEG "photo": dark blue ink on unevenly lit, noisy paper. */
    public static byte[] photoJpeg(int digit) {
        int w = 640, h = 480;
        BufferedImage photo = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        SplittableRandom noise = new SplittableRandom(42);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double light = 0.78 + 0.17 * (x / (double) w) - 0.10 * (y / (double) h);
                int base = (int) (255 * light) + noise.nextInt(-9, 10);
                photo.setRGB(x, y, rgb(base - 4, base - 2, base - 12));
            }
        }
        Graphics2D g = photo.createGraphics();
        DigitStrokes.draw(g, digit, 250, 110, 150, 260, 14f, new Color(28, 32, 70), 1.5);
        g.dispose();
        return Encoding.jpeg(photo, 0.85f);
    }

    /** A 600x200 RGBA canvas with the digits of {@code number} written left to right, well apart. */
    public static byte[] numberPng(String number) {
        BufferedImage canvas = new BufferedImage(600, 200, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = canvas.createGraphics();
        double slot = 600.0 / number.length();
        for (int i = 0; i < number.length(); i++) {
            int digit = number.charAt(i) - '0';
            DigitStrokes.draw(g, digit, i * slot + slot * 0.2, 30, slot * 0.6, 140, 12f, Color.BLACK, 1.5);
        }
        g.dispose();
        return Encoding.png(canvas);
    }

    private static int rgb(int r, int g, int b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
