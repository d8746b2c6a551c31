/**
 * Number mode's orchestration, above decoding, preprocessing and segmentation: decode, segment, centre (and, with a
 * model, read). Nothing below imports this package.
 */
package io.mathsketch.engine.number;
