/**
 * A written line of arithmetic taken apart: ink components grouped into symbols left to right (the two bars of
 * {@code =} and the dots of {@code ÷} together), each symbol centred by the MNIST recipe for the symbol model, and its
 * size and place relative to the line kept beside the image ({@link io.mathsketch.engine.symbols.SymbolGeometry}),
 * because the 20x20 box of the recipe cannot tell a decimal point from a zero, nor a minus from a stretched one.
 * Uses {@code image} and {@code preprocess}; the arithmetic itself is {@code expression}'s.
 */
package io.mathsketch.engine.symbols;
