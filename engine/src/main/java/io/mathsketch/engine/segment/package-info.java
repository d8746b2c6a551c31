/**
 * Segmentation of a number's ink into digit candidates, on 8-connected stroke components: the recognition-driven
 * steps ({@link io.mathsketch.engine.segment.CandidateSegmenter} proposes groupings and cuts,
 * {@link io.mathsketch.engine.segment.ReadingSearch} chooses among them by the model's confidence) and the geometric
 * {@link io.mathsketch.engine.segment.NumberSegmenter}. Value types and pixels only, never decoding, centring or the
 * model, which belong to the floors below and to the orchestration above ({@code io.mathsketch.engine.number}).
 */
package io.mathsketch.engine.segment;
