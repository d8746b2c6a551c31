package io.mathsketch.server.store;

/**
 * Where the writer reports an {@link OutOfMemoryError} it survived: {@code observe.OutOfMemoryWatch}, which then
 * reports the instance not live. Declared here so that the store needs nothing of the layer that observes it.
 */
@FunctionalInterface
public interface HeapFailures {

    /**
     * @param error what the thread caught
     * @param where which work failed, for the log and the health details
     */
    void outOfMemory(OutOfMemoryError error, String where);
}
