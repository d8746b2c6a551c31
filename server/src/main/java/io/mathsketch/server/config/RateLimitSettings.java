package io.mathsketch.server.config;

import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.Key;

/**
 * Per-client request rate limits on {@code /api/*}: section {@code rate-limit}. Two token buckets per request, one
 * for its anonymous client id and one for its remote address (a client that drops its id to get a fresh bucket still
 * meets its address's); each refills at its rate up to its burst. A rate of 0 turns that bucket off.
 *
 * @param perClient requests per second one client id may sustain
 * @param clientBurst requests one client id may send at once
 * @param perAddress requests per second one remote address may sustain (all its clients together)
 * @param addressBurst requests one remote address may send at once
 * @param maxTracked most buckets kept per table; the least recently used is forgotten beyond it (bounded memory)
 * @param forwardedHops how many reverse proxies in front of the server append to {@code X-Forwarded-For}: the
 *                      client's address is read that many entries from its end; 0 uses the connection's address
 */
public record RateLimitSettings(int perClient, int clientBurst, int perAddress, int addressBurst, int maxTracked,
                                int forwardedHops) {

    static final Key<Integer> PER_CLIENT = Key.integer("per-client", 30, 0, 1_000_000);
    static final Key<Integer> CLIENT_BURST = Key.integer("client-burst", 60, 1, 1_000_000);
    static final Key<Integer> PER_ADDRESS = Key.integer("per-address", 200, 0, 1_000_000);
    static final Key<Integer> ADDRESS_BURST = Key.integer("address-burst", 400, 1, 1_000_000);
    static final Key<Integer> MAX_TRACKED = Key.integer("max-tracked", 10_000, 1, 10_000_000);
    static final Key<Integer> FORWARDED_HOPS = Key.integer("forwarded-hops", 0, 0, 10);

    public RateLimitSettings {
        PER_CLIENT.check(perClient);
        CLIENT_BURST.check(clientBurst);
        PER_ADDRESS.check(perAddress);
        ADDRESS_BURST.check(addressBurst);
        MAX_TRACKED.check(maxTracked);
        FORWARDED_HOPS.check(forwardedHops);
    }

    static RateLimitSettings from(ConfigValues values) {
        return new RateLimitSettings(values.get(PER_CLIENT), values.get(CLIENT_BURST), values.get(PER_ADDRESS),
                values.get(ADDRESS_BURST), values.get(MAX_TRACKED), values.get(FORWARDED_HOPS));
    }
}
