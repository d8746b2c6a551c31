package io.mathsketch.engine.symbols;

import io.mathsketch.engine.RecognitionException.ImageTooLarge;
import io.mathsketch.engine.RecognitionException.Overloaded;
import io.mathsketch.engine.codec.DecodeBudget;
import io.mathsketch.engine.codec.ImageDecoder;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.HeldDecode;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Expression mode decodes within the one decode budget the other modes draw on. */
class ExpressionLayoutTest {

    private static final int SIDE = 1000;
    private static final long ONE_IMAGE = (long) SIDE * SIDE * DecodeBudget.BYTES_PER_PIXEL;

    @Test
    void anExpressionWaitsForTheBudgetOtherModesHold() throws Exception {
        ImageDecoder decoder = new ImageDecoder(InputLimits.builder().maxPayloadBytes(64L << 20)
                .maxDecodedBytesInFlight(ONE_IMAGE + ONE_IMAGE / 2).build());
        ImagePreprocessor shared = new ImagePreprocessor(decoder);
        ExpressionLayout layout = new ExpressionLayout(shared);
        byte[] png = CanvasRenderer.encode(oneMinusOne(), "png");
        // Another mode's request, decoding an image of the same size through the same decoder, held mid-decode.
        try (HeldDecode held = HeldDecode.start(decoder, png)) {
            assertThrows(Overloaded.class, () -> layout.layout(png), "expression mode sees what digit mode holds");
            assertThrows(Overloaded.class, () -> shared.digit(png), "as digit mode does");
            assertEquals(SIDE, held.finish());
        }
        assertEquals(3, layout.layout(png).images().size(), "1 - 1 once the budget is free: one candidate for each symbol");
        assertEquals(0, shared.decodedBytesInFlight());
    }

    @Test
    void anImageOverTheBudgetIsTooLargeInExpressionModeAsInDigitMode() throws Exception {
        InputLimits limits = InputLimits.builder().maxPayloadBytes(64L << 20).maxDecodedBytesInFlight(ONE_IMAGE - 1)
                .build();
        ImagePreprocessor shared = new ImagePreprocessor(limits);
        byte[] png = CanvasRenderer.encode(oneMinusOne(), "png");
        ImageTooLarge digit = assertThrows(ImageTooLarge.class, () -> shared.digit(png));
        ImageTooLarge expression = assertThrows(ImageTooLarge.class, () -> new ExpressionLayout(shared).layout(png));
        assertEquals(digit.getMessage(), expression.getMessage());
    }

    /** Three well separated strokes on white: a 1, a minus and a 1. */
    private static BufferedImage oneMinusOne() {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, SIDE, SIDE);
            g.setColor(Color.BLACK);
            g.fillRect(200, 400, 20, 200);
            g.fillRect(420, 490, 160, 20);
            g.fillRect(780, 400, 20, 200);
        } finally {
            g.dispose();
        }
        return image;
    }
}
