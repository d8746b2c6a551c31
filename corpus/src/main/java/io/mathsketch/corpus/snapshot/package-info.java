/**
 * A second, independently written camera model for phone photos of digits on paper, kept out of all tuning: the
 * drawing page's own Chromium exports ({@code data/canvas-fixtures}) copied onto notebook paper and photographed
 * through a chain that shares no code or condition list with {@link io.mathsketch.corpus.photo}
 * ({@link io.mathsketch.corpus.snapshot.Snapshots}). What the photo path was designed for is measured on
 * {@code corpus.photo}; this set measures it on conditions it was not designed for (perspective, portrait frames,
 * squared and ruled paper, coloured pens, a desk lamp's spot, colour casts, motion blur, a messenger's resize and
 * second JPEG).
 */
package io.mathsketch.corpus.snapshot;
