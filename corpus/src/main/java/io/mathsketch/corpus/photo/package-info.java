/**
 * Photos of digits written on paper, as phones send them: uneven light and cast shadows, tinted or grey paper with
 * texture, sensor grain, JPEG artefacts at several qualities, mild blur, blue, black or pencil ink, a small digit
 * anywhere in a large frame, specks and the desk along an edge ({@link io.mathsketch.corpus.photo.PhotoSet},
 * {@link io.mathsketch.corpus.photo.PhotoConfig}). The quality tests store the same photos as a camera held sideways
 * or mirrored stores them, with their EXIF orientation in JPEG or PNG (the tests' {@code ExifVariants}, on the engine
 * tests' EXIF placement and writer).
 */
package io.mathsketch.corpus.photo;
