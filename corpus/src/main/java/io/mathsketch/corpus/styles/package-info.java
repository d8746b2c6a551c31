/**
 * Labelled sets of generated drawings in the world's digit styles as the engine receives them: the handwriting
 * generator's ink rendered through the page's path. Shared by the recognition-quality floors and by training.
 */
package io.mathsketch.corpus.styles;
