package io.mathsketch.corpus.symbols;

import io.mathsketch.corpus.hand.DigitStyle;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.corpus.hand.HandwritingGenerator;
import io.mathsketch.corpus.hand.HandwrittenDigit;
import io.mathsketch.corpus.render.CanvasRasterizer;
import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.symbols.SymbolGroup;
import io.mathsketch.engine.symbols.SymbolSegmenter;
import java.util.List;

/**
 * Single handwritten symbols as the symbol model receives them when it reads an expression from the drawing page:
 * drawn alone by a {@link HandwritingGenerator} at a digit's size, exported as the canvas's PNG, decoded by the
 * engine, joined into one symbol by its {@link SymbolSegmenter} and centred by the MNIST recipe. Drawing {@code i} of
 * a style is always the same, so a held-out configuration gives a fixed test set. Thread-safe.
 */
public final class SymbolImages {

    /** Line height of a drawn symbol in canvas units, and the canvas around it. */
    private static final int LINE = 80, CANVAS_WIDTH = 200, CANVAS_HEIGHT = 180;

    private final HandwritingGenerator hand;
    private final CanvasRasterizer canvas = new CanvasRasterizer();
    private final ImagePreprocessor preprocessor = new ImagePreprocessor(InputLimits.DEFAULT);
    private final SymbolSegmenter segmenter = new SymbolSegmenter(8);
    private final MnistCentering centering = new MnistCentering();

    public SymbolImages(HandConfig config) {
        this.hand = new HandwritingGenerator(config);
    }

    /** Drawing {@code index} of {@code style}, as the model's 28x28 input. */
    public DigitImage image(SymbolStyle style, long index) {
        Box box = box();
        return read(new Ink(hand.drawGlyph(style.glyph(), style.name(), index, box), CANVAS_WIDTH, CANVAS_HEIGHT,
                hand.penWidth(style.name(), index, box)));
    }

    /**
     * Drawing {@code index} of a digit style by the same hand at the same size, read the same way: digits drawn as the
     * operators are, so that being drawn by the generator is no sign of an operator to the model.
     */
    public DigitImage digit(DigitStyle style, long index) {
        HandwrittenDigit digit = hand.draw(style, index, box());
        return read(new Ink(digit.strokes(), CANVAS_WIDTH, CANVAS_HEIGHT, digit.penWidth()));
    }

    private static Box box() {
        return new Box((CANVAS_WIDTH - LINE) / 2, (CANVAS_HEIGHT - LINE) / 2, (int) (LINE * 0.6), LINE);
    }

    private DigitImage read(Ink ink) {
        try {
            InkImage decoded = preprocessor.decode(canvas.png(ink));
            List<SymbolGroup> groups = segmenter.segment(decoded);
            // Drawn alone, a symbol is one group; should a part stand apart, the whole drawing is still the symbol.
            return groups.size() == 1 ? centering.center(groups.getFirst().ink()) : centering.center(decoded);
        } catch (RecognitionException | SymbolSegmenter.TooManySymbols e) {
            throw new IllegalStateException("the engine refused a generated symbol: " + e.getMessage(), e);
        }
    }
}
