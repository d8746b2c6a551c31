package io.mathsketch.engine.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A model's bounded request queue and the dynamic-batching policy on top of it. A worker takes the oldest job, then
 * whatever else is already waiting, up to {@code maxBatchSize} digits; with a positive {@code maxBatchDelay} it waits
 * that long for more, with zero a lone request never waits. Workers form batches one at a time (a lock), so a job that
 * does not fit the current batch is kept aside as the first of the next, preserving arrival order.
 *
 * <p>Load-aware batching: callers announce a request ({@link #announce()}) before preprocessing it. When the queue
 * runs dry while announced requests are still being preprocessed, the worker waits up to {@code arrivalWait} for
 * them: under load, one larger batch costs much less per digit than several small ones, while a lone request (nothing
 * else announced) is never delayed.
 */
final class BatchCollector {

    /** How often an idle worker looks at the closed flag. */
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    /** How often a worker waiting for announced requests checks that some are still coming. */
    private static final long ARRIVAL_SLICE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private final BlockingQueue<InferenceJob> queue;
    private final int maxBatchSize;
    private final long maxDelayNanos;
    private final long arrivalWaitNanos;
    private final AtomicInteger announced = new AtomicInteger();
    private final ReentrantLock forming = new ReentrantLock();
    private InferenceJob carried;
    private volatile boolean closed;

    BatchCollector(int queueCapacity, int maxBatchSize, Duration maxBatchDelay, Duration arrivalWait) {
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatchSize = maxBatchSize;
        this.maxDelayNanos = maxBatchDelay.toNanos();
        this.arrivalWaitNanos = arrivalWait.toNanos();
    }

    /**
     * Announces a request that is being preprocessed. Close the arrival just before offering its job (or when the
     * request fails): a worker must never wait for a job it already holds. In the moment between the two a worker
     * may stop waiting early, which costs a smaller batch, never a delay.
     */
    Arrival announce() {
        announced.incrementAndGet();
        return new Arrival(announced);
    }

    /** Requests announced and not yet queued. */
    int announced() {
        return announced.get();
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
            long start = System.nanoTime();
            long deadline = start + maxDelayNanos;
            long arrivalDeadline = start + arrivalWaitNanos;
            while (digits < maxBatchSize) {
                long now = System.nanoTime();
                InferenceJob job = deadline - now > 0 ? queue.poll(deadline - now, TimeUnit.NANOSECONDS)
                        : queue.poll();
                boolean waitedForArrival = false;
                while (job == null && announced.get() > 0 && arrivalDeadline - System.nanoTime() > 0) {
                    // Short slices: an announced request that fails in preprocessing never arrives.
                    job = queue.poll(Math.min(ARRIVAL_SLICE_NANOS, arrivalDeadline - System.nanoTime()),
                            TimeUnit.NANOSECONDS);
                    waitedForArrival = true;
                }
                if (job == null && waitedForArrival) {
                    // A request queued and withdrawn between a slice's end and the check above is in the queue.
                    job = queue.poll();
                }
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

    /** One announced request; {@link #close()} withdraws the announcement, once. Used by one thread. */
    static final class Arrival implements AutoCloseable {
        private final AtomicInteger announced;
        private boolean closed;

        private Arrival(AtomicInteger announced) {
            this.announced = announced;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                announced.decrementAndGet();
            }
        }
    }
}
