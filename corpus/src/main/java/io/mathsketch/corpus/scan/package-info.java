/**
 * Scanned pages, an input class no other generator models: one handwritten digit on an A4 page as a flatbed scanner
 * or a phone's scanner app writes it (1-bit, palette or grey PNG, grey JPEG; 150-300 dpi; plain, ruled or a printed
 * form's box; the glass or its backing beyond the page), written apart from {@code corpus.photo} and
 * {@code corpus.snapshot} ({@link io.mathsketch.corpus.scan.Scans}). Kept out of training and tuning: only its
 * tuning twin ({@link io.mathsketch.corpus.scan.Scans#TUNING_SEED}) is looked at.
 */
package io.mathsketch.corpus.scan;
