package io.mathsketch.training;

import io.mathsketch.training.export.NetworkCost;
import io.mathsketch.training.styles.StyleAccuracy;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a training run produced and measured; the model card and the ONNX provenance are written from it.
 *
 * @param options          the settings of the run
 * @param trainImages      MNIST training digits used
 * @param styledImages     drawings in the world's styles added to them
 * @param epochs           per-epoch results
 * @param test             the final model on the 10,000 MNIST test digits as stored
 * @param testRecentred    the same digits passed through the engine's MnistCentering first (what serving does)
 * @param heldOut          the final model on the held-out style variants
 * @param heldOutName      what that set is
 * @param cost             parameters and MACs
 * @param onnxMaxAbsDiff   largest logit difference between ONNX Runtime and PyTorch over the test set
 * @param determinism      the outcome of training a short run twice, in words
 * @param trainingSeconds  wall time of the training loop
 * @param finished         when the run finished
 * @param versions         library and runtime versions
 * @param startingPoint    where the parameters started: "He initialisation" or the model fine-tuned
 */
public record TrainingReport(TrainingOptions options, int trainImages, int styledImages, List<EpochResult> epochs,
                             Evaluation test, Evaluation testRecentred, StyleAccuracy heldOut, String heldOutName,
                             NetworkCost cost, double onnxMaxAbsDiff, String determinism,
                             double trainingSeconds, Instant finished, Map<String, String> versions,
                             String startingPoint) {
}
