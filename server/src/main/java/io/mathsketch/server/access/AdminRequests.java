package io.mathsketch.server.access;

import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Whether the request being handled on this thread carries the admin token, for code that is not handed the request:
 * the health checks, which show the database's error text to the admin only (it can name hosts, users and
 * schemas). Helidon runs a request's filters, handler and health checks on that request's own virtual thread.
 */
public final class AdminRequests implements Filter {

    private final AdminToken token;
    private final ThreadLocal<Boolean> current = ThreadLocal.withInitial(() -> false);

    public AdminRequests(AdminToken token) {
        this.token = token;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        boolean admin = token.matches(req);
        current.set(admin);
        try {
            chain.proceed();
        } finally {
            current.remove();
        }
    }

    /** Whether the request handled on this thread presented the admin token. */
    public boolean current() {
        return current.get();
    }
}
