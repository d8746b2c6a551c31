package io.mathsketch.engine.symbols;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DecodedImage;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.Box;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.InkCrop;
import io.mathsketch.engine.preprocess.MnistCentering;
import java.util.ArrayList;
import java.util.List;

/**
 * Expression mode's preparation in one place: decode the image, take its ink apart into symbols left to right
 * ({@link SymbolSegmenter}), measure the line ({@link SymbolGeometry}) and centre each symbol the MNIST way for the
 * symbol model. Thread-safe.
 */
public final class ExpressionLayout {

    /** Symbols in one expression at the most: far more than a line of handwriting holds. */
    public static final int MAX_SYMBOLS = 64;
    /**
     * Most pixels of ink box an expression is taken apart at; a larger box is shrunk by a whole factor. A million
     * pixels hold a line of 64 symbols 120 pixels high, and bound the segmentation's memory whatever the image.
     */
    static final int WORKING_PIXELS = 1 << 20;

    private final ImagePreprocessor preprocessor;
    private final SymbolSegmenter segmenter = new SymbolSegmenter(MAX_SYMBOLS);
    private final MnistCentering centering = new MnistCentering();

    /** Lays out expressions with a preprocessor (and so a decode budget) of its own: for tools and tests. */
    public ExpressionLayout(InputLimits limits) {
        this(new ImagePreprocessor(limits));
    }

    /**
     * Lays out expressions through a shared preprocessor, so that expression mode draws on the same decode budget as
     * digit and number mode: a second budget would let the modes together decode twice what
     * {@code limits.max-decoded-bytes-in-flight} allows.
     */
    public ExpressionLayout(ImagePreprocessor preprocessor) {
        this.preprocessor = preprocessor;
    }

    /**
     * The symbols of a line (in the working crop's pixels, which the geometry measures), the line, their centred
     * images and their boxes in the source image.
     */
    public record Laid(List<SymbolGroup> groups, SymbolGeometry geometry, List<DigitImage> images, List<Box> boxes) {
        public Laid {
            groups = List.copyOf(groups);
            images = List.copyOf(images);
            boxes = List.copyOf(boxes);
        }
    }

    /**
     * @throws BlankImage when the image holds no ink
     * @throws RecognitionException.TooManySymbols over {@link #MAX_SYMBOLS}
     * @throws RecognitionException for every decoding failure {@link ImagePreprocessor#inkCrop} reports
     */
    public Laid layout(byte[] encoded) throws RecognitionException {
        return layout(preprocessor.inkCrop(encoded, WORKING_PIXELS));
    }

    /**
     * The same for an image already decoded (digital ink drawn on its surface); boxes in that image's pixels.
     *
     * @throws BlankImage when the image holds no ink
     * @throws RecognitionException.TooManySymbols over {@link #MAX_SYMBOLS}
     */
    public Laid layout(DecodedImage image) throws RecognitionException {
        return layout(preprocessor.inkCrop(image, WORKING_PIXELS));
    }

    private Laid layout(InkCrop crop) throws RecognitionException {
        List<SymbolGroup> groups;
        try {
            groups = segmenter.segment(crop.ink());
        } catch (SymbolSegmenter.TooManySymbols e) {
            throw new RecognitionException.TooManySymbols(e.getMessage());
        }
        if (groups.isEmpty()) {
            throw new BlankImage();
        }
        List<DigitImage> images = new ArrayList<>(groups.size());
        List<Box> boxes = new ArrayList<>(groups.size());
        for (SymbolGroup group : groups) {
            images.add(centering.center(group.ink()));
            boxes.add(crop.toSource(group.box()));
        }
        return new Laid(groups, SymbolGeometry.of(groups), images, boxes);
    }
}
