package io.mathsketch.server.api;

import io.mathsketch.engine.image.DigitImage;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** PNG renderings of the normalised 28x28 inputs (side by side for a number), dark ink on white like the canvas. */
final class InputImages {

    private static final int SIDE = DigitImage.SIDE;
    private static final int SIZE = DigitImage.SIZE;

    private InputImages() {
    }

    static byte[] png(byte[] inputPixels) {
        int digits = Math.max(1, inputPixels.length / SIZE);
        BufferedImage image = new BufferedImage(SIDE * digits, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int d = 0; d < digits; d++) {
            for (int i = 0; i < SIZE && d * SIZE + i < inputPixels.length; i++) {
                int ink = inputPixels[d * SIZE + i] & 0xFF;
                int grey = 255 - ink;
                image.getRaster().setSample(d * SIDE + i % SIDE, i / SIDE, 0, grey);
            }
        }
        return png(image);
    }

    /** The image as PNG (also the drawing of a stored ink, {@link StoredInk}). */
    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
