package io.mathsketch.server.access;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/** {@link SecurityHeaders} on every routed response, errors included (they are set before the chain runs). */
public final class SecurityHeadersFilter implements Filter {

    private final SecurityHeaders headers;

    public SecurityHeadersFilter(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        headers.set(res.headers());
        chain.proceed();
    }
}
