package io.mathsketch.server.store;

import io.mathsketch.server.observe.StoreMetrics;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Group commit: one writer thread takes every row waiting when it becomes free and commits them in one transaction,
 * so concurrent requests share a commit instead of queueing for connections. Each submitter's future completes with
 * {@code true} once its row is committed, or {@code false} when it could not be stored; it always completes.
 */
public final class RecognitionWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RecognitionWriter.class.getName());

    private final RecognitionStore store;
    private final DatabaseStatus status;
    private final StoreMetrics metrics;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private volatile boolean closing;

    public RecognitionWriter(RecognitionStore store, DatabaseStatus status, StoreMetrics metrics, int maxBatch,
                             int queueCapacity) {
        this.store = store;
        this.status = status;
        this.metrics = metrics;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = Thread.ofVirtual().name("recognition-writer").start(this::run);
    }

    /** Queues a row; the future says whether it was committed. */
    public CompletableFuture<Boolean> submit(RecognitionRecord record) {
        Pending pending = new Pending(record, new CompletableFuture<>());
        if (closing || !status.worthTrying() || !queue.offer(pending)) {
            metrics.failed(1);
            pending.done().complete(false);
        }
        return pending.done();
    }

    private void run() {
        while (!closing || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Pending> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    write(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        failRemaining();
    }

    private void write(List<Pending> batch) {
        if (!status.worthTrying()) {
            fail(batch);
            return;
        }
        long start = System.nanoTime();
        try {
            store.insertAll(batch.stream().map(Pending::record).toList());
            status.markUp();
            metrics.committed(batch.size(), System.nanoTime() - start);
            batch.forEach(p -> p.done().complete(true));
        } catch (RuntimeException e) {
            if (status.available()) {
                LOG.log(Level.WARNING, "Storing " + batch.size() + " recognitions failed; the database is marked"
                        + " unavailable: " + e.getMessage());
            }
            status.markDown(e);
            fail(batch);
        }
    }

    private void fail(List<Pending> batch) {
        metrics.failed(batch.size());
        batch.forEach(p -> p.done().complete(false));
    }

    private void failRemaining() {
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        if (!rest.isEmpty()) {
            fail(rest);
        }
    }

    /** Stops taking rows, commits those already queued, and waits for the writer to finish. */
    @Override
    public void close() {
        closing = true;
        try {
            if (!thread.join(Duration.ofSeconds(30))) {
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failRemaining();
    }

    private record Pending(RecognitionRecord record, CompletableFuture<Boolean> done) {
    }
}
