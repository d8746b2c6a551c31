package io.mathsketch.server.api;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.ink.InkJson;
import io.mathsketch.engine.ink.InkRenderer;
import io.mathsketch.engine.ink.InkWork;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Digital ink as a stored original: kept as its JSON (a few kilobytes, where the page's PNG of the same drawing is
 * ten times that), served as a PNG drawn on demand, or as the JSON itself to a client that asks for it by type.
 */
final class StoredInk {

    /** The stored original's content type (column {@code content_type}), and what a client accepts to get the JSON. */
    static final String MEDIA_TYPE = "application/vnd.mathsketch.ink+json";
    /**
     * Longest side of a drawn ink, in pixels: the drawing page's widest surface (an expression, 840 x 280 units; the
     * page's sketchpad.js and main.js hold the fact, StoredInkTest fails if this drifts from them), so the page's ink
     * is drawn a pixel a unit. Ink written on a larger surface is drawn scaled down to it, so a picture costs the
     * same whatever units it came in.
     */
    static final int MAX_SIDE = 840;

    private static final InkRenderer RENDERER = new InkRenderer();

    private StoredInk() {
    }

    /**
     * The stored ink drawn dark on white at its surface's size (within {@link #MAX_SIDE}), as PNG; empty when it no
     * longer reads within {@code limits}, or drawing it at that size would take more than {@code limits.max-ink-work}
     * (ink read in digit or number mode was drawn only at the model's 28x28, where a pen as wide as the surface
     * costs little). The caller then serves the row's 28x28 input, as for an original not kept, rather than drawing
     * more than the limits allow.
     *
     * @param charge given the pixels the picture's making visits (its drawing work, counted first, plus its pixels,
     *               which the encoder walks) before any is drawn; may refuse by throwing
     */
    static Optional<byte[]> png(byte[] stored, InputLimits limits, LongConsumer charge) {
        Ink ink;
        try {
            ink = InkJson.read(new String(stored, StandardCharsets.UTF_8), limits);
        } catch (RecognitionException e) {
            return Optional.empty();
        }
        double scale = Math.min(1, MAX_SIDE / Math.max(ink.width(), ink.height()));
        int width = Math.max(1, (int) Math.round(ink.width() * scale));
        int height = Math.max(1, (int) Math.round(ink.height() * scale));
        InkImage raster;
        try {
            // Counted a row at a time, a small part of drawing it: 7.7 million units took 55 ms to draw.
            charge.accept(RENDERER.rasterWork(ink, width, height, new InkWork(limits.maxInkWork()))
                    + (long) width * height);
            raster = RENDERER.raster(ink, width, height, new InkWork(limits.maxInkWork()));
        } catch (RecognitionException.InkTooLarge e) {
            return Optional.empty();
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] grey = new byte[width * height];
        float[] coverage = raster.ink();
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (byte) (255 - Math.round(Math.clamp(coverage[i], 0f, 1f) * 255));
        }
        image.getRaster().setDataElements(0, 0, width, height, grey);
        return Optional.of(InputImages.png(image));
    }
}
