package io.mathsketch.server.config;

import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.Key;

import java.time.Duration;

/**
 * How long and how much the store keeps: section {@code store.retention}. A purge job deletes whole recognitions,
 * oldest first, that are older than {@code max-age} or beyond {@code max-bytes} in total.
 *
 * @param maxAge recognitions older than this are deleted; zero keeps them whatever their age
 * @param maxBytes the store's images and texts are kept under this many bytes by deleting the oldest; zero: no bound
 * @param interval how often the purge runs; zero turns the purge job off. Short, so that a store at its cap deletes
 *                 about the rows each interval added: a minute's rows at once made full collections (RetentionJob)
 */
public record RetentionSettings(Duration maxAge, long maxBytes, Duration interval) {

    static final Key<Duration> MAX_AGE = Key.duration("max-age", "P30D");
    static final Key<Long> MAX_BYTES = Key.longValue("max-bytes", 1_073_741_824L, 0, Long.MAX_VALUE);
    static final Key<Duration> INTERVAL = Key.duration("interval", "PT1S");

    public RetentionSettings {
        MAX_AGE.check(maxAge);
        MAX_BYTES.check(maxBytes);
        INTERVAL.check(interval);
    }

    static RetentionSettings from(ConfigValues values) {
        return new RetentionSettings(values.get(MAX_AGE), values.get(MAX_BYTES), values.get(INTERVAL));
    }
}
