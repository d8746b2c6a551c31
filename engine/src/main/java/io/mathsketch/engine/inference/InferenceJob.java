package io.mathsketch.engine.inference;

import io.mathsketch.engine.model.DigitBatch;

import java.util.concurrent.CompletableFuture;

/**
 * The digits of one recognition waiting for a worker, and the future its caller waits on. A job is never split: all
 * digits of a number go through the network in the same call.
 */
final class InferenceJob {

    private final DigitBatch digits;
    private final CompletableFuture<InferenceResult> result = new CompletableFuture<>();
    private final long enqueuedNanos = System.nanoTime();
    private long dequeuedNanos;

    InferenceJob(DigitBatch digits) {
        this.digits = digits;
    }

    DigitBatch digits() {
        return digits;
    }

    int size() {
        return digits.size();
    }

    CompletableFuture<InferenceResult> result() {
        return result;
    }

    void markDequeued() {
        dequeuedNanos = System.nanoTime();
    }

    long queueNanos() {
        return dequeuedNanos - enqueuedNanos;
    }
}
