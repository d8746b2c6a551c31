package io.mathsketch.training.styles;

import ai.djl.Model;
import io.mathsketch.corpus.hand.HandConfig;
import io.mathsketch.engine.mnist.MnistImages;
import io.mathsketch.engine.mnist.MnistLabels;
import io.mathsketch.training.Evaluation;
import io.mathsketch.training.Evaluator;
import java.util.List;

/**
 * The sets every model is measured on and compared by, none of them ever trained on: the MNIST test digits, and the
 * drawings of every style by the {@link HandConfig#HELD_OUT} hands (other seeds, wider ranges, another tremor than
 * training's), half of them from the canvas and half as paper crops.
 *
 * @param mnistName   what the MNIST set is ("MNIST test set (10,000 images)")
 * @param heldOut     the held-out style drawings
 */
public record FixedTestSets(String mnistName, MnistImages mnistImages, MnistLabels mnistLabels,
                            List<StyledSample> heldOut) {

    /** Held-out drawings per style and path: 200 per style, so one error moves a style by half a point. */
    public static final int HELD_OUT_PER_PATH = 100;

    public FixedTestSets {
        heldOut = List.copyOf(heldOut);
    }

    /** MNIST test digits plus the standard held-out style set. */
    public static FixedTestSets of(String mnistName, MnistImages images, MnistLabels labels) {
        return new FixedTestSets(mnistName, images, labels,
                new StyledVariants(HandConfig.HELD_OUT).fixedSet(HELD_OUT_PER_PATH));
    }

    public String heldOutName() {
        return "held-out style variants (" + heldOut.size() + " drawings: " + HELD_OUT_PER_PATH
                + " canvas + " + HELD_OUT_PER_PATH + " paper crops per style, HandConfig.HELD_OUT)";
    }

    public Results measure(Evaluator evaluator, Model model) {
        return new Results(evaluator.evaluate(model, mnistImages::digit, mnistLabels),
                StyleAccuracy.measure(evaluator, model, heldOut));
    }

    /** One model's results on the fixed sets. */
    public record Results(Evaluation mnist, StyleAccuracy styles) {
    }
}
