package io.mathsketch.corpus.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CanvasRasterizerTest {

    private final CanvasRasterizer rasterizer = new CanvasRasterizer();

    @Test
    void aStrokeIsBlackAlongItsLineWithRoundCapsAndAntialiasedEdges() {
        Ink ink = new Ink(List.of(Stroke.of(new double[] {50, 100, 150}, new double[] {100, 100, 100})), 280, 280, 9);
        BufferedImage image = rasterizer.draw(ink);
        assertEquals(0, grey(image, 100, 100), "on the line");
        assertEquals(0, grey(image, 148, 103), "inside the pen's width");
        assertEquals(255, grey(image, 100, 108), "beyond the pen's half width");
        assertEquals(0, grey(image, 153, 100), "the round cap extends the line by half the pen");
        assertEquals(255, grey(image, 153, 104), "...but is round, not square");
        assertEquals(255, grey(image, 0, 0), "opaque white background");
        assertEquals(255, image.getRGB(0, 0) >>> 24);
        // The pen covers y 95.5 to 104.5: the rows 95 and 104 are half covered.
        int edge = grey(image, 100, 104);
        assertTrue(edge > 64 && edge < 192, "the edge row is partly covered: " + edge);
    }

    @Test
    void aLonePointIsADot() {
        Ink ink = new Ink(List.of(Stroke.of(new double[] {40}, new double[] {40})), 100, 100, 12);
        BufferedImage image = rasterizer.draw(ink);
        assertEquals(0, grey(image, 40, 40));
        assertEquals(0, grey(image, 44, 40));
        assertEquals(255, grey(image, 48, 40));
        assertEquals(100, image.getWidth());
    }

    @Test
    void curvesPassThroughMidpointsAsThePageDrawsThem() {
        // Quadratic curves through the midpoints: the corner point itself is cut, its neighbourhood inked.
        Ink ink = new Ink(List.of(Stroke.of(new double[] {20, 100, 100}, new double[] {20, 20, 100})), 120, 120, 4);
        BufferedImage image = rasterizer.draw(ink);
        assertEquals(255, grey(image, 99, 21), "the corner is rounded off");
        assertTrue(grey(image, 80, 30) < 64, "the curve's middle, (80, 30), is inked");
        assertTrue(grey(image, 100, 99) < 64, "the last segment is a straight line to the last point");
    }

    @Test
    void theExportIsAnRgbaPngOfExactlyThePixels() throws Exception {
        Ink ink = new Ink(List.of(Stroke.of(new double[] {30, 200, 60}, new double[] {40, 150, 250})), 280, 280, 18);
        BufferedImage image = rasterizer.draw(ink);
        byte[] png = CanvasExport.png(image);
        assertEquals(6, png[25], "colour type 6: RGBA, as a canvas exports");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        for (int y = 0; y < 280; y++) {
            for (int x = 0; x < 280; x++) {
                assertEquals(image.getRGB(x, y), decoded.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    private static int grey(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFF;
    }
}
