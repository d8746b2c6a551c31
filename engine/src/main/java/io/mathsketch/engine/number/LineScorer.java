package io.mathsketch.engine.number;

import io.mathsketch.engine.RecognitionException;

/**
 * Number mode's line reader as the reading search asks it: a whole number line, fitted by
 * {@code preprocess.LineCentering}, read as per-step logits over the digits and the CTC blank ({@link CtcScore}).
 * The inference layer implements it; this package only calls it.
 */
@FunctionalInterface
public interface LineScorer {

    /** One row of {@link CtcScore#CLASSES} logits per column step, left to right. */
    float[][] logits(float[] line) throws RecognitionException;
}
