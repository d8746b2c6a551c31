package io.mathsketch.server.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Whether the database answered the last time it was used. After a failure, writes fail fast for the retry interval
 * instead of each waiting for a connection timeout; the first write after the interval probes the database again.
 */
public final class DatabaseStatus {

    private final long retryNanos;
    private final LongSupplier clock;
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final AtomicLong downSince = new AtomicLong();

    public DatabaseStatus(Duration retryInterval) {
        this(retryInterval, System::nanoTime);
    }

    DatabaseStatus(Duration retryInterval, LongSupplier clock) {
        this.retryNanos = retryInterval.toNanos();
        this.clock = clock;
    }

    public boolean available() {
        return lastError.get() == null;
    }

    /** True when the database is believed up, or when it is time to probe it again. */
    public boolean worthTrying() {
        return available() || clock.getAsLong() - downSince.get() >= retryNanos;
    }

    public void markUp() {
        lastError.set(null);
    }

    public void markDown(Throwable error) {
        downSince.set(clock.getAsLong());
        lastError.set(String.valueOf(error.getMessage()));
    }

    public String lastError() {
        String error = lastError.get();
        return error == null ? "" : error;
    }
}
