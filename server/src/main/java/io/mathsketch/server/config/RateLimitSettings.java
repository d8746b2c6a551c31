package io.mathsketch.server.config;

import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.Key;

/**
 * Request rate limits on {@code /api/*} (and, per address only, {@code /observe/metrics} and {@code /openapi}):
 * section {@code rate-limit}. Two token buckets per request, one
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
 * @param pixelsPerToken what an image costs beyond its request's token: one more token per this many pixels it
 *                       declares beyond {@link #FREE_PIXELS}, taken from both buckets once its header is read and
 *                       before it is decoded (decoding costs CPU in proportion to the pixels), and at the same price
 *                       once it is read, the pixels a photo's or a scanned page's search for its ink visited (into
 *                       debt if need be: {@code WorkCharge#chargeDone}); 0: one token whatever the size
 * @param addressDecodeShare percent of {@code limits.max-decoded-bytes-in-flight} the images of one address may hold
 *                           at once, so that one address cannot take the whole decode budget from the others
 */
public record RateLimitSettings(int perClient, int clientBurst, int perAddress, int addressBurst, int maxTracked,
                                int forwardedHops, int pixelsPerToken, int addressDecodeShare) {

    /**
     * Pixels an image may declare at the price of its request's one token: a canvas-sized image (the page exports at
     * most 1120x280) or anything up to 1024x1024.
     */
    public static final long FREE_PIXELS = 1L << 20;

    static final Key<Integer> PER_CLIENT = Key.integer("per-client", 30, 0, 1_000_000);
    static final Key<Integer> CLIENT_BURST = Key.integer("client-burst", 60, 1, 1_000_000);
    static final Key<Integer> PER_ADDRESS = Key.integer("per-address", 200, 0, 1_000_000);
    static final Key<Integer> ADDRESS_BURST = Key.integer("address-burst", 400, 1, 1_000_000);
    static final Key<Integer> MAX_TRACKED = Key.integer("max-tracked", 10_000, 1, 10_000_000);
    static final Key<Integer> FORWARDED_HOPS = Key.integer("forwarded-hops", 0, 0, 10);
    static final Key<Integer> PIXELS_PER_TOKEN = Key.integer("pixels-per-token", 100_000, 0, 1 << 28);
    static final Key<Integer> ADDRESS_DECODE_SHARE = Key.integer("address-decode-share", 50, 1, 100);

    public RateLimitSettings {
        PER_CLIENT.check(perClient);
        CLIENT_BURST.check(clientBurst);
        PER_ADDRESS.check(perAddress);
        ADDRESS_BURST.check(addressBurst);
        MAX_TRACKED.check(maxTracked);
        FORWARDED_HOPS.check(forwardedHops);
        PIXELS_PER_TOKEN.check(pixelsPerToken);
        ADDRESS_DECODE_SHARE.check(addressDecodeShare);
    }

    /** Tokens an image of this many declared pixels costs beyond its request's one. */
    public double extraTokens(long pixels) {
        return pixelsPerToken == 0 || pixels <= FREE_PIXELS ? 0
                : Math.ceil((double) (pixels - FREE_PIXELS) / pixelsPerToken);
    }

    static RateLimitSettings from(ConfigValues values) {
        return new RateLimitSettings(values.get(PER_CLIENT), values.get(CLIENT_BURST), values.get(PER_ADDRESS),
                values.get(ADDRESS_BURST), values.get(MAX_TRACKED), values.get(FORWARDED_HOPS),
                values.get(PIXELS_PER_TOKEN), values.get(ADDRESS_DECODE_SHARE));
    }
}
