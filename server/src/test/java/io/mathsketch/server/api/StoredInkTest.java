package io.mathsketch.server.api;

import io.mathsketch.corpus.attack.AttackInks;
import io.mathsketch.corpus.fixtures.CanvasFixture;
import io.mathsketch.corpus.fixtures.CanvasFixtures;
import io.mathsketch.engine.config.InputLimits;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stored ink is drawn within today's limits, and ink stored under larger ones is not an error. */
class StoredInkTest {

    private final byte[] stored = CanvasFixtures.load().stream().findFirst().map(CanvasFixture::inkJson)
            .orElseThrow().getBytes(StandardCharsets.UTF_8);

    @Test
    void storedInkIsDrawnAsPng() throws IOException {
        byte[] png = StoredInk.png(stored, InputLimits.DEFAULT).orElseThrow();
        assertEquals(280, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
    }

    @Test
    void inkTooCostlyToDrawAtThePicturesSizeIsNotDrawn() {
        // Read in digit mode at 28x28 it costs little; drawn at 560 x 560 it once took 3.6 s per request.
        byte[] hugePen = AttackInks.hugePen().getBytes(StandardCharsets.UTF_8);

        assertTrue(StoredInk.png(hugePen, InputLimits.DEFAULT).isEmpty(), "the caller serves the 28x28 input instead");
    }

    @Test
    void inkStoredUnderLargerLimitsIsNotDrawnNorAnError() {
        // Every stroke of the page's drawings has more than one point.
        InputLimits lowered = InputLimits.builder().maxInkStrokePoints(1).build();

        assertTrue(StoredInk.png(stored, lowered).isEmpty(), "the caller serves the 28x28 input instead");
    }
}
