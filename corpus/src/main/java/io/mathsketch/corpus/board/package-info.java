/**
 * Whiteboard photos, an input class no other generator models: one digit written with a dry-erase marker on a glossy
 * board, photographed by a phone from the side (glare, erased ghosts, the board's frame, 1280x960 to 4032x3024 JPEG),
 * written apart from {@code corpus.photo}, {@code corpus.snapshot} and {@code corpus.scan}
 * ({@link io.mathsketch.corpus.board.Whiteboards}). Kept out of training and tuning: only its tuning twin
 * ({@link io.mathsketch.corpus.board.Whiteboards#TUNING_SEED}) is looked at.
 */
package io.mathsketch.corpus.board;
