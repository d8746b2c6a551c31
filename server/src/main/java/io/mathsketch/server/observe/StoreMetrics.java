package io.mathsketch.server.observe;

import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.DistributionSummary;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Timer;
import io.mathsketch.server.store.StoreEvents;

import java.time.Duration;

/** Database write metrics: group-commit transactions, their duration and size, failed writes, and retention purges. */
public final class StoreMetrics implements StoreEvents {

    private final Timer writeTime;
    private final DistributionSummary rowsPerTransaction;
    private final Counter rows;
    private final Counter failures;
    private final Counter purgedRows;
    private final Counter purgedBytes;

    public StoreMetrics(MeterRegistry registry) {
        writeTime = registry.getOrCreate(Timer.builder("mathsketch.db.write")
                .description("Duration of group-commit write transactions")
                .buckets(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1)));
        rowsPerTransaction = registry.getOrCreate(DistributionSummary.builder("mathsketch.db.write.rows")
                .description("Recognitions committed per write transaction"));
        rows = registry.getOrCreate(Counter.builder("mathsketch.db.rows.committed")
                .description("Recognitions committed"));
        failures = registry.getOrCreate(Counter.builder("mathsketch.db.write.failures")
                .description("Recognitions that could not be stored (database unavailable or write failed)"));
        purgedRows = registry.getOrCreate(Counter.builder("mathsketch.store.purged.rows")
                .description("Recognitions deleted by the retention job (store.retention)"));
        purgedBytes = registry.getOrCreate(Counter.builder("mathsketch.store.purged.bytes")
                .description("Bytes of images and texts deleted by the retention job (store.retention)"));
    }

    @Override
    public void purged(long rowCount, long bytes) {
        purgedRows.increment(rowCount);
        purgedBytes.increment(bytes);
    }

    /** Rows deleted by retention so far. */
    public long rowsPurged() {
        return purgedRows.count();
    }

    @Override
    public void committed(int rowCount, long nanos) {
        writeTime.record(Duration.ofNanos(nanos));
        rowsPerTransaction.record(rowCount);
        rows.increment(rowCount);
    }

    @Override
    public void failed(int rowCount) {
        failures.increment(rowCount);
    }

    /** Transactions committed so far. */
    public long transactions() {
        return writeTime.count();
    }

    /** Rows committed so far. */
    public long rowsCommitted() {
        return rows.count();
    }
}
