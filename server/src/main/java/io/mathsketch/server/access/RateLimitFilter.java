package io.mathsketch.server.access;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.mathsketch.server.config.RateLimitSettings;
import io.mathsketch.server.problem.ProblemDetails;
import io.mathsketch.server.problem.ProblemErrorHandler;
import io.mathsketch.server.problem.ProblemType;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Rate limits on {@code /api/*} ({@code rate-limit}): a request needs a token from its client id's bucket and from
 * its remote address's; without one it is answered 429 {@code rate-limited} with {@code Retry-After} (whole seconds
 * until a token is back) and reaches neither the engine nor the database. The page, health and metrics are not
 * limited. Must run after {@link ClientIdFilter}, which gives the request its client id.
 */
public final class RateLimitFilter implements Filter {

    private static final HeaderName FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");

    private final Optional<TokenBuckets> byClient;
    private final Optional<TokenBuckets> byAddress;
    private final int forwardedHops;

    public RateLimitFilter(RateLimitSettings settings) {
        this(settings, System::nanoTime);
    }

    RateLimitFilter(RateLimitSettings settings, LongSupplier nanoClock) {
        forwardedHops = settings.forwardedHops();
        byClient = settings.perClient() == 0 ? Optional.empty() : Optional.of(new TokenBuckets(settings.perClient(),
                settings.clientBurst(), settings.maxTracked(), nanoClock));
        byAddress = settings.perAddress() == 0 ? Optional.empty() : Optional.of(new TokenBuckets(
                settings.perAddress(), settings.addressBurst(), settings.maxTracked(), nanoClock));
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (req.path().path().startsWith("/api/")) {
            long wait = byAddress.map(b -> b.take(address(req))).orElse(0L);
            if (wait == 0) {
                wait = byClient.map(b -> b.take(ClientIdFilter.clientOf(req).ownerKey())).orElse(0L);
            }
            if (wait > 0) {
                long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
                res.header(HeaderNames.RETRY_AFTER, Long.toString(seconds));
                ProblemErrorHandler.send(res, new ProblemDetails(ProblemType.RATE_LIMITED, "too many requests from"
                        + " this client; retry after " + seconds + " s", req.path().path()));
                return;
            }
        }
        chain.proceed();
    }

    /**
     * The client's address: the connection's, or behind {@code forwardedHops} trusted proxies the entry of
     * {@code X-Forwarded-For} that the outermost of them appended (entries further left are the client's own claim
     * and could be forged to get a fresh bucket).
     */
    private String address(RoutingRequest req) {
        if (forwardedHops > 0) {
            List<String> hops = req.headers().all(FORWARDED_FOR, List::of).stream()
                    .flatMap(h -> Arrays.stream(h.split(","))).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (hops.size() >= forwardedHops) {
                return hops.get(hops.size() - forwardedHops);
            }
        }
        SocketAddress peer = req.remotePeer().address();
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(peer);
    }
}
