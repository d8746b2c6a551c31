/**
 * A pure-Java decoder for non-interlaced PNG, reached only through {@link io.mathsketch.engine.codec.png.PngDecoder}:
 * chunk walking, header validation, DEFLATE and the per-layout row converters are its package-private internals.
 */
package io.mathsketch.engine.codec.png;
