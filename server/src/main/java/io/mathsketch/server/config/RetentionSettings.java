package io.mathsketch.server.config;

import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.Key;

import java.time.Duration;

/**
 * How long and how much the store keeps: section {@code store.retention}. A purge job deletes whole recognitions that
 * are older than {@code max-age}; then, from each client holding more than {@code max-bytes-per-client}, its own
 * oldest; then, while the store holds more than {@code max-bytes}, the oldest of the clients holding the most.
 *
 * @param maxAge recognitions older than this are deleted; zero keeps them whatever their age
 * @param maxBytes the store's images and texts are kept under this many bytes by deleting the oldest recognitions of
 *                 the largest holders; zero: no bound
 * @param maxBytesPerClient the share one client (owner key) may hold; beyond it, that client's oldest recognitions go;
 *                          zero: no per-client bound
 * @param interval how often the purge runs; zero turns the purge job off. Short, so that a store at its cap deletes
 *                 about the rows each interval added: a minute's rows at once made full collections (RetentionJob)
 * @param fullScanInterval how often the purge reads every client's total (for those over their share and the
 *                         largest holders) instead of only those its own instance's inserts raised; it also does at
 *                         start-up. What another instance on the same database stored is seen then (and by that
 *                         instance's own purge). Zero: at every purge
 */
public record RetentionSettings(Duration maxAge, long maxBytes, long maxBytesPerClient, Duration interval,
                                Duration fullScanInterval) {

    static final Key<Duration> MAX_AGE = Key.duration("max-age", "P30D");
    static final Key<Long> MAX_BYTES = Key.longValue("max-bytes", 1_073_741_824L, 0, Long.MAX_VALUE);
    /** Absent: {@link #defaultMaxBytesPerClient}. */
    static final Key<Long> MAX_BYTES_PER_CLIENT = Key.longValue("max-bytes-per-client", 0, 0, Long.MAX_VALUE)
            .derivedDefault("a hundredth of `store.retention.max-bytes`");
    static final Key<Duration> INTERVAL = Key.duration("interval", "PT1S");
    /**
     * A minute: a scan of 100,000 clients' totals took 0.2-0.7 s on H2 (docs/benchmarks.md, issue 13), a few tenths of
     * a percent of one core at this period, and a client storing through an instance whose own purge does not run is
     * held to its share within about a minute.
     */
    static final Key<Duration> FULL_SCAN_INTERVAL = Key.duration("full-scan-interval", "PT1M");
    /** Clients whose shares fill the store by default: {@link #defaultMaxBytesPerClient}. */
    private static final int DEFAULT_SHARES = 100;

    public RetentionSettings {
        MAX_AGE.check(maxAge);
        MAX_BYTES.check(maxBytes);
        MAX_BYTES_PER_CLIENT.check(maxBytesPerClient);
        INTERVAL.check(interval);
        FULL_SCAN_INTERVAL.check(fullScanInterval);
    }

    /** With the default {@code full-scan-interval}. */
    public RetentionSettings(Duration maxAge, long maxBytes, long maxBytesPerClient, Duration interval) {
        this(maxAge, maxBytes, maxBytesPerClient, interval, FULL_SCAN_INTERVAL.defaultValue());
    }

    static RetentionSettings from(ConfigValues values) {
        long maxBytes = values.get(MAX_BYTES);
        return new RetentionSettings(values.get(MAX_AGE), maxBytes,
                values.find(MAX_BYTES_PER_CLIENT).orElseGet(() -> defaultMaxBytesPerClient(maxBytes)),
                values.get(INTERVAL), values.get(FULL_SCAN_INTERVAL));
    }

    /**
     * What an absent {@code max-bytes-per-client} means: a hundredth of {@code max-bytes} (10,737,418 bytes of the
     * default 1 GiB: ~40 of the largest kept originals, thousands of canvas drawings or inks), so that no client's
     * uploads can take more than 1% of the store from the others; no bound when {@code max-bytes} sets none.
     */
    public static long defaultMaxBytesPerClient(long maxBytes) {
        return maxBytes / DEFAULT_SHARES;
    }
}
