package io.mathsketch.engine.testing;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Test helper: valid inputs of every layout the engine reads, made in code, for mutation fuzzing ({@link ByteMutator}).
 * Every image shows the same two digits ("47") on a small canvas, so a mutant that still decodes reaches the
 * recognition behind the decoder; the ink documents draw them as strokes.
 */
public final class FuzzSeeds {

    private static final int WIDTH = 72, HEIGHT = 40;

    private FuzzSeeds() {
    }

    /**
     * Encoded images by name: PNG in each colour type and depth, interlaced, with eXIf, with a colour key; baseline,
     * progressive (both with an APP1 Exif orientation) and grey JPEG; GIF; BMP, plain and run-length encoded.
     */
    public static Map<String, byte[]> images() {
        BufferedImage canvas = CanvasRenderer.white(WIDTH, HEIGHT).image(List.of(
                CanvasRenderer.place(SyntheticDigits.draw("4", 28, 0.1), 4, 2, 1),
                CanvasRenderer.place(SyntheticDigits.draw("7", 28, 0.1), 38, 2, 1)));
        int[] grey = new int[WIDTH * HEIGHT];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = canvas.getRGB(i % WIDTH, i / WIDTH) & 0xFF;
        }
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("png-grey8", PngBytes.encode(WIDTH, HEIGHT, PngBytes.GREY, 8, grey, PngBytes.MIXED_FILTERS,
                null, null));
        seeds.put("png-grey1", PngBytes.encode(WIDTH, HEIGHT, PngBytes.GREY, 1, map(grey, 1, v -> v >> 7), 0,
                null, null));
        seeds.put("png-grey16", PngBytes.encode(WIDTH, HEIGHT, PngBytes.GREY, 16, map(grey, 1, v -> v * 257), 4,
                null, null));
        seeds.put("png-rgb8", PngBytes.encode(WIDTH, HEIGHT, PngBytes.RGB, 8, map(grey, 3, v -> v), 1, null, null));
        seeds.put("png-rgba8", PngBytes.encode(WIDTH, HEIGHT, PngBytes.RGBA, 8,
                map(grey, 4, v -> v), PngBytes.MIXED_FILTERS, null, null));
        seeds.put("png-rgba16", PngBytes.encode(WIDTH, HEIGHT, PngBytes.RGBA, 16, map(grey, 4, v -> v * 257), 3,
                null, null));
        seeds.put("png-grey-alpha8", PngBytes.encode(WIDTH, HEIGHT, PngBytes.GREY_ALPHA, 8, map(grey, 2, v -> v),
                2, null, null));
        seeds.put("png-palette4-trns", PngBytes.encode(WIDTH, HEIGHT, PngBytes.PALETTE, 4,
                map(grey, 1, v -> v >> 4), PngBytes.MIXED_FILTERS, palette(16), new byte[] {(byte) 0x80, 0x40}));
        seeds.put("png-interlaced", CanvasRenderer.interlacedPng(canvas));
        seeds.put("png-exif", ExifBytes.png(CanvasRenderer.encode(canvas, "png"), ExifBytes.tiff(6, false, 3)));
        seeds.put("jpeg-baseline-exif", ExifBytes.jpeg(CanvasRenderer.encode(canvas, "jpeg"),
                ExifBytes.tiff(8, true, 3)));
        seeds.put("jpeg-progressive-exif", ExifBytes.jpeg(CanvasRenderer.progressiveJpeg(canvas),
                ExifBytes.tiff(3, false, 3)));
        seeds.put("gif", CanvasRenderer.encode(canvas, "gif"));
        seeds.put("bmp", CanvasRenderer.encode(canvas, "bmp"));
        seeds.put("bmp-rle8", bmpRle8(canvas));
        seeds.put("jpeg-grey", CanvasRenderer.encode(greyCopy(canvas), "jpeg"));
        seeds.put("png-rgb-colour-key", PngBytes.encode(WIDTH, HEIGHT, PngBytes.RGB, 8, map(grey, 3, v -> v), 0,
                null, new byte[] {0, (byte) 255, 0, (byte) 255, 0, (byte) 255}));
        return seeds;
    }

    /** Ink documents as the page posts them (the value of a request's {@code ink} member), by name. */
    public static Map<String, String> inks() {
        Map<String, String> seeds = new LinkedHashMap<>();
        seeds.put("ink-plain", "{\"strokes\":[{\"points\":[[10,5],[30,5],[18,40]]},{\"points\":[[50,5],[42,28],"
                + "[62,28]]},{\"points\":[[56,15],[56,45]]}],\"width\":80,\"height\":50,\"penWidth\":5}");
        seeds.put("ink-times-pressure", "{\"strokes\":[{\"points\":[[10.5,5.25,0,0.5],[30,5,16.5,1],"
                + "[18,40,33,0.75]]},{\"points\":[[50,5,60],[42,28,70],[62,28,80]]}],\"width\":80.0,"
                + "\"height\":50,\"penWidth\":4}");
        seeds.put("ink-expression", "{\"strokes\":[{\"points\":[[5,20],[25,20]]},{\"points\":[[15,10],[15,30]]},"
                + "{\"points\":[[35,5],[55,5],[40,40]]},{\"points\":[[65,15],[85,15]]},{\"points\":[[65,25],"
                + "[85,25]]}],\"width\":100,\"height\":1e2,\"penWidth\":3E0}");
        return seeds;
    }

    private static BufferedImage greyCopy(BufferedImage image) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        grey.getGraphics().drawImage(image, 0, 0, null);
        return grey;
    }

    /** An 8-bit palette BMP with run-length encoded rows (BI_RLE8), which the JDK's reader expands itself. */
    private static byte[] bmpRle8(BufferedImage image) {
        BufferedImage indexed = new BufferedImage(image.getWidth(), image.getHeight(),
                BufferedImage.TYPE_BYTE_INDEXED);
        indexed.getGraphics().drawImage(image, 0, 0, null);
        return CanvasRenderer.encode(indexed, "bmp", param -> {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("BI_RLE8");
        });
    }

    private static int[] map(int[] grey, int channels, IntUnaryOperator f) {
        int[] samples = new int[grey.length * channels];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = channels % 2 == 0 && i % channels == channels - 1 ? f.applyAsInt(255 - grey[i / channels])
                    : f.applyAsInt(grey[i / channels]);
        }
        return samples;
    }

    private static byte[] palette(int entries) {
        byte[] rgb = new byte[3 * entries];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i / 3 * 255 / (entries - 1));
        }
        return rgb;
    }
}
