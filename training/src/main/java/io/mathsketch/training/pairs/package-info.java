/**
 * The pair reader ({@code models/mathsketch-digit-pairs}): a small CNN that reads a wide segmentation candidate of
 * number mode as two touching digits (or as not two whole digits), trained on the engine's own candidates for numbers
 * written with MNIST training digits and the training hand.
 */
package io.mathsketch.training.pairs;
