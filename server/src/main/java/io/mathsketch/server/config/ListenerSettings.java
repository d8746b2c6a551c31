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
 */
public record ListenerSettings(String host, int port, Duration shutdownGrace, boolean accessLog) {

    static final Key<String> HOST = Key.string("host", "0.0.0.0");
    static final Key<Integer> PORT = Key.integer("port", 8080, 0, 65_535);
    static final Key<Duration> SHUTDOWN_GRACE = Key.duration("shutdown-grace", "PT10S");
    static final Key<Boolean> ACCESS_LOG = Key.bool("access-log", false);

    public ListenerSettings {
        PORT.check(port);
        SHUTDOWN_GRACE.check(shutdownGrace);
    }

    static ListenerSettings from(ConfigValues values) {
        return new ListenerSettings(values.get(HOST), values.get(PORT), values.get(SHUTDOWN_GRACE),
                values.get(ACCESS_LOG));
    }
}
