package io.mathsketch.engine.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A model's bounded request queue and the dynamic-batching policy on top of it. A worker takes the oldest job, then
 * whatever else is already waiting, up to {@code maxBatchSize} digits; with a positive {@code maxBatchDelay} it waits
 * that long for more, with zero a lone request never waits. Workers form batches one at a time (a lock), so a job that
 * does not fit the current batch is kept aside as the first of the next, preserving arrival order.
 */
final class BatchCollector {

    /** How often an idle worker looks at the closed flag. */
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final BlockingQueue<InferenceJob> queue;
    private final int maxBatchSize;
    private final long maxDelayNanos;
    private final ReentrantLock forming = new ReentrantLock();
    private InferenceJob carried;
    private volatile boolean closed;

    BatchCollector(int queueCapacity, int maxBatchSize, Duration maxBatchDelay) {
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatchSize = maxBatchSize;
        this.maxDelayNanos = maxBatchDelay.toNanos();
    }

    /** Queues a job; false when the queue is full. */
    boolean offer(InferenceJob job) {
        return queue.offer(job);
    }

    /** Stops waiting for new work: {@link #next()} returns what is still queued, then an empty list. */
    void close() {
        closed = true;
    }

    /**
     * The next batch (at least one job), or an empty list once closed and drained.
     *
     * @throws InterruptedException when the worker is interrupted while waiting
     */
    List<InferenceJob> next() throws InterruptedException {
        forming.lockInterruptibly();
        try {
            InferenceJob first = takeFirst();
            if (first == null) {
                return List.of();
            }
            List<InferenceJob> batch = new ArrayList<>();
            batch.add(dequeued(first));
            int digits = first.size();
            long deadline = System.nanoTime() + maxDelayNanos;
            while (digits < maxBatchSize) {
                long remaining = deadline - System.nanoTime();
                InferenceJob job = remaining > 0 ? queue.poll(remaining, TimeUnit.NANOSECONDS) : queue.poll();
                if (job == null) {
                    break;
                }
                if (digits + job.size() > maxBatchSize) {
                    carried = job;
                    break;
                }
                batch.add(dequeued(job));
                digits += job.size();
            }
            return batch;
        } finally {
            forming.unlock();
        }
    }

    private InferenceJob takeFirst() throws InterruptedException {
        if (carried != null) {
            InferenceJob job = carried;
            carried = null;
            return job;
        }
        while (true) {
            InferenceJob job = queue.poll(IDLE_POLL_NANOS, TimeUnit.NANOSECONDS);
            if (job != null || (closed && queue.isEmpty())) {
                return job;
            }
        }
    }

    private static InferenceJob dequeued(InferenceJob job) {
        job.markDequeued();
        return job;
    }
}
