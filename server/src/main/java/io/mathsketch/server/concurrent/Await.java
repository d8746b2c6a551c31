package io.mathsketch.server.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waiting for a result computed on another thread, whose failure the waiting thread then throws as it was thrown
 * there: the database opened beside the models at start-up, the statistics one request computes for those waiting.
 */
public final class Await {

    private Await() {
    }

    /**
     * The value of {@code future} once it is complete. A {@link RuntimeException} or {@link Error} it failed with is
     * thrown itself, not wrapped in a {@link CompletionException}, so callers handle it as if they had computed it.
     */
    public static <T> T result(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
