package io.mathsketch.server.store;

import io.mathsketch.server.config.RetentionSettings;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the store within {@code store.retention}: every {@code interval} (a second by default), deletes the
 * recognitions older than {@code max-age}; then, from each client holding more than {@code max-bytes-per-client},
 * its own oldest until it is within that share; then, while the store holds more than {@code max-bytes}, the oldest
 * of the clients holding the most, so one client's uploads take its own history first and never everyone's. Every
 * figure is a running total the store keeps (the store's and each client's, never a sum over the table). Among a
 * client's rows, those the user corrected go last. A store at its cap thus loses each second about the rows the last
 * second added, in a few small transactions, instead of a minute's rows in one burst: a burst's large delete
 * transactions made H2 hold megabytes of undo log and chunk buffers across young collections, which the heap promoted
 * (docs/benchmarks.md, "Retention at the cap").
 * <p>
 * The totals are read again before every batch, so an instance stops as soon as they are under their caps, whoever
 * deleted the rows. Several instances on one database may purge at once: they pick the same rows, so they only repeat
 * each other's work, and a row counts for the one that deleted it.
 */
public final class RetentionJob implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());
    /**
     * Rows per delete transaction. H2 keeps a transaction's deleted rows whole in its undo log and writes them out in
     * chunks of several megabytes, whose buffers were tenured at once: in {@code RetentionLoad} at the cap, a purge a
     * minute in 500-row transactions promoted 237-246 MB per 380,000 rows stored, one a second in 100-row ones 25-32 MB,
     * about what the load promotes without a purge (docs/benchmarks.md, "Retention at the cap").
     */
    static final int BATCH = 100;
    /** After every stored row: "created before" this selects them all. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final RecognitionStore store;
    private final DatabaseStatus status;
    private final StoreEvents events;
    private final RetentionSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean failing = new AtomicBoolean();
    /** Set by {@link #close}: a purge under way stops after its current batch. */
    private volatile boolean closing;

    RetentionJob(RecognitionStore store, DatabaseStatus status, StoreEvents events,
                         RetentionSettings settings, Clock clock) {
        this.store = store;
        this.status = status;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("retention").factory());
    }

    /** Starts purging every {@code interval} (first run after one interval); with a zero interval, never. */
    public static RetentionJob start(RecognitionStore store, DatabaseStatus status, StoreEvents events,
                                     RetentionSettings settings) {
        RetentionJob job = new RetentionJob(store, status, events, settings, Clock.systemUTC());
        Duration every = settings.interval();
        if (!every.isZero()) {
            job.scheduler.scheduleWithFixedDelay(job::purgeQuietly, every.toNanos(), every.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        return job;
    }

    /** One purge; what it deleted is also reported to the {@link StoreEvents}. */
    public RecognitionStore.Purged purge() {
        RecognitionStore.Purged purged = RecognitionStore.Purged.NONE;
        if (!settings.maxAge().isZero()) {
            Instant before = clock.instant().minus(settings.maxAge());
            while (!closing) {
                RecognitionStore.Batch batch = store.deleteOldestBatch(before, Long.MAX_VALUE, BATCH);
                purged = purged.plus(batch.purged());
                if (!batch.more()) {
                    break;
                }
            }
        }
        if (settings.maxBytesPerClient() > 0) {
            while (!closing) {
                RecognitionStore.Batch batch = store.deleteOverShareBatch(settings.maxBytesPerClient(), BATCH);
                purged = purged.plus(batch.purged());
                if (batch.reached() == 0) {
                    break; // no client over its share
                }
            }
        }
        if (settings.maxBytes() > 0) {
            long excess;
            while (!closing && (excess = store.totalBytes() - settings.maxBytes()) > 0) {
                RecognitionStore.Batch batch = store.deleteFromLargestHoldersBatch(excess, BATCH);
                if (batch.reached() == 0) {
                    // Rows no client total counts (stored by an instance before the V7 migration): the cap still
                    // holds, oldest first.
                    batch = store.deleteOldestBatch(END_OF_TIME, excess, BATCH);
                }
                purged = purged.plus(batch.purged());
                if (batch.reached() == 0) {
                    break; // no rows left: a total above them is not this job's to fix
                }
            }
        }
        events.purged(purged.rows(), purged.bytes());
        return purged;
    }

    private void purgeQuietly() {
        if (!status.worthTrying()) {
            return;
        }
        try {
            RecognitionStore.Purged purged = purge();
            failing.set(false);
            if (purged.rows() > 0) {
                // Every interval at the cap: the metrics count them, the log would only repeat itself.
                LOG.log(Level.DEBUG, "Retention: deleted " + purged.rows() + " recognitions (" + purged.bytes()
                        + " bytes)");
            }
        } catch (RuntimeException e) {
            // The writer and the readiness check decide whether the database is down; a purge only retries later.
            if (failing.compareAndSet(false, true)) {
                LOG.log(Level.WARNING, "Retention purge failed; retrying every " + settings.interval() + ": "
                        + e.getMessage());
            }
        }
    }

    /**
     * Stops the schedule; a purge under way stops after its current batch (it used to run to its end, up to the 10 s
     * this waits, and kept a server's shutdown waiting for it).
     */
    @Override
    public void close() {
        closing = true;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.shutdownNow();
        }
    }
}
