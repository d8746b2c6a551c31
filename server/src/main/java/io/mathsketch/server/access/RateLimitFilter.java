package io.mathsketch.server.access;

import io.helidon.common.context.Contexts;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.mathsketch.server.config.RateLimitSettings;
import io.mathsketch.server.observe.FeaturePaths;
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
 * until a token is back) and reaches neither the engine nor the database. {@code /observe/metrics} and
 * {@code /openapi} take a token from the same address bucket only (they give and read no client id): each answer
 * walks every meter or the whole document, which a flood from one address should not get for free. The page and the
 * health checks are not limited: balancers and the kubelet poll them, and an instance refusing its own probes would be
 * taken out. Must run after {@link ClientIdFilter}, which gives the request its client id.
 *
 * <p>An admitted request runs with its {@link Origin} in Helidon's current context, where {@link ImageAdmission}
 * finds whom to charge for the pixels of an image once its header is read.
 */
public final class RateLimitFilter implements Filter {

    private static final HeaderName FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");

    private final RateLimitSettings settings;
    private final Optional<TokenBuckets> byClient;
    private final Optional<TokenBuckets> byAddress;

    public RateLimitFilter(RateLimitSettings settings) {
        this(settings, System::nanoTime);
    }

    RateLimitFilter(RateLimitSettings settings, LongSupplier nanoClock) {
        this.settings = settings;
        byClient = settings.perClient() == 0 ? Optional.empty() : Optional.of(new TokenBuckets(settings.perClient(),
                settings.clientBurst(), settings.maxTracked(), nanoClock));
        byAddress = settings.perAddress() == 0 ? Optional.empty() : Optional.of(new TokenBuckets(
                settings.perAddress(), settings.addressBurst(), settings.maxTracked(), nanoClock));
    }

    /** Whom a request is charged to: its address's key ({@link AddressKey}) and its client's owner key. */
    record Origin(String address, String client) {
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = req.path().path();
        if (!path.startsWith("/api/")) {
            long wait = addressOnly(path) ? byAddress.map(b -> b.take(address(req), 1, 0)).orElse(0L) : 0;
            if (wait > 0) {
                refuse(req, res, wait, "this address", path);
            } else {
                chain.proceed();
            }
            return;
        }
        Origin origin = new Origin(address(req), ClientIdFilter.clientOf(req).ownerKey());
        long wait = take(origin, 1, 0);
        if (wait > 0) {
            refuse(req, res, wait, "this client", path);
            return;
        }
        req.context().register(origin);
        // Helidon routes without making the request's context current; the engine's caller finds it there.
        Contexts.runInContext(req.context(), chain::proceed);
    }

    /** The address key an admitted {@code /api/*} request is charged to; empty for any other request. */
    public static Optional<String> addressOf(ServerRequest req) {
        return req.context().get(Origin.class).map(Origin::address);
    }

    /** The metrics and the OpenAPI document, under the address limit only; never a health check. */
    static boolean addressOnly(String path) {
        return under(path, FeaturePaths.METRICS) || under(path, FeaturePaths.OPENAPI);
    }

    private static boolean under(String path, String root) {
        return path.equals(root) || path.startsWith(root + "/");
    }

    private static void refuse(RoutingRequest req, RoutingResponse res, long waitNanos, String whom, String path) {
        long seconds = retryAfterSeconds(waitNanos);
        res.header(HeaderNames.RETRY_AFTER, Long.toString(seconds));
        ProblemErrorHandler.send(req, res, new ProblemDetails(ProblemType.RATE_LIMITED, "too many requests from "
                + whom + "; retry after " + seconds + " s", path));
    }

    RateLimitSettings settings() {
        return settings;
    }

    /**
     * Takes {@code cost} tokens from the origin's address bucket, then from its client's, for a request that took
     * {@code taken} already: 0 when both had them, otherwise the nanoseconds to wait (the address's tokens are given
     * back when the client's bucket refuses, so one client's refused requests do not use up its address).
     */
    long take(Origin origin, double cost, double taken) {
        long wait = byAddress.map(b -> b.take(origin.address(), cost, taken)).orElse(0L);
        if (wait == 0) {
            wait = byClient.map(b -> b.take(origin.client(), cost, taken)).orElse(0L);
            if (wait > 0) {
                byAddress.ifPresent(b -> b.refund(origin.address(), cost));
            }
        }
        return wait;
    }

    /** Takes {@code cost} tokens from both the origin's buckets for work already done, into debt if need be. */
    void owe(Origin origin, double cost) {
        byAddress.ifPresent(b -> b.owe(origin.address(), cost));
        byClient.ifPresent(b -> b.owe(origin.client(), cost));
    }

    /** Gives back tokens taken for a request that did no work after all. */
    void refund(Origin origin, double cost) {
        byAddress.ifPresent(b -> b.refund(origin.address(), cost));
        byClient.ifPresent(b -> b.refund(origin.client(), cost));
    }

    static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    /**
     * The client's address key: the connection's address, or behind {@code forwardedHops} trusted proxies the entry
     * of {@code X-Forwarded-For} that the outermost of them appended (entries further left are the client's own
     * claim and could be forged to get a fresh bucket); an IPv6 address counts by its /64 ({@link AddressKey}).
     */
    private String address(RoutingRequest req) {
        int forwardedHops = settings.forwardedHops();
        if (forwardedHops > 0) {
            List<String> hops = req.headers().all(FORWARDED_FOR, List::of).stream()
                    .flatMap(h -> Arrays.stream(h.split(","))).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (hops.size() >= forwardedHops) {
                return AddressKey.of(hops.get(hops.size() - forwardedHops));
            }
        }
        SocketAddress peer = req.remotePeer().address();
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null
                ? AddressKey.of(inet.getAddress()) : String.valueOf(peer);
    }
}
