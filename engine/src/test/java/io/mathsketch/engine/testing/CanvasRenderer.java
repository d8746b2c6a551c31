package io.mathsketch.engine.testing;

import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Renders digits the way clients send them: enlarged (bilinear, so strokes stay smooth), anywhere on a canvas of any
 * size, in a chosen ink colour over a chosen background or over transparency, encoded as PNG, JPEG, GIF or BMP.
 * Several digits can be placed side by side, overlapping or not; overlapping ink combines by maximum.
 *
 * <p>Shared with server and benchmark tests through the engine's test-jar.
 */
public final class CanvasRenderer {

    private final int width;
    private final int height;
    private final Color background;
    private final Color ink;

    private CanvasRenderer(int width, int height, Color background, Color ink) {
        this.width = width;
        this.height = height;
        this.background = background;
        this.ink = ink;
    }

    /** Black ink on an opaque white canvas. */
    public static CanvasRenderer white(int width, int height) {
        return new CanvasRenderer(width, height, Color.WHITE, Color.BLACK);
    }

    /** Ink of the given colour on a transparent canvas, as a browser exports a canvas without a fill. */
    public static CanvasRenderer transparent(int width, int height, Color ink) {
        return new CanvasRenderer(width, height, null, ink);
    }

    public CanvasRenderer withInk(Color newInk) {
        return new CanvasRenderer(width, height, background, newInk);
    }

    /** An opaque background of the given colour (null for transparency). */
    public CanvasRenderer withBackground(Color newBackground) {
        return new CanvasRenderer(width, height, newBackground, ink);
    }

    /** One image to draw: its ink field, top-left corner on the canvas and enlargement factor. */
    public record Placement(int sourceWidth, int sourceHeight, float[] ink, int x, int y, double scale) {
    }

    public static Placement place(DigitImage digit, int x, int y, double scale) {
        return new Placement(DigitImage.SIDE, DigitImage.SIDE, digit.pixels(), x, y, scale);
    }

    public static Placement place(InkImage image, int x, int y, double scale) {
        return new Placement(image.width(), image.height(), image.ink(), x, y, scale);
    }

    /**
     * Digits side by side on one baseline: the first at {@code x}, each next one {@code gaps[i]} pixels after the
     * previous digit's 28x28 field ends (negative gaps overlap the fields).
     */
    public static List<Placement> row(List<DigitImage> digits, int x, int y, double scale, int... gaps) {
        List<Placement> placements = new ArrayList<>();
        int left = x;
        for (int i = 0; i < digits.size(); i++) {
            placements.add(place(digits.get(i), left, y, scale));
            left += (int) Math.round(DigitImage.SIDE * scale) + (i < gaps.length ? gaps[i] : 0);
        }
        return placements;
    }

    /** The canvas's ink intensity per pixel (what a perfect decoder should recover). */
    public float[] inkField(List<Placement> placements) {
        float[] field = new float[width * height];
        for (Placement p : placements) {
            int w = (int) Math.round(p.sourceWidth() * p.scale());
            int h = (int) Math.round(p.sourceHeight() * p.scale());
            for (int ty = 0; ty < h; ty++) {
                int cy = p.y() + ty;
                if (cy < 0 || cy >= height) {
                    continue;
                }
                for (int tx = 0; tx < w; tx++) {
                    int cx = p.x() + tx;
                    if (cx >= 0 && cx < width) {
                        float v = bilinear(p, (tx + 0.5) / p.scale() - 0.5, (ty + 0.5) / p.scale() - 0.5);
                        field[cy * width + cx] = Math.max(field[cy * width + cx], v);
                    }
                }
            }
        }
        return field;
    }

    /** ARGB image of the canvas; fully transparent background when no background colour is set. */
    public BufferedImage image(List<Placement> placements) {
        float[] field = inkField(placements);
        BufferedImage image = new BufferedImage(width, height,
                background == null ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float v = field[y * width + x];
                int argb;
                if (background == null) {
                    argb = Math.round(v * 255) << 24 | (ink.getRGB() & 0xFFFFFF);
                } else {
                    argb = 0xFF << 24 | mix(background.getRed(), ink.getRed(), v) << 16
                            | mix(background.getGreen(), ink.getGreen(), v) << 8 | mix(background.getBlue(), ink.getBlue(), v);
                }
                image.setRGB(x, y, argb);
            }
        }
        return image;
    }

    public byte[] png(List<Placement> placements) {
        return encode(image(placements), "png");
    }

    public byte[] png(Placement... placements) {
        return png(List.of(placements));
    }

    /** Encodes with ImageIO's writer for {@code format} ("png", "jpeg", "gif", "bmp"). */
    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("ImageIO cannot write " + format + " from image type "
                        + image.getType());
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG written with Adam7 interlacing. */
    public static byte[] interlacedPng(BufferedImage image) {
        return progressive(image, "png");
    }

    /** A progressive JPEG, in libjpeg's own script: 10 scans for a colour image, 6 for a grey one. */
    public static byte[] progressiveJpeg(BufferedImage image) {
        return progressive(image, "jpeg");
    }

    private static byte[] progressive(BufferedImage image, String format) {
        return encode(image, format, param -> param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT));
    }

    /** {@code image} encoded by the JDK's first writer of {@code format}, its write parameters set by {@code setUp}. */
    public static byte[] encode(BufferedImage image, String format, Consumer<ImageWriteParam> setUp) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            setUp.accept(param);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    private static int mix(int from, int to, float v) {
        return Math.round(from + (to - from) * v);
    }

    private static float bilinear(Placement p, double sx, double sy) {
        int w = p.sourceWidth(), h = p.sourceHeight();
        sx = Math.max(0, Math.min(w - 1, sx));
        sy = Math.max(0, Math.min(h - 1, sy));
        int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
        int x1 = Math.min(w - 1, x0 + 1), y1 = Math.min(h - 1, y0 + 1);
        double fx = sx - x0, fy = sy - y0;
        float[] ink = p.ink();
        double top = ink[y0 * w + x0] * (1 - fx) + ink[y0 * w + x1] * fx;
        double bottom = ink[y1 * w + x0] * (1 - fx) + ink[y1 * w + x1] * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }
}
