package io.mathsketch.engine.inference;

import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.testing.CanvasRenderer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Test helper: draws 28x28 digits as dark ink on a white canvas, scaled and placed anywhere, and encodes a PNG. */
public final class DigitCanvas {

    private final BufferedImage image;
    private final Graphics2D g;

    public DigitCanvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    /** Draws {@code digit} with its 28x28 field scaled to {@code size} pixels, top-left at (x, y). */
    public DigitCanvas draw(DigitImage digit, int x, int y, int size) {
        BufferedImage tile = new BufferedImage(DigitImage.SIDE, DigitImage.SIDE, BufferedImage.TYPE_BYTE_GRAY);
        float[] px = digit.pixels();
        for (int i = 0; i < px.length; i++) {
            int grey = Math.round(255 * (1 - px[i]));
            tile.getRaster().setSample(i % DigitImage.SIDE, i / DigitImage.SIDE, 0, grey);
        }
        g.drawImage(tile, x, y, size, size, null);
        return this;
    }

    public byte[] png() {
        return CanvasRenderer.encode(image, "png");
    }
}
