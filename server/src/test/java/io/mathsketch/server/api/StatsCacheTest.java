package io.mathsketch.server.api;

import io.mathsketch.server.store.Stats;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Statistics are computed at most once per max-age and by one request at a time, never once per request. */
class StatsCacheTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(15);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T12:00:00Z"));
    private final InstantSource clock = now::get;

    @Test
    void statisticsAreReusedUntilTheyAreMaxAgeOld() {
        AtomicInteger computations = new AtomicInteger();
        StatsCache cache = new StatsCache(counting(computations), MAX_AGE, clock);

        StatsCache.Computed first = cache.get();
        now.set(now.get().plus(MAX_AGE.minusMillis(1)));
        assertSame(first, cache.get(), "still fresh");
        assertEquals(1, computations.get());
        assertEquals(0, cache.secondsLeft(first));

        now.set(now.get().plusMillis(1));
        StatsCache.Computed second = cache.get();
        assertEquals(2, computations.get(), "max-age old: computed again");
        assertEquals(now.get(), second.at());
        assertEquals(15, cache.secondsLeft(second));
    }

    @Test
    void theFirstRequestsWaitForTheOneComputationInFlight() throws InterruptedException {
        Blocking source = new Blocking();
        StatsCache cache = new StatsCache(source, MAX_AGE, clock);
        AtomicReference<StatsCache.Computed> a = new AtomicReference<>();
        AtomicReference<StatsCache.Computed> b = new AtomicReference<>();

        Thread first = Thread.ofPlatform().start(() -> a.set(cache.get()));
        source.entered.await();
        Thread second = Thread.ofPlatform().start(() -> b.set(cache.get()));
        awaitWaiting(second);
        source.release.countDown();
        first.join();
        second.join();

        assertEquals(1, source.calls.get(), "one computation for both requests");
        assertSame(a.get(), b.get());
    }

    @Test
    void whileOneRequestRecomputesTheOthersGetThePreviousStatisticsAtOnce() throws InterruptedException {
        Blocking source = new Blocking();
        source.release.countDown();
        StatsCache cache = new StatsCache(source, MAX_AGE, clock);
        StatsCache.Computed old = cache.get();
        now.set(now.get().plus(MAX_AGE));
        Blocking slow = new Blocking();
        source.next = slow;

        Thread recomputing = Thread.ofPlatform().start(cache::get);
        slow.entered.await();
        assertSame(old, cache.get(), "the previous statistics, without waiting for the computation in flight");
        slow.release.countDown();
        recomputing.join();

        assertEquals(1, slow.calls.get());
        assertEquals(now.get(), cache.get().at(), "the new statistics once computed");
    }

    @Test
    void aFailedComputationFailsItsRequestAndTheNextOneTriesAgain() {
        AtomicInteger computations = new AtomicInteger();
        StatsCache cache = new StatsCache(() -> {
            if (computations.incrementAndGet() == 1) {
                throw new IllegalStateException("down");
            }
            return new Stats(List.of());
        }, MAX_AGE, clock);

        assertThrows(IllegalStateException.class, cache::get);
        cache.get();
        assertEquals(2, computations.get());
    }

    private static Supplier<Stats> counting(AtomicInteger computations) {
        return () -> {
            computations.incrementAndGet();
            return new Stats(List.of());
        };
    }

    /** Waits (without a time limit) until {@code thread} is parked on the computation in flight, or done. */
    private static void awaitWaiting(Thread thread) {
        while (thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TERMINATED) {
            Thread.onSpinWait();
        }
    }

    /**
     * A computation that says when it starts and, the first time, finishes only when released (a second computation
     * returns at once, so a cache that computes twice fails the test instead of hanging it); delegates to
     * {@code next} if set.
     */
    private static final class Blocking implements Supplier<Stats> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();
        volatile Supplier<Stats> next;

        @Override
        public Stats get() {
            if (next != null) {
                return next.get();
            }
            if (calls.incrementAndGet() > 1) {
                return new Stats(List.of());
            }
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Stats(List.of());
        }
    }
}
