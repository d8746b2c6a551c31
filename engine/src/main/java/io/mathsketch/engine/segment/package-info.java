/**
 * Segmentation of a number's ink into digit candidates ({@link io.mathsketch.engine.segment.NumberSegmenter}, on
 * 8-connected stroke components): value types and pixels only, never decoding or centring, which belong to the
 * floors below and to the orchestration above ({@code io.mathsketch.engine.number}).
 */
package io.mathsketch.engine.segment;
