package io.mathsketch.engine.inference;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** Tracks the warm-up of a pool's workers: the pool is ready once every worker has run each batch size once. */
final class WarmUp {

    private final CountDownLatch remaining;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    WarmUp(int workers) {
        this.remaining = new CountDownLatch(workers);
    }

    void done() {
        remaining.countDown();
    }

    void failed(Throwable cause) {
        failure.compareAndSet(null, cause);
        remaining.countDown();
    }

    boolean isDone() {
        return remaining.getCount() == 0 && failure.get() == null;
    }

    /** Waits for every worker; returns the first failure, or null. */
    Throwable await() throws InterruptedException {
        remaining.await();
        return failure.get();
    }
}
