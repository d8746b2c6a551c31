/**
 * The engine's lowest layer beside the value types: turning a model's scores into probabilities, shared by the digit
 * models' output decoding and number mode's line reader. Nothing here imports another engine package.
 */
package io.mathsketch.engine.probability;
