package io.mathsketch.server.store;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit: one writer thread takes every row waiting when it becomes free and commits them in one transaction,
 * so concurrent requests share a commit instead of queueing for connections. {@link #store} answers {@code true}
 * once a row is committed and {@code false} only when it is not kept; it always answers.
 * <p>
 * The rows waiting are bounded twice: by count and by their bytes ({@link #rowBytes}). A row count alone let a slow
 * disk fill the heap: 10,000 rows of canvas PNGs of up to 256 KB each are gigabytes. A row that finds the byte budget
 * spent waits for room, within the same write timeout as its commit, and is answered as not stored if none comes:
 * backpressure on the requests, never more pending rows than the budget.
 */
public final class RecognitionWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RecognitionWriter.class.getName());
    /** How often queued rows are checked against their deadlines: an answer comes at most this late. */
    static final Duration SWEEP_INTERVAL = Duration.ofMillis(20);

    private final Rows store;
    private final DatabaseStatus status;
    private final StoreEvents events;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    /** Bytes of the rows queued or being written; a row takes its share before it is queued. */
    private final Semaphore queuedBytes;
    private final int maxQueuedBytes;
    private final HeapFailures heap;
    private final Thread thread;
    private final Thread sweeper;
    /** Runs between a row's check for {@link #close} and its queueing: a test's hook into that window, else nothing. */
    private final Runnable beforeQueueing;
    private volatile boolean closing;

    /** Where committed rows go: {@link RecognitionStore#insertAll}, one transaction per call. */
    @FunctionalInterface
    interface Rows {
        void insertAll(List<RecognitionRecord> records);
    }

    public RecognitionWriter(RecognitionStore store, DatabaseStatus status, StoreEvents events, int maxBatch,
                             int queueCapacity, int queueBytes, HeapFailures heap) {
        this(store::insertAll, status, events, maxBatch, queueCapacity, queueBytes, heap);
    }

    RecognitionWriter(Rows store, DatabaseStatus status, StoreEvents events, int maxBatch, int queueCapacity,
                      int queueBytes, HeapFailures heap) {
        this(store, status, events, maxBatch, queueCapacity, queueBytes, heap, () -> { });
    }

    RecognitionWriter(Rows store, DatabaseStatus status, StoreEvents events, int maxBatch, int queueCapacity,
                      int queueBytes, HeapFailures heap, Runnable beforeQueueing) {
        this.store = store;
        this.status = status;
        this.events = events;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.queuedBytes = new Semaphore(queueBytes);
        this.maxQueuedBytes = queueBytes;
        this.heap = heap;
        this.beforeQueueing = beforeQueueing;
        this.thread = Thread.ofVirtual().name("recognition-writer").start(this::run);
        this.sweeper = Thread.ofVirtual().name("recognition-writer-sweeper").start(this::sweep);
    }

    /**
     * Queues a row and waits for its outcome: true once it is committed, false when it is not stored, and only then.
     * After {@code timeout} a row still waiting in the queue is withdrawn (by the writer's sweeper, within
     * {@link #SWEEP_INTERVAL} of the deadline), so it is never written later behind an answer that said it was not
     * kept; a row already in a transaction is waited for until that transaction ends.
     * <p>
     * The wait itself has no timeout: a timed wait made every stored recognition schedule and cancel a timer of the
     * virtual-thread scheduler (its delay queue, a platform thread woken per request), ~10 µs of CPU per request in
     * the server's profile; one sweeper thread per writer keeps the deadlines instead.
     */
    public boolean store(RecognitionRecord record, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Pending pending = new Pending(record, Math.min(rowBytes(record), maxQueuedBytes), deadline);
        if (closing || !status.worthTrying()) {
            events.failed(1);
            return false;
        }
        if (!queuedBytes.tryAcquire(pending.bytes, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            events.failed(1);
            return false;
        }
        if (closing || !offer(pending)) {
            queuedBytes.release(pending.bytes);
            events.failed(1);
            return false;
        }
        // Withdrawn at once if close() began after the check above (the writer may have left its loop and drained
        // the queue before this row arrived, and nothing would answer it; its bytes stay taken, as no row is queued
        // after this), or if it is already past its deadline (a write timeout of zero: not left for the sweeper to
        // answer late).
        if ((closing || deadline - System.nanoTime() <= 0) && pending.withdraw()) {
            events.failed(1);
            return false;
        }
        try {
            return pending.done.get();
        } catch (ExecutionException e) {
            return false;
        }
    }

    /**
     * Answers "not stored" for every queued row whose deadline has passed and withdraws it, so the writer skips it.
     * Runs beside the writer: a writer stuck in a long transaction (a slow disk) must not keep the rows queued behind
     * it from being answered at their deadline.
     */
    private void sweep() {
        boolean failing = false;
        while (!closing) {
            try {
                Thread.sleep(SWEEP_INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
            try {
                long now = System.nanoTime();
                for (Pending pending : queue) {
                    if (now - pending.deadline >= 0 && pending.withdraw()) {
                        // Answered before it is counted: a withdrawn row is never looked at again.
                        pending.done.complete(false);
                        events.failed(1);
                    }
                }
                failing = false;
            } catch (OutOfMemoryError e) {
                heap.outOfMemory(e, "sweeping the write queue");
            } catch (RuntimeException | Error e) {
                // The sweeper must outlive any failure, as the writer does: without it a row queued behind a slow
                // transaction would wait for its answer without limit. Logged once per run of failures, not once
                // per SWEEP_INTERVAL.
                if (!failing) {
                    LOG.log(Level.WARNING, "Sweeping the write queue failed; sweeping on", e);
                }
                failing = true;
            }
        }
    }

    private void run() {
        while (!closing || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Pending> batch = new ArrayList<>();
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    int bytes = batch.stream().mapToInt(p -> p.bytes).sum();
                    batch.removeIf(p -> !p.take());
                    try {
                        if (!batch.isEmpty()) {
                            write(batch);
                        }
                    } finally {
                        queuedBytes.release(bytes);
                    }
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
            store.insertAll(batch.stream().map(p -> p.record).toList());
            status.markUp();
            events.committed(batch.size(), System.nanoTime() - start);
            batch.forEach(p -> p.done.complete(true));
        } catch (OutOfMemoryError e) {
            // The writer must outlive a heap failure: without it every later request would wait for its row.
            heap.outOfMemory(e, "group commit of " + batch.size() + " rows");
            fail(batch);
        } catch (StoreQueryException e) {
            // The database is up and refused these rows (rolled back): they are not stored, nothing is marked.
            LOG.log(Level.WARNING, "Storing " + batch.size() + " recognitions was refused: " + e.getMessage());
            fail(batch);
        } catch (RuntimeException | Error e) {
            // An Error too: the PostgreSQL driver's batch throws an AssertionError (with -ea) on a connection the
            // server closed, and a writer that died of it would leave every later request waiting for its row.
            if (status.available()) {
                LOG.log(Level.WARNING, "Storing " + batch.size() + " recognitions failed; the database is marked"
                        + " unavailable: " + e.getMessage());
            }
            status.markDown(e);
            fail(batch);
        }
    }

    private void fail(List<Pending> batch) {
        events.failed(batch.size());
        batch.forEach(p -> p.done.complete(false));
    }

    private void failRemaining() {
        List<Pending> rest = new ArrayList<>();
        queue.drainTo(rest);
        queuedBytes.release(rest.stream().mapToInt(p -> p.bytes).sum());
        rest.removeIf(p -> !p.take());
        if (!rest.isEmpty()) {
            fail(rest);
        }
    }

    /** Stops taking rows, commits those already queued, and waits for the writer to finish. */
    @Override
    public void close() {
        closing = true;
        sweeper.interrupt();
        try {
            if (!thread.join(Duration.ofSeconds(30))) {
                thread.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failRemaining();
    }

    /** Queues {@code pending}, after the test hook that runs in the window between the close check and the queue. */
    private boolean offer(Pending pending) {
        beforeQueueing.run();
        return queue.offer(pending);
    }

    /** Rows queued, or held back waiting for room in the byte budget: how tests order their requests. */
    int waiting() {
        return queue.size() + queuedBytes.getQueueLength();
    }

    /**
     * What a row holds on the heap until it is written, roughly: its original and its 28x28 inputs, plus a kilobyte
     * for its strings, readings and probabilities (the stored readings' JSON is ~1 KB per digit).
     */
    static int rowBytes(RecognitionRecord record) {
        long bytes = 1024L + record.imageBytes();
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** A queued row: taken by the writer or withdrawn by its request, whichever comes first. */
    private static final class Pending {
        private static final int QUEUED = 0, TAKEN = 1, WITHDRAWN = 2;

        final RecognitionRecord record;
        final int bytes;
        /** {@link System#nanoTime} after which a row still queued is withdrawn. */
        final long deadline;
        final CompletableFuture<Boolean> done = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(QUEUED);

        Pending(RecognitionRecord record, int bytes, long deadline) {
            this.record = record;
            this.bytes = bytes;
            this.deadline = deadline;
        }

        boolean take() {
            return state.compareAndSet(QUEUED, TAKEN);
        }

        boolean withdraw() {
            return state.compareAndSet(QUEUED, WITHDRAWN);
        }
    }
}
