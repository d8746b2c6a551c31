package io.mathsketch.server.observe;

import io.helidon.common.uri.UriPath;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts and times every request by method, matched route pattern (not the raw path, so ids do not explode the
 * label space) and status: {@code mathsketch_http_requests_seconds_count/bucket{method,route,status}}. Every label
 * has a bounded set of values whatever clients send: methods outside the standard ones and requests that match no
 * route (any 404 outside the API's routes, whatever its method) are labelled {@code other}, so a scan of made-up methods and paths cannot grow the metrics without bound.
 * A request a filter answered before routing (429 {@code rate-limited}) has no matched route: it is labelled with the
 * API route its path matches, so the refusals show beside the route they refused. Either way the label is the route as
 * the API documents it ({@link #label}): Helidon reports a service's root route with a trailing slash
 * ({@code /api/v1/models/}), which the documented route, the 405 fallback and a refusal do not have.
 * A request whose connection closed before its answer went out whole (cut by the idle sweep, {@code
 * StalledConnections}: its body stalled, or it was not answered in time) is counted with status {@code none}: the
 * response object still holds the default 200, or the status of an answer whose writing failed, and neither reached
 * the client.
 */
public final class HttpMetricsFilter implements Filter {

    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5)};

    private static final String OTHER = "other";
    private static final String NO_ANSWER = "none";
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS",
            "PATCH", "TRACE", "CONNECT");

    private final MeterRegistry registry;
    // Looking a meter up in the registry builds its tags and id on every call (about 5% of the CPU at full load),
    // so each (method, route, status) timer is looked up once.
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    private record Key(String method, String route, String status) {
    }

    private final List<Route> routes;

    private record Route(String pattern, PathMatcher matcher) {
    }

    /**
     * @param routePatterns the API's route patterns ({@code /api/v1/recognitions/{id}}), for the requests routing
     *                      never matched
     */
    public HttpMetricsFilter(MeterRegistry registry, List<String> routePatterns) {
        this.registry = registry;
        this.routes = routePatterns.stream().map(p -> new Route(label(p), PathMatchers.create(p))).toList();
    }

    /** A route pattern as a label: without a trailing slash, which names the same route ({@code /} stays). */
    static String label(String pattern) {
        return pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1) : pattern;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long start = System.nanoTime();
        boolean closed = false;
        try {
            chain.proceed();
        } catch (CloseConnectionException e) {
            // Routing's error handling lets only this escape: the connection is dropped with no (whole) answer.
            closed = true;
            throw e;
        } finally {
            String method = req.prologue().method().text();
            // A 404 is labelled by the API route its path matches, else other: the page's catch-all route matches
            // every GET and passes on the paths it has no file for, which must not count as the page's.
            boolean notFound = res.isSent() && res.status().code() == 404;
            String route = req.matchingPattern().filter(p -> !notFound).map(HttpMetricsFilter::label)
                    .orElseGet(() -> routeOf(req.path().absolute()));
            Key key = new Key(KNOWN_METHODS.contains(method) ? method : OTHER, route,
                    closed || !res.isSent() ? NO_ANSWER : Integer.toString(res.status().code()));
            timers.computeIfAbsent(key, this::timer).record(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private String routeOf(UriPath path) {
        for (Route route : routes) {
            if (route.matcher().match(path).accepted()) {
                return route.pattern();
            }
        }
        return OTHER;
    }

    private Timer timer(Key key) {
        return registry.getOrCreate(Timer.builder("mathsketch.http.requests")
                .description("HTTP requests by route and status")
                .tags(List.of(Tag.create("method", key.method()),
                        Tag.create("route", key.route()),
                        Tag.create("status", key.status())))
                .buckets(BUCKETS));
    }
}
