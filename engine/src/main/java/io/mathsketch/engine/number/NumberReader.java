package io.mathsketch.engine.number;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.BlankImage;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.DigitImage;
import io.mathsketch.engine.image.DigitRegion;
import io.mathsketch.engine.preprocess.ImagePreprocessor;
import io.mathsketch.engine.preprocess.InkCrop;
import io.mathsketch.engine.preprocess.MnistCentering;
import io.mathsketch.engine.segment.Cutout;
import io.mathsketch.engine.segment.NumberSegmenter;

import java.util.ArrayList;
import java.util.List;

/**
 * Number mode in one place: decode the image to the ink's bounding box (shrunk when it is far larger than a number
 * needs), segment it into digits, centre each the MNIST way, and map every box back to the source image. The
 * digit limit ({@code limits.max-digits}) is enforced by the segmenter before any region is centred. Thread-safe.
 */
public final class NumberReader {

    /**
     * Most pixels of ink box a number is segmented at; a larger box is shrunk by a whole factor. A million pixels
     * hold 32 digits 180 pixels high, far more than the 20-pixel box each digit is reduced to, and bound the
     * segmentation's working memory to about 16 MB per request whatever the image's size.
     */
    static final int WORKING_PIXELS = 1 << 20;

    private final ImagePreprocessor preprocessor;
    private final NumberSegmenter segmenter = new NumberSegmenter();
    private final MnistCentering centering = new MnistCentering();
    private final int maxDigits;

    public NumberReader(InputLimits limits) {
        this(new ImagePreprocessor(limits), limits);
    }

    /** Reads numbers through a shared preprocessor, so that digit and number mode draw on one decode budget. */
    public NumberReader(ImagePreprocessor preprocessor, InputLimits limits) {
        this.preprocessor = preprocessor;
        this.maxDigits = limits.maxDigits();
    }

    /**
     * One centred digit per region of the number, leftmost first, boxes in source image coordinates.
     *
     * @throws BlankImage when the image holds no ink
     * @throws RecognitionException.TooManyDigits over {@link InputLimits#maxDigits()}
     * @throws RecognitionException for every decoding failure {@link ImagePreprocessor#decode} reports
     */
    public List<DigitRegion> regions(byte[] encoded) throws RecognitionException {
        InkCrop crop = preprocessor.inkCrop(encoded, WORKING_PIXELS);
        List<Cutout> cutouts = segmenter.segment(crop.ink(), maxDigits);
        List<DigitRegion> regions = new ArrayList<>(cutouts.size());
        for (Cutout cutout : cutouts) {
            regions.add(new DigitRegion(crop.toSource(cutout.box()), centre(cutout)));
        }
        return List.copyOf(regions);
    }

    private DigitImage centre(Cutout cutout) {
        try {
            return centering.center(cutout.ink());
        } catch (BlankImage e) {
            throw new IllegalStateException("a segmented region always holds stroke pixels", e);
        }
    }
}
