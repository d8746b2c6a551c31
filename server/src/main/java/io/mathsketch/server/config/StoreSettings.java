package io.mathsketch.server.config;

import java.time.Duration;

/**
 * How recognitions are written.
 *
 * @param maxOriginalBytes largest original image kept; larger ones are dropped and served as the 28x28 rendering
 * @param maxBatch most rows committed in one group-commit transaction
 * @param queueCapacity rows waiting to be written before new ones are answered as not stored
 * @param retryInterval after a failed write, how long new writes fail fast before the database is tried again
 * @param writeTimeout longest a request waits for its row to be committed
 */
public record StoreSettings(int maxOriginalBytes, int maxBatch, int queueCapacity, Duration retryInterval,
                            Duration writeTimeout) {
}
