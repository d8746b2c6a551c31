package io.mathsketch.training;

/** What one epoch achieved: mean training loss and accuracy over its batches, and test accuracy afterwards. */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double testAccuracy, double seconds) {
}
