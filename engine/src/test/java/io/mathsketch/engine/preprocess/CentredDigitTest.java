package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.codec.ImageDecoder;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.SyntheticDigits;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

    @Test
    void aBlankCanvasHasNoCentredDigit() throws Exception {
        byte[] blank = CanvasRenderer.white(100, 100).png();

        assertNull(decoder.decode(blank, image -> new InkExtractor(image).centredDigit(centering)));
    }
}
