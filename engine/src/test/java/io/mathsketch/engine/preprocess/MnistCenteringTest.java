package io.mathsketch.engine.preprocess;

import io.mathsketch.engine.image.InkImage;

import io.mathsketch.engine.image.DigitImage;

import io.mathsketch.engine.testing.PixelCorrelation;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.mnist.MnistSubset;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.PixelDifference;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A digit drawn large and off-centre must come back as the MNIST digit it was drawn from: the recipe (20x20 box,
 * centre of mass) reproduces what the model was trained on.
 */
class MnistCenteringTest {

    private static final MnistSubset MNIST = MnistSubset.load();
    private final ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);

    @Test
    void mnistDigitRenderedLargeAndOffCentreComesBackAsTheOriginal() throws RecognitionException {
        double worstDifference = 0, worstCorrelation = 1, sumDifference = 0, sumCorrelation = 0;
        int count = 100;
        for (int i = 0; i < count; i++) {
            DigitImage original = MNIST.images().digit(i);
            // 10x on a 400x300 canvas, pushed towards a different corner for each digit.
            int x = 5 + (i * 37) % 110, y = 3 + (i * 11) % 15;
            byte[] png = CanvasRenderer.white(400, 300).png(CanvasRenderer.place(original, x, y, 10));

            DigitImage recovered = preprocessor.digit(png);

            double difference = PixelDifference.meanAbsolute(original.pixels(), recovered.pixels());
            double correlation = PixelCorrelation.of(original.pixels(), recovered.pixels());
            worstDifference = Math.max(worstDifference, difference);
            worstCorrelation = Math.min(worstCorrelation, correlation);
            sumDifference += difference;
            sumCorrelation += correlation;
        }
        double meanDifference = sumDifference / count, meanCorrelation = sumCorrelation / count;
        String summary = "mean difference " + meanDifference + " (worst " + worstDifference + "), mean correlation "
                + meanCorrelation + " (worst " + worstCorrelation + ")";
        System.out.println("MNIST round trip: " + summary);
        // Measured: mean difference 0.032 (worst 0.083), mean correlation 0.94 (worst 0.68). The worst cases are
        // digits whose bilinear enlargement grows their box by a pixel, so they come back a little smaller; a
        // misplaced centre of mass (one pixel off) gave a mean difference of 0.065.
        assertTrue(meanDifference < 0.045, summary);
        assertTrue(worstDifference < 0.12, summary);
        assertTrue(meanCorrelation > 0.9, summary);
    }

    @Test
    void centreOfMassLandsInTheMiddleAndInkFitsTheBox() throws RecognitionException {
        // A tall thin bar far off-centre: its box must become 20 pixels tall, its centre of mass the field's centre.
        InkImage bar = new InkImage(9, 90, filled(9 * 90));
        byte[] png = CanvasRenderer.white(300, 200).png(CanvasRenderer.place(bar, 250, 100, 1));

        float[] pixels = preprocessor.digit(png).pixels();

        int top = DigitImage.SIDE, bottom = -1;
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < DigitImage.SIDE; y++) {
            for (int x = 0; x < DigitImage.SIDE; x++) {
                float v = pixels[y * DigitImage.SIDE + x];
                if (v >= MnistCentering.INK_THRESHOLD) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        assertEquals(20, bottom - top + 1);
        assertEquals(14.5, mx / mass, 0.5);
        assertEquals(14.5, my / mass, 0.5);
    }

    @Test
    void imageWithoutInkIsBlank() {
        assertThrows(RecognitionException.BlankImage.class,
                () -> new MnistCentering().center(new InkImage(30, 30, new float[900])));
    }

    private static float[] filled(int n) {
        float[] values = new float[n];
        java.util.Arrays.fill(values, 1f);
        return values;
    }
}
