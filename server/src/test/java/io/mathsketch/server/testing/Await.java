package io.mathsketch.server.testing;

import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Waits for what the server reaches on its own threads (a count, a budget) instead of asserting it at once. */
public final class Await {

    /** Generous, not a speed target: a slow or busy machine still gets there. */
    private static final long BOUND_NANOS = 30_000_000_000L;

    private Await() {
    }

    /** Polls {@code actual} until it is {@code expected}, failing after 30 s with the last value seen. */
    public static void value(long expected, LongSupplier actual) {
        long deadline = System.nanoTime() + BOUND_NANOS;
        long seen = actual.getAsLong();
        while (seen != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = actual.getAsLong();
        }
        assertEquals(expected, seen, "value the server did not reach within 30 s");
    }
}
