/**
 * The digit verifier ({@code models/mathsketch-digit-verifier}): a small CNN that tells whether a segmentation
 * candidate of number mode is one whole digit (and which), trained on the engine's own candidates for numbers written
 * with MNIST training digits and the training hand.
 */
package io.mathsketch.training.verifier;
