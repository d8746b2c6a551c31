/**
 * Chalkboard photos, an input class the image path was not designed for: one digit written light on a dark ground
 * (chalk on a black, green or grey board; a white gel pen on black paper), photographed by a phone from a seat
 * (window reflections, erased haze, the board's frame or ledge and the wall, 1280x960 to 4032x3024 JPEG), written
 * apart from the other cameras ({@link io.mathsketch.corpus.chalk.Chalkboards}). Kept out of training and tuning:
 * only its tuning twin ({@link io.mathsketch.corpus.chalk.Chalkboards#TUNING_SEED}) is looked at.
 */
package io.mathsketch.corpus.chalk;
