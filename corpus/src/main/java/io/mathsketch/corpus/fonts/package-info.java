/**
 * Digits in other people's handwriting, and in print, taken from installed fonts
 * ({@link io.mathsketch.corpus.fonts.DigitFont}) and drawn as the drawing page exports them and as a phone photographs
 * that export ({@link io.mathsketch.corpus.fonts.FontDigits}). A held-out set only: no training set reads these
 * fonts and nothing is tuned on them.
 */
package io.mathsketch.corpus.fonts;
