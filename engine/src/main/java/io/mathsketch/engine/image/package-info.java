/**
 * The engine's lowest layer: value types every other layer shares (decoded ink intensities, digits prepared for a
 * model, boxes, digital ink). Nothing here imports another engine package.
 */
package io.mathsketch.engine.image;
