package io.mathsketch.engine.inference;

import io.mathsketch.engine.testing.BatchGate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test listener that records batches and rejections and, when armed, holds the worker inside its next batch until
 * released ({@link BatchGate}), so that tests can fill the queue deterministically behind a busy worker.
 */
final class GatedListener implements InferenceListener {

    /** Digits and requests of every batch, in order. */
    final List<int[]> batches = new CopyOnWriteArrayList<>();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private final BatchGate gate = new BatchGate();

    void arm() {
        gate.arm();
    }

    void awaitHeld() throws InterruptedException {
        gate.awaitHeld();
    }

    void release() {
        gate.release();
    }

    int rejections() {
        return rejected.size();
    }

    @Override
    public void onBatch(String model, int digits, int requests, long inferenceNanos) {
        batches.add(new int[] {digits, requests});
        gate.pass();
    }

    @Override
    public void onRejected(String model) {
        rejected.add(model);
    }
}
