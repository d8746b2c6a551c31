package io.mathsketch.server.observe;

import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;
import java.util.List;

/**
 * Counts and times every request by method, matched route pattern (not the raw path, so ids do not explode the
 * label space) and status: {@code mathsketch_http_requests_seconds_count/bucket{method,route,status}}.
 */
public final class HttpMetricsFilter implements Filter {

    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private final MeterRegistry registry;

    public HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        try {
            chain.proceed();
        } finally {
            String route = req.matchingPattern().orElse("unmatched");
            registry.getOrCreate(Timer.builder("mathsketch.http.requests")
                            .description("HTTP requests by route and status")
                            .tags(List.of(Tag.create("method", req.prologue().method().text()),
                                    Tag.create("route", route),
                                    Tag.create("status", Integer.toString(res.status().code()))))
                            .buckets(BUCKETS))
                    .record(Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
