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
    void aCostlyRequestTakesItsTokensAndOneAboveTheBurstLeavesAFullBucketInDebt() {
        TokenBuckets buckets = new TokenBuckets(10, 20, 100, now::get);
        assertEquals(0, buckets.take("a", 15), "15 of 20");
        long wait = buckets.take("a", 15);
        assertTrue(wait > 900_000_000L && wait <= 1_000_000_000L, "10 more at 10/s: " + wait);
        assertEquals(0, buckets.take("a", 5), "a cheap request still fits");

        now.addAndGet(10_000_000_000L);
        assertEquals(0, buckets.take("a", 50), "above the burst: taken from a full bucket");
        wait = buckets.take("a");
        assertTrue(wait > 3_000_000_000L && wait <= 3_100_000_000L, "30 tokens of debt, then one, at 10/s: " + wait);

        buckets.refund("a", 31);
        assertEquals(0, buckets.take("a"), "refunded");
    }

    @Test
    void theRestOfAPriceAboveTheBurstIsAdmittedWhenTheBucketWasFullBeforeTheRequest() {
        TokenBuckets buckets = new TokenBuckets(10, 20, 100, now::get);
        assertEquals(0, buckets.take("a"), "the request's own token");
        assertEquals(0, buckets.take("a", 50, 1), "49 + 1: priced as a whole from a full bucket");
        long wait = buckets.take("a");
        assertTrue(wait > 3_100_000_000L && wait <= 3_200_000_000L, "31 of debt, then one, at 10/s: " + wait);

        assertEquals(0, buckets.take("b"));
        assertTrue(buckets.take("b", 50) > 0, "asked alone, 50 needs the full 20 the bucket no longer has");
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

    @Test
    void workOwedAfterItIsDoneTakesTheBucketBelowZeroAndTheNextRequestWaitsForTheDebtToBePaid() {
        TokenBuckets buckets = new TokenBuckets(10, 20, 100, now::get);
        assertEquals(0, buckets.take("a", 5));
        buckets.owe("a", 300);
        long wait = buckets.take("a");
        assertTrue(wait > 28_500_000_000L && wait <= 28_600_000_000L, "285 of debt, then one, at 10/s: " + wait);

        now.addAndGet(28_000_000_000L);
        assertTrue(buckets.take("a") > 0, "280 tokens back: still 5 short");
        now.addAndGet(600_000_000L);
        assertEquals(0, buckets.take("a"), "paid off");
        assertEquals(0, buckets.take("b"), "another key owes nothing");
    }

    @Test
    void aDebtIsOwedFromWhatTheBucketHoldsNowAndARefundAfterItNeverExceedsTheBurst() {
        TokenBuckets buckets = new TokenBuckets(10, 20, 100, now::get);
        assertEquals(0, buckets.take("a", 20));
        now.addAndGet(60_000_000_000L);
        buckets.owe("a", 25);
        long wait = buckets.take("a");
        assertTrue(wait > 500_000_000L && wait <= 600_000_000L, "refilled to 20 (not 600), owed 25: " + wait);

        buckets.refund("a", 1_000);
        for (int i = 0; i < 20; i++) {
            assertEquals(0, buckets.take("a"), "refunded up to the burst " + i);
        }
        assertTrue(buckets.take("a") > 0, "and no further");
    }

    @Test
    void aKeyNeverSeenOwesFromAFullBucket() {
        TokenBuckets buckets = new TokenBuckets(10, 20, 100, now::get);
        buckets.owe("a", 15);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, buckets.take("a"), "5 of 20 left " + i);
        }
        assertTrue(buckets.take("a") > 0);
    }
}
