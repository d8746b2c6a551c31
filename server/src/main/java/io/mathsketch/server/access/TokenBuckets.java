package io.mathsketch.server.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets by key (a client id, a remote address), in a table of bounded size: beyond {@code maxTracked} keys
 * the least recently seen is forgotten, so a flood of fresh keys costs memory in proportion to the bound, never to
 * the flood. A forgotten key starts again with a full bucket, which is what a quiet client would have anyway.
 */
final class TokenBuckets {

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets;

    TokenBuckets(int perSecond, int burst, int maxTracked, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxTracked;
            }
        };
    }

    /**
     * Takes one token from the key's bucket: 0 when there was one, otherwise the nanoseconds until there will be
     * (nothing is taken then).
     */
    long take(String key) {
        return take(key, 1);
    }

    /**
     * Takes {@code cost} tokens from the key's bucket: 0 when it held them, otherwise the nanoseconds until it will
     * (nothing is taken then). A cost above the burst is taken from a full bucket, which it leaves in debt: the key
     * pays for it by waiting, as it would have for that many requests.
     */
    long take(String key, double cost) {
        return take(key, cost, 0);
    }

    /**
     * Takes {@code cost} more tokens for a request that already took {@code taken}: admitted as if its whole price
     * had been asked at once, so a price above the burst is admitted when the bucket was full before the request.
     */
    long take(String key, double cost, double taken) {
        long now = nanoClock.getAsLong();
        double needed = Math.max(0, Math.min(cost + taken, burst) - taken);
        // One short critical section per request: a lookup and a few arithmetic operations.
        synchronized (buckets) {
            Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * perSecond / 1e9);
            bucket.updated = now;
            if (bucket.tokens >= needed) {
                bucket.tokens -= cost;
                return 0;
            }
            return (long) Math.ceil((needed - bucket.tokens) / perSecond * 1e9);
        }
    }

    /**
     * Takes {@code cost} tokens for work already done, however few the bucket holds: below zero the key is in debt,
     * and its next requests wait until the refill has paid it off. A key forgotten meanwhile starts from a full
     * bucket, as in {@link #take}.
     */
    void owe(String key, double cost) {
        long now = nanoClock.getAsLong();
        synchronized (buckets) {
            Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * perSecond / 1e9) - cost;
            bucket.updated = now;
        }
    }

    /** Gives back tokens taken for a request another limit then refused (up to the burst). */
    void refund(String key, double cost) {
        synchronized (buckets) {
            Bucket bucket = buckets.get(key);
            if (bucket != null) {
                bucket.tokens = Math.min(burst, bucket.tokens + cost);
            }
        }
    }

    int tracked() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }
}
