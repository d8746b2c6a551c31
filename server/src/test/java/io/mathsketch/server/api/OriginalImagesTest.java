package io.mathsketch.server.api;

import io.mathsketch.engine.codec.ImageDecoder;
import io.mathsketch.engine.codec.Orientation;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.MetadataFixtures;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Turned pictures are copied upright one at a time: one that finds no turn is not kept, while any other image is
 * stripped as before.
 */
class OriginalImagesTest {

    private static final byte[] PLAIN = MetadataFixtures.pngWithTextAndExif(picture(), 1);
    private static final byte[] TURNED = MetadataFixtures.pngWithTextAndExif(picture(), 6);

    @Test
    void aTurnedPictureIsKeptUprightWhenItsTurnComes() {
        byte[] kept = new OriginalImages().kept(TURNED).orElseThrow();
        assertEquals(Orientation.NORMAL, ImageDecoder.orientation(kept));
    }

    @Test
    void aTurnedPictureThatFindsNoTurnIsNotKeptAndOthersAreStripped() {
        OriginalImages busy = new OriginalImages(0, Duration.ofMillis(10));
        assertTrue(busy.kept(TURNED).isEmpty(), "no turn for the upright copy");
        assertTrue(busy.kept(PLAIN).isPresent(), "not turned: stripped without a copy");
    }

    private static byte[] picture() {
        return CanvasRenderer.encode(new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY), "png");
    }
}
