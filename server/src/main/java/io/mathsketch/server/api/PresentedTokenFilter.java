package io.mathsketch.server.api;

import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.mathsketch.server.access.AdminToken;
import io.mathsketch.server.problem.ProblemDetails;
import io.mathsketch.server.problem.ProblemErrorHandler;
import io.mathsketch.server.problem.ProblemException;

import java.util.List;

/**
 * An {@code /api/*} request that presents credentials ({@code Authorization}) other than the admin token is 401
 * {@code unauthorized} with {@code WWW-Authenticate: Bearer}, on every route: also where the token would show nothing
 * more (recognising, statistics, models) and on paths that answer 404 or 405. Bad credentials are never served as an
 * ordinary caller, so a client with a mistyped or stale token learns it at its first request. Runs after the rate
 * limit, which so also slows down guessing the token. A route that demands the token (reloading a model) checks it
 * itself, to answer 403 {@code reload-disabled} when no token is configured, as documented.
 */
public final class PresentedTokenFilter implements Filter {

    private final AdminToken token;
    private final List<PathMatcher> demandingRoutes;

    /** @param demandingRoutes the patterns of the routes that check the token themselves */
    public PresentedTokenFilter(AdminToken token, List<String> demandingRoutes) {
        this.token = token;
        this.demandingRoutes = demandingRoutes.stream().map(PathMatchers::create).toList();
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (req.path().path().startsWith("/api/")
                && demandingRoutes.stream().noneMatch(route -> route.match(req.path().absolute()).accepted())) {
            try {
                token.presentedBy(req, res);
            } catch (ProblemException e) {
                ProblemErrorHandler.send(req, res, new ProblemDetails(e.type(), e.getMessage(), req.path().path()));
                return;
            }
        }
        chain.proceed();
    }
}
