/**
 * Training of the symbol model ({@code models/mathsketch-symbols}): MNIST digits plus handwritten operators,
 * parentheses and points drawn by the corpus's stroke generator, through the same trainer, exporter and checks as
 * the digit model.
 */
package io.mathsketch.training.symbols;
