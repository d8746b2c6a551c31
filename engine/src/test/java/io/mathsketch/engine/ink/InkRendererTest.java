package io.mathsketch.engine.ink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.image.Stroke;
import java.util.List;
import org.junit.jupiter.api.Test;

class InkRendererTest {

    private final InkRenderer renderer = new InkRenderer();

    @Test
    void inkWithoutPointsIsBlank() {
        assertThrows(RecognitionException.BlankImage.class,
                () -> renderer.digit(new Ink(List.of(), 280, 280, 18)));
        assertThrows(RecognitionException.BlankImage.class,
                () -> renderer.digit(new Ink(List.of(Stroke.of(new double[0], new double[0])), 280, 280, 18)));
    }

    @Test
    void aVerticalBarIsTwentyPixelsHighAndCentredByMass() throws RecognitionException {
        DigitImage digit = renderer.digit(ink(18, line(140, 40, 140, 240))).digit();
        int top = 28, bottom = -1;
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                float v = digit.pixels()[y * 28 + x];
                if (v > 0.1f) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        assertEquals(20, bottom - top + 1, "the longer side fills the 20-pixel box");
        assertEquals(14.5, mx / mass, 0.5, "centre of mass, x");
        assertEquals(14.5, my / mass, 0.5, "centre of mass, y");
        // 18 of 218 units wide is 1.65 pixels, fitted to a whole 2 pixels as the image path's resampling stretches
        // it: 2 pixels of ink across, less the round caps' corners.
        assertEquals(20 * 2 - 0.5, mass, 1, "ink mass");
    }

    @Test
    void theDigitDoesNotDependOnWhereOrHowLargeTheInkIsDrawn() throws RecognitionException {
        Stroke seven = Stroke.of(new double[] {84, 198, 122}, new double[] {62, 62, 236});
        DigitImage reference = renderer.digit(ink(18, seven)).digit();
        Stroke moved = Stroke.of(new double[] {84 + 300, 198 + 300, 122 + 300}, new double[] {62 + 7, 62 + 7, 236 + 7});
        assertArrayEquals(reference.pixels(), renderer.digit(ink(18, moved)).digit().pixels(), 1e-4f);
        Stroke tripled = Stroke.of(new double[] {84 * 3, 198 * 3, 122 * 3}, new double[] {62 * 3, 62 * 3, 236 * 3});
        assertArrayEquals(reference.pixels(), renderer.digit(ink(54, tripled)).digit().pixels(), 1e-4f);
    }

    @Test
    void aPenThinnerThanAPixelLeavesItsWidthAsInk() throws RecognitionException {
        // An L 200 units wide and high into 20 pixels: a pen of 4 units is 0.4 pixels wide.
        Stroke l = Stroke.of(new double[] {100, 100, 300}, new double[] {20, 220, 220});
        DigitImage digit = renderer.digit(ink(4, l)).digit();
        float max = 0;
        for (float v : digit.pixels()) {
            max = Math.max(max, v);
        }
        assertEquals(0.4, max, 0.05);
    }

    @Test
    void theBoxIsWhereTheInkIsInInkUnits() throws RecognitionException {
        DigitRegion region = renderer.digit(ink(10, line(50, 20, 70, 120)));
        assertEquals(new Box(45, 15, 30, 110), region.box());
    }

    @Test
    void aSinglePointIsADot() throws RecognitionException {
        DigitImage dot = renderer.digit(ink(20, Stroke.of(new double[] {30}, new double[] {40}))).digit();
        float sum = 0;
        for (float v : dot.pixels()) {
            sum += v;
        }
        // A disc filling the 20x20 box: pi * 10^2.
        assertEquals(Math.PI * 100, sum, 12);
    }

    @Test
    void theRasterShowsTheStrokesOnTheirSurface() {
        InkImage image = renderer.raster(ink(10, line(140, 40, 140, 240)), 140, 140);
        assertEquals(1f, image.at(70, 70), 1e-6f, "on the stroke");
        assertEquals(0f, image.at(20, 70), 1e-6f, "beside it");
        assertEquals(0f, image.at(70, 5), 1e-6f, "above it");
    }

    private static Stroke line(double x0, double y0, double x1, double y1) {
        return Stroke.of(new double[] {x0, x1}, new double[] {y0, y1});
    }

    private static Ink ink(double pen, Stroke... strokes) {
        return new Ink(List.of(strokes), 280, 280, pen);
    }
}
