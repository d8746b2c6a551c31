package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.codec.ImageDecoder;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DecodedImage;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.SyntheticDigits;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The canvas path centres straight from the decoded bytes ({@link InkExtractor#centredDigit}); it must give exactly
 * the digit that mapping the ink box to floats and centring it gives ({@link InkExtractor#inkBox} then
 * {@link MnistCentering#centerRegion}), for shrinking and enlarging boxes, row counts that are and are not multiples of
 * four, both polarities and transparency.
 */
class CentredDigitTest {

    private final ImageDecoder decoder = new ImageDecoder(InputLimits.DEFAULT);
    private final MnistCentering centering = new MnistCentering();

    @Test
    void centringFromTheBytesIsBitForBitTheSameAsFromTheMappedBox() throws Exception {
        List<byte[]> images = new ArrayList<>();
        String[] shapes = {"0", "1", "4", "7", "8"};
        int[] heights = {9, 13, 22, 57, 130, 251};
        for (int i = 0; i < heights.length; i++) {
            InkImage drawn = SyntheticDigits.draw(shapes[i % shapes.length], heights[i], 0.08 + 0.02 * i);
            int side = Math.max(64, Math.max(drawn.width(), drawn.height()) + 20);
            CanvasRenderer.Placement at = CanvasRenderer.place(drawn, 7 + i, 5 + i, 1.0);
            images.add(CanvasRenderer.white(side, side).png(at));
            images.add(CanvasRenderer.transparent(side, side, new Color(0x1E3A8A)).png(at));
            images.add(CanvasRenderer.white(side, side).withBackground(Color.BLACK).withInk(Color.WHITE).png(at));
        }
        for (byte[] png : images) {
            float[][] both = decoder.decode(png, image -> {
                InkExtractor extractor = new InkExtractor(image);
                InkImage box = extractor.inkBox();
                return new float[][] {
                    centering.centerRegion(box, 0, 0, box.width(), box.height()).pixels(),
                    extractor.centredDigit(centering).pixels()
                };
            });
            assertArrayEquals(both[0], both[1]);
        }
        assertEquals(18, images.size());
    }

    /**
     * The plain rule, with no shortcut of the canvas path: every pixel mapped to ink, the box found by thresholding
     * every one ({@link MnistCentering#center}). The canvas path skips words of background when it looks for the box
     * and when it resamples; on images built to trip that up (widths that are and are not multiples of eight, ink at
     * either edge, faint pixels and pixels beyond the background that map to no ink but are not background, boxes
     * that shrink by ratios under 4, 4 to 8 and over 8 and that enlarge) it must give the same digit bit for bit.
     */
    @Test
    void centringSkippingBackgroundIsBitForBitThePlainRule() throws Exception {
        Random random = new Random(0x14);
        int compared = 0;
        for (int i = 0; i < 600; i++) {
            DecodedImage image = scattered(random, i % 4);
            InkExtractor extractor = new InkExtractor(image);
            DigitImage fast = extractor.centredDigit(centering);
            DigitImage plain;
            try {
                plain = centering.center(extractor.toInk());
            } catch (RecognitionException.BlankImage e) {
                plain = null;
            }
            if (plain == null) {
                assertNull(fast, "image " + i);
                continue;
            }
            assertNotNull(fast, "image " + i);
            assertArrayEquals(plain.pixels(), fast.pixels(), "image " + i);
            compared++;
        }
        assertTrue(compared > 550, compared + " images had ink");
    }

    /**
     * A flat background with a few blobs of ink of random sizes and places (touching either edge at times), specks
     * too faint to count as ink and, on opaque images, specks beyond the background (lighter than white paper's
     * median, say), which map to no ink without being the background byte. Kind 0: dark ink on a light background;
     * 1: light ink on a dark one; 2: ink on transparency; 3: dark ink on a mid grey.
     */
    private static DecodedImage scattered(Random random, int kind) {
        int width = 64 + random.nextInt(300), height = 64 + random.nextInt(120);
        boolean alpha = kind == 2;
        int background = switch (kind) {
            case 0 -> 255 - random.nextInt(3) * 20;
            case 1 -> random.nextInt(3) * 20;
            case 2 -> 0;
            default -> 128 + random.nextInt(60);
        };
        int inkLevel = kind == 1 ? 255 : kind == 2 ? 200 + random.nextInt(56) : random.nextInt(40);
        byte[] plane = new byte[width * height];
        Arrays.fill(plane, (byte) background);
        int blobs = 1 + random.nextInt(6);
        int spread = 4 + random.nextInt(Math.min(width, height) - 4);
        int cx = random.nextInt(width), cy = random.nextInt(height);
        for (int b = 0; b < blobs; b++) {
            int w = 1 + random.nextInt(Math.max(1, spread / 2)), h = 1 + random.nextInt(Math.max(1, spread / 2));
            int x0 = Math.max(0, Math.min(width - w, cx + random.nextInt(spread) - spread / 2));
            int y0 = Math.max(0, Math.min(height - h, cy + random.nextInt(spread) - spread / 2));
            if (random.nextInt(6) == 0) {
                x0 = random.nextBoolean() ? 0 : width - w; // ink running off the left or right edge
            }
            for (int y = y0; y < y0 + h; y++) {
                for (int x = x0; x < x0 + w; x++) {
                    // Solid ink inside, anti-aliased levels towards the blob's sides.
                    double edge = Math.min(Math.min(x - x0 + 1, x0 + w - x), Math.min(y - y0 + 1, y0 + h - y));
                    double cover = Math.min(1, edge / 2.0) * (0.6 + 0.4 * random.nextDouble());
                    plane[y * width + x] = (byte) (int) Math.round(background + (inkLevel - background) * cover);
                }
            }
        }
        for (int s = random.nextInt(40); s > 0; s--) {
            int at = random.nextInt(width * height);
            if ((plane[at] & 0xFF) != background) {
                continue;
            }
            int toward = inkLevel > background ? 1 : -1;
            int level = random.nextBoolean() ? background + toward * (1 + random.nextInt(3)) // too faint to count
                    : background - toward * (1 + random.nextInt(3)); // beyond the background: no ink either
            plane[at] = (byte) Math.max(0, Math.min(255, level));
        }
        DecodedImage image;
        if (alpha) {
            byte[] lum = new byte[width * height];
            for (int i = 0; i < lum.length; i++) {
                lum[i] = (byte) DecodedImage.overWhite(0, plane[i] & 0xFF);
            }
            image = new DecodedImage(width, height, lum, plane);
        } else {
            image = new DecodedImage(width, height, plane, null);
        }
        for (int y = 0; y < height; y++) {
            int min = 255, max = 0, top = 0;
            for (int x = 0; x < width; x++) {
                int l = image.lum()[y * width + x] & 0xFF;
                min = Math.min(min, l);
                max = Math.max(max, l);
                top = alpha ? Math.max(top, plane[y * width + x] & 0xFF) : 0;
            }
            image.rowDone(y, min, max, top);
        }
        return image;
    }

    @Test
    void aBlankCanvasHasNoCentredDigit() throws Exception {
        byte[] blank = CanvasRenderer.white(100, 100).png();

        assertNull(decoder.decode(blank, image -> new InkExtractor(image).centredDigit(centering)));
    }
}
