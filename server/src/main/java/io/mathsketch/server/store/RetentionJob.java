package io.mathsketch.server.store;

import io.mathsketch.server.config.RetentionSettings;
import io.mathsketch.server.observe.StoreMetrics;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the store within {@code store.retention}: every {@code interval}, deletes the recognitions older than
 * {@code max-age}, then the oldest ones until the rest fit in {@code max-bytes}, compared with the running total the
 * store keeps (never a sum over the table). Several instances on one database may purge at once: they walk the same
 * oldest rows in the (created_at, id) order, so they only repeat each other's work, and a row counts for the one
 * that deleted it.
 */
public final class RetentionJob implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());
    /** Rows per delete statement: small enough that writers never wait long behind a purge. */
    private static final int BATCH = 500;
    /** After every stored row: "created before" this selects them all. */
    private static final Instant END_OF_TIME = Instant.parse("9999-12-31T23:59:59Z");

    private final RecognitionStore store;
    private final DatabaseStatus status;
    private final StoreMetrics metrics;
    private final RetentionSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean failing = new AtomicBoolean();

    RetentionJob(RecognitionStore store, DatabaseStatus status, StoreMetrics metrics,
                         RetentionSettings settings, Clock clock) {
        this.store = store;
        this.status = status;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("retention").factory());
    }

    /** Starts purging every {@code interval} (first run after one interval); with a zero interval, never. */
    public static RetentionJob start(RecognitionStore store, DatabaseStatus status, StoreMetrics metrics,
                                     RetentionSettings settings) {
        RetentionJob job = new RetentionJob(store, status, metrics, settings, Clock.systemUTC());
        Duration every = settings.interval();
        if (!every.isZero()) {
            job.scheduler.scheduleWithFixedDelay(job::purgeQuietly, every.toNanos(), every.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        return job;
    }

    /** One purge; what it deleted is also counted in the metrics. */
    public RecognitionStore.Purged purge() {
        RecognitionStore.Purged purged = RecognitionStore.Purged.NONE;
        if (!settings.maxAge().isZero()) {
            purged = store.deleteOldest(clock.instant().minus(settings.maxAge()), Long.MAX_VALUE, BATCH);
        }
        if (settings.maxBytes() > 0) {
            long excess = store.totalBytes() - settings.maxBytes();
            if (excess > 0) {
                purged = purged.plus(store.deleteOldest(END_OF_TIME, excess, BATCH));
            }
        }
        metrics.purged(purged.rows(), purged.bytes());
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
                LOG.log(Level.INFO, "Retention: deleted " + purged.rows() + " recognitions (" + purged.bytes()
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

    /** Stops the schedule, letting a purge under way finish its current statement. */
    @Override
    public void close() {
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
