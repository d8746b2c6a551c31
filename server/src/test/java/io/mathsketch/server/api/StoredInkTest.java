package io.mathsketch.server.api;

import io.mathsketch.corpus.attack.AttackInks;
import io.mathsketch.corpus.fixtures.CanvasFixture;
import io.mathsketch.corpus.fixtures.CanvasFixtures;
import io.mathsketch.engine.config.InputLimits;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stored ink is drawn within today's limits, and ink stored under larger ones is not an error. */
class StoredInkTest {

    private static final LongConsumer FREE = units -> {
    };

    private final byte[] stored = CanvasFixtures.load().stream().findFirst().map(CanvasFixture::inkJson)
            .orElseThrow().getBytes(StandardCharsets.UTF_8);

    @Test
    void storedInkIsDrawnAsPng() throws IOException {
        byte[] png = StoredInk.png(stored, InputLimits.DEFAULT, FREE).orElseThrow();
        assertEquals(280, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
    }

    @Test
    void theLongestSideIsThePagesWidestSurface() throws IOException {
        // The page's surfaces are LOGICAL_HEIGHT units high and each mode's aspect times that wide.
        String sketchpad = page("sketchpad.js"), main = page("main.js");
        int height = Integer.parseInt(match(sketchpad, "export const LOGICAL_HEIGHT = (\\d+);").getFirst());
        int from = main.indexOf("const MODE_LOOK"), to = main.indexOf("});", from);
        int widest = match(main.substring(from, to), "aspect: (\\d+)").stream().mapToInt(Integer::parseInt).max()
                .orElseThrow();

        assertEquals(height * widest, StoredInk.MAX_SIDE, "the page's widest surface, in units");
    }

    @Test
    void inkWrittenOnThePagesWidestSurfaceIsDrawnAPixelAUnit() throws IOException {
        int width = StoredInk.MAX_SIDE, height = width / 3;
        byte[] ink = ("{\"width\": " + width + ", \"height\": " + height + ", \"penWidth\": 18, \"strokes\": ["
                + "{\"points\": [[120, 60], [120, 220]]}, {\"points\": [[700, 60], [760, 220]]}]}")
                .getBytes(StandardCharsets.UTF_8);

        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(StoredInk.png(ink, InputLimits.DEFAULT, FREE)
                .orElseThrow()));
        assertEquals(width, picture.getWidth());
        assertEquals(height, picture.getHeight());
    }

    @Test
    void inkTooCostlyToDrawAtThePicturesSizeIsNotDrawn() {
        // Read in digit mode at 28x28 it costs little; drawn at 560 x 560 it once took 3.6 s per request.
        byte[] hugePen = AttackInks.hugePen().getBytes(StandardCharsets.UTF_8);

        assertTrue(StoredInk.png(hugePen, InputLimits.DEFAULT, FREE).isEmpty(),
                "the caller serves the 28x28 input instead");
    }

    @Test
    void inkStoredUnderLargerLimitsIsNotDrawnNorAnError() {
        // Every stroke of the page's drawings has more than one point.
        InputLimits lowered = InputLimits.builder().maxInkStrokePoints(1).build();

        assertTrue(StoredInk.png(stored, lowered, FREE).isEmpty(), "the caller serves the 28x28 input instead");
    }

    private static String page(String script) throws IOException {
        try (InputStream in = StoredInkTest.class.getResourceAsStream("/web/js/" + script)) {
            assertNotNull(in, script);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> match(String text, String regex) {
        List<String> found = Pattern.compile(regex).matcher(text).results().map(r -> r.group(1)).toList();
        assertTrue(!found.isEmpty(), "no " + regex);
        return found;
    }
}
