package io.mathsketch.server.concurrent;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AwaitTest {

    @Test
    void aValueComputedElsewhereIsReturned() {
        CompletableFuture<String> future = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> future.complete("done"));
        assertEquals("done", Await.result(future));
    }

    @Test
    void aFailureIsThrownAsItWasThrownWhereItWasComputed() {
        IllegalStateException runtime = new IllegalStateException("database refused");
        assertSame(runtime, assertThrows(IllegalStateException.class,
                () -> Await.result(CompletableFuture.failedFuture(runtime))));
        OutOfMemoryError error = new OutOfMemoryError("heap");
        assertSame(error, assertThrows(OutOfMemoryError.class,
                () -> Await.result(CompletableFuture.failedFuture(error))));
    }

    @Test
    void aCancelledComputationIsReportedAsCancelled() {
        CompletableFuture<String> future = new CompletableFuture<>();
        future.cancel(false);
        assertThrows(CancellationException.class, () -> Await.result(future));
    }
}
