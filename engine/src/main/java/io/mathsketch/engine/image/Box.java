package io.mathsketch.engine.image;

/** A pixel rectangle in a source image: where a digit or symbol was found. */
public record Box(int x, int y, int width, int height) {
}
