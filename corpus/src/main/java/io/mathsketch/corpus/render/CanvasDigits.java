package io.mathsketch.corpus.render;

import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.preprocess.ImagePreprocessor;

/**
 * A drawing as the model receives it from the drawing page: rasterised like the page's canvas, exported as the
 * canvas's PNG, then decoded and centred by the engine's own {@link ImagePreprocessor}, byte for byte the path of a
 * PNG posted to the API. Thread-safe.
 */
public final class CanvasDigits {

    private final CanvasRasterizer canvas = new CanvasRasterizer();
    private final ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);

    /** The PNG the page would post. */
    public byte[] png(Ink ink) {
        return canvas.png(ink);
    }

    /** The 28x28 input the engine makes of that PNG. */
    public DigitImage digit(Ink ink) {
        try {
            return preprocessor.digit(png(ink));
        } catch (RecognitionException e) {
            // Generated ink always has strokes on the canvas; anything else is a generator bug, not an input error.
            throw new IllegalStateException("the engine refused a generated canvas: " + e.getMessage(), e);
        }
    }
}
