package io.mathsketch.corpus.render;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.HandwritingGenerator;
import io.mathsketch.corpus.hand.HandwrittenDigit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recognition-quality floor on canvas exports (README, "Recognition quality"): held-out handwriting in the styles
 * MNIST has, rendered and exported as the drawing page does and posted as that PNG. Guards the canvas path while the
 * photo path is tuned: canvas exports have a flat background and must keep being read by the canvas rule.
 */
public class CanvasQualityTest {

    /** Held-out drawings 0-599; the photo set's added drawings start after them. */
    public static final int DRAWINGS = 600;
    /** Issue 11's 99.3%: measured 99.33% (596/600) with mnist-cnn 1.1.0 (98.83% with 1.0.0). */
    static final double CANVAS_FLOOR = 0.993;
    /**
     * The held-out hands in the styles MNIST has (the photo set's too); the other styles are the styles set's
     * business.
     */
    public static final HandConfig HAND = HandConfig.HELD_OUT.withStyles(
            Arrays.stream(DigitStyle.values()).filter(s -> !s.mnistLacks()).toList());

    @Test
    void canvasExportsAreReadAsWellAsTheFloor() throws Exception {
        HandwritingGenerator hand = new HandwritingGenerator(HAND);
        CanvasRasterizer canvas = new CanvasRasterizer();
        List<String> misses = new ArrayList<>();
        int correct = 0;
        try (CommittedModel model = new CommittedModel()) {
            for (int i = 0; i < DRAWINGS; i++) {
                HandwrittenDigit drawing = hand.sample(i);
                String read = model.read(canvas.png(drawing.pageInk()));
                if (read.equals(Integer.toString(drawing.digit()))) {
                    correct++;
                } else {
                    misses.add("#" + i + " " + drawing.style() + " read " + read);
                }
            }
        }
        double accuracy = (double) correct / DRAWINGS;
        String report = String.format("canvas: %.2f%% (%d/%d held-out drawings)%n  %s", 100 * accuracy, correct,
                DRAWINGS, String.join("\n  ", misses));
        System.out.println(report);
        assertTrue(accuracy >= CANVAS_FLOOR, report);
    }
}
