package io.mathsketch.server.config;

import io.mathsketch.engine.config.ConfigValues;
import io.mathsketch.engine.config.Key;

import java.time.Duration;

/**
 * Our keys of section {@code server}; Helidon reads its own ones ({@code max-concurrent-requests}, TLS, ...) from
 * the same section.
 *
 * @param host interface to listen on
 * @param port HTTP port (0 picks a free one)
 * @param shutdownGrace how long shutdown waits for in-flight requests
 * @param accessLog whether every request is logged (combined format); off by default, as it costs about 5% of
 *                  the CPU at full load and the metrics already count requests, statuses and latencies
 * @param maxBodyBytesInFlight heap the request bodies being received may take together (the API's body budget)
 * @param secureCookie whether the client-id cookie is always {@code Secure}, not only on a TLS connection: for a
 *                     server that browsers reach over HTTPS at a proxy terminating TLS (fly.io, an ingress)
 */
public record ListenerSettings(String host, int port, Duration shutdownGrace, boolean accessLog,
                               int maxBodyBytesInFlight, boolean secureCookie) {

    static final Key<String> HOST = Key.string("host", "0.0.0.0");
    static final Key<Integer> PORT = Key.integer("port", 8080, 0, 65_535);
    static final Key<Duration> SHUTDOWN_GRACE = Key.duration("shutdown-grace", "PT10S");
    static final Key<Boolean> ACCESS_LOG = Key.bool("access-log", false);
    static final Key<Boolean> SECURE_COOKIE = Key.bool("secure-cookie", false);
    private static final long MIN_BODY_BYTES_IN_FLIGHT = 65_536;
    /** Absent: an eighth of the JVM's maximum heap ({@link #defaultBodyBytesInFlight()}). */
    static final Key<Long> MAX_BODY_BYTES_IN_FLIGHT = Key.longValue("max-body-bytes-in-flight", 67_108_864,
            MIN_BODY_BYTES_IN_FLIGHT, Integer.MAX_VALUE).derivedDefault("an eighth of the JVM's maximum heap");

    public ListenerSettings {
        PORT.check(port);
        SHUTDOWN_GRACE.check(shutdownGrace);
        MAX_BODY_BYTES_IN_FLIGHT.check((long) maxBodyBytesInFlight);
    }

    static ListenerSettings from(ConfigValues values) {
        return new ListenerSettings(values.get(HOST), values.get(PORT), values.get(SHUTDOWN_GRACE),
                values.get(ACCESS_LOG),
                values.find(MAX_BODY_BYTES_IN_FLIGHT).orElseGet(ListenerSettings::defaultBodyBytesInFlight).intValue(),
                values.get(SECURE_COOKIE));
    }

    /**
     * What an absent {@code server.max-body-bytes-in-flight} means: an eighth of the heap (about 63 MB of
     * {@code server/jvm.options}' 512 MB: the JVM reports 480 MiB, leaving out one survivor space), room for 7 bodies
     * at the default payload limit (8 MiB) received at once (5 while each doubles its buffer to it, holding old and
     * new), and for thousands of canvas-sized ones. It counts bytes, not bodies: filling it takes as many bytes sent
     * whatever the payload limit. A heap of 64 MB or less needs a smaller {@code limits.max-payload-bytes} (the budget
     * must exceed it).
     */
    static long defaultBodyBytesInFlight() {
        return Math.clamp(Runtime.getRuntime().maxMemory() / 8, MIN_BODY_BYTES_IN_FLIGHT, Integer.MAX_VALUE);
    }
}
