package io.mathsketch.server.access;

import io.mathsketch.server.access.RateLimitFilter.Origin;
import io.mathsketch.server.config.RateLimitSettings;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Work charged once it is done ({@link WorkCharge#chargeDone}): the price of the work and what was paid before it
 * together, less what was paid, taken into debt from both buckets.
 */
class WorkChargeTest {

    private static final Origin ORIGIN = new Origin("198.51.100.1", "client-a");
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private RateLimitFilter buckets(int pixelsPerToken) {
        return new RateLimitFilter(new RateLimitSettings(10, 20, 10, 20, 100, 0, pixelsPerToken, 50), now::get);
    }

    @Test
    void aBlankPagesSearchIsPricedBeyondWhatItsDecodingPaidAndLeavesBothBucketsInDebt() {
        RateLimitFilter buckets = buckets(100_000);
        WorkCharge charge = new WorkCharge(buckets);
        assertEquals(0, buckets.take(ORIGIN, 1, 0), "the request's own token");
        // A 1200x1200 page: 1,440,000 decoded pixels paid 4 tokens up front; its search visited 30,240,000 more.
        assertEquals(4, charge.charge(ORIGIN, 1_440_000, "decoding"));
        assertEquals(307 - 4, charge.chargeDone(ORIGIN, 1_440_000, 30_240_000));
        long wait = buckets.take(ORIGIN, 1, 0);
        // Each bucket's 20 less 308 is 288 in debt: 289 tokens at 10/s.
        assertTrue(wait > 28_800_000_000L && wait <= 28_900_000_000L, "the debt and a token: " + wait);
    }

    @Test
    void theFreePixelsAreCountedOnceAcrossDecodingAndTheSearch() {
        WorkCharge charge = new WorkCharge(buckets(100_000));
        assertEquals(0, charge.chargeDone(ORIGIN, 78_400, 0), "a canvas: nothing searched");
        assertEquals(0, charge.chargeDone(ORIGIN, 78_400, 900_000), "still within the free pixels");
        assertEquals(1, charge.chargeDone(ORIGIN, 78_400, 1_000_000), "29,824 beyond them: one token");
        assertEquals(12, charge.chargeDone(ORIGIN, 307_200, 1_843_200), "a 640x480 photo's search: 1 + 12 in all");
    }

    @Test
    void withoutAPricePerPixelNothingIsOwed() {
        RateLimitFilter buckets = buckets(0);
        assertEquals(0, new WorkCharge(buckets).chargeDone(ORIGIN, 1_440_000, 30_240_000));
        for (int i = 0; i < 20; i++) {
            assertEquals(0, buckets.take(ORIGIN, 1, 0), "the whole burst is left " + i);
        }
    }
}
