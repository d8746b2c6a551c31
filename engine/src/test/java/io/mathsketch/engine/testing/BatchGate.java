package io.mathsketch.engine.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds an inference worker inside a batch so that tests can keep a request in flight or fill the queue behind a busy
 * worker deterministically: once {@link #arm() armed}, the next batch that passes the gate (an inference listener's
 * {@code onBatch} calls {@link #pass()}) waits there until {@link #release()}.
 */
public final class BatchGate {

    private volatile CountDownLatch entered = new CountDownLatch(0);
    private volatile CountDownLatch release = new CountDownLatch(0);

    /** The next batch to pass will be held. */
    public void arm() {
        // release first: a worker that sees the new entered latch then sees the new release latch too.
        release = new CountDownLatch(1);
        entered = new CountDownLatch(1);
    }

    /** Waits until a worker is held at the gate. */
    public void awaitHeld() throws InterruptedException {
        if (!entered.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("no inference batch started within 30 s");
        }
    }

    public void release() {
        release.countDown();
    }

    /** Called on the worker's thread inside a batch: holds it there if the gate is armed, at most 30 s. */
    public void pass() {
        CountDownLatch arrived = entered;
        if (arrived.getCount() == 0) {
            return;
        }
        CountDownLatch gate = release;
        arrived.countDown();
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
