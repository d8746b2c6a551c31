package io.mathsketch.server.config;

import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.Key;

import java.time.Duration;
import java.util.Objects;

/**
 * How recognitions are written: section {@code store}.
 *
 * @param maxOriginalBytes largest original image kept; larger ones are dropped and served as the 28x28 rendering
 * @param maxBatch most rows committed in one group-commit transaction
 * @param queueCapacity rows waiting to be written before new ones are answered as not stored
 * @param queueBytes bytes of the rows waiting to be written (originals, 28x28 inputs and ~1 KB each) before a new
 *                   row waits for room, at most {@code writeTimeout}, and is answered as not stored if none comes
 * @param retryInterval after a failed write, how long new writes fail fast before the database is tried again
 * @param writeTimeout longest a request waits for its row to be committed (a row still queued then is withdrawn and
 *                     answered as not stored, within the writer's {@code RecognitionWriter.SWEEP_INTERVAL} of it; one
 *                     already in a transaction is waited for)
 * @param retention section {@code store.retention}: how long and how much is kept
 */
public record StoreSettings(int maxOriginalBytes, int maxBatch, int queueCapacity, int queueBytes,
                            Duration retryInterval, Duration writeTimeout, RetentionSettings retention) {

    static final Key<Integer> MAX_ORIGINAL_BYTES = Key.integer("max-original-bytes", 262_144, 0, Integer.MAX_VALUE);
    static final Key<Integer> MAX_BATCH = Key.integer("max-batch", 256, 1, 10_000);
    static final Key<Integer> QUEUE_CAPACITY = Key.integer("queue-capacity", 10_000, 1, 1_000_000);
    /**
     * 16 MB: what a slow disk may make the heap hold in rows not yet written (a row count alone allowed 10,000
     * originals of up to 256 KB). It holds 64 rows of the largest kept original, and ~650 of the 25 KB canvas PNGs, 10x
     * the rows 64 busy connections have waiting; a group commit takes up to max-batch of them at a time.
     */
    static final Key<Integer> QUEUE_BYTES = Key.integer("queue-bytes", 16 << 20, 65_536, 1 << 30);
    static final Key<Duration> RETRY_INTERVAL = Key.duration("retry-interval", "PT1S");
    static final Key<Duration> WRITE_TIMEOUT = Key.duration("write-timeout", "PT10S");

    public StoreSettings {
        MAX_ORIGINAL_BYTES.check(maxOriginalBytes);
        MAX_BATCH.check(maxBatch);
        QUEUE_CAPACITY.check(queueCapacity);
        QUEUE_BYTES.check(queueBytes);
        RETRY_INTERVAL.check(retryInterval);
        WRITE_TIMEOUT.check(writeTimeout);
        Objects.requireNonNull(retention, "retention");
    }

    static StoreSettings from(ConfigValues values) {
        return new StoreSettings(values.get(MAX_ORIGINAL_BYTES), values.get(MAX_BATCH), values.get(QUEUE_CAPACITY),
                values.get(QUEUE_BYTES), values.get(RETRY_INTERVAL), values.get(WRITE_TIMEOUT), values.read("retention", RetentionSettings::from));
    }
}
