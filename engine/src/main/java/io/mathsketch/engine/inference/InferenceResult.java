package io.mathsketch.engine.inference;

/**
 * What a worker hands back to one caller.
 *
 * @param probabilities one probability row per digit of the job, in the job's order
 * @param queueNanos time the job waited for a worker
 * @param inferenceNanos time of the inference call the job was part of
 * @param batchSize digits in that call (this job's and others')
 */
public record InferenceResult(float[][] probabilities, long queueNanos, long inferenceNanos, int batchSize) {
}
