/**
 * Digits and numbers in other people's handwriting, and in print, taken from installed fonts
 * ({@link io.mathsketch.corpus.fonts.DigitFont}) and drawn as the drawing page exports them and as a phone photographs
 * that export: single digits ({@link io.mathsketch.corpus.fonts.FontDigits}), a held-out set only, and numbers of 2-8
 * digits ({@link io.mathsketch.corpus.fonts.FontNumbers}), whose fonts are split into tuning fonts and held-out ones
 * ({@link io.mathsketch.corpus.fonts.FontNumberConfig}). No training set reads these fonts.
 */
package io.mathsketch.corpus.fonts;
