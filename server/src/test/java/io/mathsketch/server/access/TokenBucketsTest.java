package io.mathsketch.server.access;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstIsAllowedThenTheRateAndTheWaitIsToTheNextToken() {
        TokenBuckets buckets = new TokenBuckets(2, 3, 100, now::get);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, buckets.take("a"), "burst request " + i);
        }
        long wait = buckets.take("a");
        assertTrue(wait > 400_000_000L && wait <= 500_000_000L, "half a second at 2/s: " + wait);
        assertEquals(0, buckets.take("b"), "another key has its own bucket");

        now.addAndGet(500_000_000L);
        assertEquals(0, buckets.take("a"), "one token back after 1/rate");
        assertTrue(buckets.take("a") > 0);

        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, buckets.take("a"), "refilled only up to the burst");
        }
        assertTrue(buckets.take("a") > 0);
    }

    @Test
    void theTableNeverHoldsMoreThanItsBound() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 50, now::get);
        for (int i = 0; i < 10_000; i++) {
            buckets.take("client-" + i);
        }
        assertEquals(50, buckets.tracked());
        assertTrue(buckets.take("client-9999") > 0, "recently seen keys are remembered");
    }
}
