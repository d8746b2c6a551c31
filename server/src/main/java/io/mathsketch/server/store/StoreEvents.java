package io.mathsketch.server.store;

/**
 * What the store reports as it writes and purges rows: {@code observe.StoreMetrics} counts it. Declared here, beside
 * the writer and the retention job that report it, so that the store needs nothing of the layer that observes it.
 */
public interface StoreEvents {

    /** {@code rowCount} rows committed in one transaction that took {@code nanos}. */
    void committed(int rowCount, long nanos);

    /** {@code rowCount} rows answered as not stored. */
    void failed(int rowCount);

    /** {@code rowCount} rows, holding {@code bytes} of images and texts, deleted by retention. */
    void purged(long rowCount, long bytes);
}
