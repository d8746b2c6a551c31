/**
 * Serving core, in the spirit of DJL Serving's {@code wlm}: {@link io.mathsketch.engine.inference.DjlRecognizer}
 * (the {@link io.mathsketch.engine.Recognizer}) keeps one {@link io.mathsketch.engine.inference.ModelPool} per model;
 * a pool is a bounded queue ({@code engine.batching.queue-capacity}; full means
 * {@link io.mathsketch.engine.RecognitionException.Overloaded} at once) and {@code engine.workers} platform threads,
 * each owning one DJL {@code Predictor}. A worker takes the oldest request and whatever else is already waiting, up to
 * {@code engine.batching.max-batch-size} digits, waiting at most {@code engine.batching.max-delay} for more (zero: a
 * lone request never waits), and answers each request through its own future. A batch that fails is retried request
 * by request, so one bad input fails only itself. Closing a pool drains its queue before freeing native memory.
 * Metrics reach the server through {@link io.mathsketch.engine.inference.InferenceListener}.
 */
package io.mathsketch.engine.inference;
