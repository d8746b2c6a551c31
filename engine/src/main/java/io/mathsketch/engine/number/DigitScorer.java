package io.mathsketch.engine.number;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.image.DigitImage;

import java.util.List;

/**
 * The digit model as number mode's segmentation asks it: the probabilities of every label for each of a batch of
 * centred candidates. The inference layer implements it on its batching predictor pool; this package only calls it.
 */
@FunctionalInterface
public interface DigitScorer {

    /** One row of label probabilities per digit, in order. */
    float[][] probabilities(List<DigitImage> digits) throws RecognitionException;
}
