package io.mathsketch.corpus.hand;

import io.mathsketch.corpus.CommittedModel;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.engine.RecognitionRequest.Input;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Number mode on long numbers (a phone's, a card's, an account's: 8 to 32 digits, the engine's default digit limit),
 * longer than any number the segmentation was tuned on or the line reader learnt (2-6 digits): {@link #PER_LENGTH}
 * numbers per length of {@link InkNumberWriter.Config#LONG_HELD_OUT} (held-out hands; spaced, close, touching and
 * overlapping digits), read from their strokes and from the page's PNG of them, as clients send them, with number
 * mode's default models.
 */
class LongNumberQualityTest {

    static final int[] LENGTHS = {8, 10, 12, 16, 20, 24, 32};
    static final int PER_LENGTH = 40;
    /**
     * Measured 82.86% (232/280) from ink, with the line reader asked only about lines no longer than it learnt to read
     * (main before it: 200), and 66.43% (186/280) from the PNG with the reading search's pitch prior on lines of 8
     * digits or more (before it: 182; before the line reader's bound: 137); the floors are the figures, so that one
     * number fewer fails.
     */
    static final double INK_FLOOR = 0.828, PNG_FLOOR = 0.664;

    @Test
    void longNumbersAreReadFromTheirInkAndTheirPng() throws Exception {
        InkNumberWriter writer = new InkNumberWriter(InkNumberWriter.Config.LONG_HELD_OUT);
        CanvasRasterizer canvas = new CanvasRasterizer();
        int ink = 0, png = 0, numbers = 0;
        StringBuilder byLength = new StringBuilder();
        List<String> misses = new ArrayList<>();
        try (CommittedModel model = CommittedModel.forNumbers()) {
            for (int digits : LENGTHS) {
                int inkRight = 0, pngRight = 0;
                for (int i = 0; i < PER_LENGTH; i++) {
                    InkNumberWriter.Written n = writer.number(digits * 1_000L + i, digits);
                    String fromInk = model.readNumber(new Input.DigitalInk(n.ink()));
                    String fromPng = model.readNumber(new Input.EncodedImage(canvas.png(n.ink())));
                    inkRight += fromInk.equals(n.text()) ? 1 : 0;
                    pngRight += fromPng.equals(n.text()) ? 1 : 0;
                    if (!fromInk.equals(n.text()) || !fromPng.equals(n.text())) {
                        misses.add(n.spacing() + " " + n.text() + ": ink " + fromInk + ", PNG " + fromPng);
                    }
                }
                byLength.append(String.format(Locale.ROOT, "%n  %2d digits: ink %d/%d, PNG %d/%d", digits, inkRight,
                        PER_LENGTH, pngRight, PER_LENGTH));
                ink += inkRight;
                png += pngRight;
                numbers += PER_LENGTH;
            }
        }
        String report = String.format(Locale.ROOT, "long numbers (%d of 8-32 digits): ink %.2f%%, PNG %.2f%% exact%s%n"
                + "  %s", numbers, 100.0 * ink / numbers, 100.0 * png / numbers, byLength, String.join("\n  ", misses));
        System.out.println(report);
        assertTrue((double) ink / numbers >= INK_FLOOR, report);
        assertTrue((double) png / numbers >= PNG_FLOOR, report);
    }
}
