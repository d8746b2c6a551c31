/**
 * Ink to what clients send: the drawing page's writing surfaces ({@link io.mathsketch.corpus.render.PageSurface}),
 * its canvas raster and PNG export ({@link io.mathsketch.corpus.render.CanvasRasterizer},
 * {@link io.mathsketch.corpus.render.CanvasExport}), and the engine's own decoding and centring of it
 * ({@link io.mathsketch.corpus.render.CanvasDigits}). Knows nothing of how the ink was made.
 */
package io.mathsketch.corpus.render;
