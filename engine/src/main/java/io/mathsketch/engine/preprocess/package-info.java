/**
 * The steps between a decoded image and what a model reads: where the ink is
 * ({@code InkExtractor}: polarity, transparency, contrast) and the MNIST recipe
 * ({@link io.mathsketch.engine.preprocess.MnistCentering}), orchestrated for one image by
 * {@link io.mathsketch.engine.preprocess.ImagePreprocessor}. Decoding itself is {@code codec}'s, one floor down.
 */
package io.mathsketch.engine.preprocess;
