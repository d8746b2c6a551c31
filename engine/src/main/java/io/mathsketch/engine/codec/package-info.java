/**
 * Codecs: encoded bytes into a {@link io.mathsketch.engine.image.DecodedImage} (luminance over white, optional
 * alpha), reached only through {@link io.mathsketch.engine.codec.ImageDecoder}, which recognises the format by its
 * signature, checks the declared size before any pixel is decoded and picks the decoder: the pure-Java PNG decoder
 * of {@code codec.png} for canvas exports, the JDK's ImageIO readers for everything else. The EXIF orientation
 * ({@code ExifOrientation}: JPEG APP1, PNG eXIf) is applied to every decoded image by
 * {@link io.mathsketch.engine.codec.Orientation}, so what leaves this layer is upright. Codecs know nothing of ink,
 * polarity or digits; those are {@code preprocess}'s business, one floor up.
 */
package io.mathsketch.engine.codec;
