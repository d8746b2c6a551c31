package io.mathsketch.server.access;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/** {@link SecurityHeaders} on every routed response, errors included (they are set before the chain runs). */
public final class SecurityHeadersFilter implements Filter {

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        SecurityHeaders.set(res.headers());
        chain.proceed();
    }
}
