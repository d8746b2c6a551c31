/**
 * Handwriting as pen strokes: digits in the ways the world writes them ({@link io.mathsketch.corpus.hand.DigitStyle},
 * stroke models in {@link io.mathsketch.corpus.hand.DigitGlyphs}) drawn by varied hands
 * ({@link io.mathsketch.corpus.hand.HandConfig}) into the engine's {@link io.mathsketch.engine.image.Ink}.
 * {@link io.mathsketch.corpus.hand.HandwritingGenerator} is the entry point. Imports only the engine's value types.
 */
package io.mathsketch.corpus.hand;
