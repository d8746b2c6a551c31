package io.mathsketch.engine.inference;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test listener that records batches and, when armed, holds the worker inside its next batch until released, so that
 * tests can fill the queue deterministically behind a busy worker.
 */
final class GatedListener implements InferenceListener {

    /** Digits and requests of every batch, in order. */
    final List<int[]> batches = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch entered;
    private volatile CountDownLatch release;
    private final List<String> rejected = new CopyOnWriteArrayList<>();

    void arm() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    void awaitHeld() throws InterruptedException {
        if (!entered.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("worker never started a batch");
        }
    }

    void release() {
        release.countDown();
    }

    int rejections() {
        return rejected.size();
    }

    @Override
    public void onBatch(String model, int digits, int requests, long inferenceNanos) {
        batches.add(new int[] {digits, requests});
        CountDownLatch gate = release;
        if (gate != null && entered.getCount() > 0) {
            entered.countDown();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void onRejected(String model) {
        rejected.add(model);
    }
}
