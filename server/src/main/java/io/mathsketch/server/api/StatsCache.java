package io.mathsketch.server.api;

import io.mathsketch.server.concurrent.Await;
import io.mathsketch.server.store.Stats;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The last statistics computed, reused for {@code stats.max-age}, and at most one computation at a time. Computing
 * them reads every row (three GROUP BY queries, seconds on a few hundred thousand rows) and holds a pooled
 * connection meanwhile: recomputed per request, a few open drawing pages (which reload the statistics after every
 * stored recognition) took every connection of the pool, and the writer's inserts timed out waiting for one.
 * <p>
 * While one request recomputes, the others get the previous statistics at once; only when there are none yet do
 * they wait for that one computation. A failed computation fails its request and those waiting for it; the next
 * request tries again.
 */
final class StatsCache {

    /** Statistics and when they were computed. */
    record Computed(Stats stats, Instant at) {
    }

    private final Supplier<Stats> source;
    private final Duration maxAge;
    private final InstantSource clock;
    private volatile Computed last;
    /** The computation in flight, if any; guarded by {@code this}. */
    private CompletableFuture<Computed> computing;

    StatsCache(Supplier<Stats> source, Duration maxAge, InstantSource clock) {
        this.source = source;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    Duration maxAge() {
        return maxAge;
    }

    /** Statistics at most {@code maxAge} old, or older ones while another request is computing newer ones. */
    Computed get() {
        Computed known = last;
        if (fresh(known)) {
            return known;
        }
        CompletableFuture<Computed> ours = null;
        CompletableFuture<Computed> theirs = null;
        synchronized (this) {
            known = last;
            if (fresh(known)) {
                return known;
            }
            if (computing == null) {
                ours = new CompletableFuture<>();
                computing = ours;
            } else if (known != null) {
                return known; // the older ones while another request computes newer ones
            } else {
                theirs = computing;
            }
        }
        if (theirs != null) {
            return Await.result(theirs); // outside the lock, which the computing request takes to finish
        }
        try {
            Computed computed = new Computed(source.get(), clock.instant());
            last = computed;
            ours.complete(computed);
            return computed;
        } catch (RuntimeException | Error e) {
            ours.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (this) {
                computing = null;
            }
        }
    }

    /** How long {@code computed} may still be served, in whole seconds (for {@code Cache-Control: max-age}). */
    long secondsLeft(Computed computed) {
        Duration left = maxAge.minus(Duration.between(computed.at(), clock.instant()));
        return left.isNegative() ? 0 : left.toSeconds();
    }

    private boolean fresh(Computed computed) {
        if (computed == null) {
            return false;
        }
        // A clock set back makes the age negative: treated as stale rather than fresh until the clock catches up.
        Duration age = Duration.between(computed.at(), clock.instant());
        return !age.isNegative() && age.compareTo(maxAge) < 0;
    }
}
