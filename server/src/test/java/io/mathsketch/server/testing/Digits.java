package io.mathsketch.server.testing;

import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.testing.CanvasRenderer;

/** MNIST test digits drawn the way the web page sends them: black ink on a white 280x280 canvas, as PNG. */
public final class Digits {

    private static final MnistSubset SUBSET = MnistSubset.load();

    private Digits() {
    }

    public static byte[] canvasPng(int index) {
        return CanvasRenderer.white(280, 280).png(CanvasRenderer.place(digit(index), 0, 0, 10));
    }

    public static DigitImage digit(int index) {
        return SUBSET.images().digit(index);
    }

    public static int label(int index) {
        return SUBSET.labels().label(index);
    }

    /** The digit's ink as the JSON {@code pixels} array (784 numbers, 1 = ink). */
    public static String pixelsJson(int index) {
        StringBuilder json = new StringBuilder("[");
        float[] pixels = digit(index).pixels();
        for (int i = 0; i < pixels.length; i++) {
            json.append(i == 0 ? "" : ",").append(pixels[i]);
        }
        return json.append(']').toString();
    }
}
