package io.mathsketch.engine.inference;

import io.mathsketch.engine.Recognition;

/**
 * Metrics hooks for the server (e.g. batch-size histograms, stage timers, rejection counters). Methods are called on
 * inference worker threads or on the caller's thread, so implementations must be thread-safe and quick; the default
 * methods do nothing, so an implementation overrides only what it records.
 */
public interface InferenceListener {

    /** Records nothing. */
    InferenceListener NONE = new InferenceListener() {
    };

    /**
     * One inference call ran.
     *
     * @param model model name
     * @param digits images in the tensor (the batch size the engine saw)
     * @param requests recognitions those images belong to
     * @param inferenceNanos time inside the predictor, including tensor conversion
     */
    default void onBatch(String model, int digits, int requests, long inferenceNanos) {
    }

    /** A recognition finished successfully, with its stage timings. */
    default void onRecognition(String model, Recognition.Timings timings) {
    }

    /** A request was rejected because the model's queue was full. */
    default void onRejected(String model) {
    }
}
