package io.mathsketch.server.access;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Closes the connection after an answer that says {@code Connection: close}, as RFC 9112 §9.6 requires: Helidon 4.5
 * writes the header but then reads the next request from the same connection, whether the client asked to close or
 * the server did because a body was refused unread. A body refused that way (a chunk line Helidon cannot parse, such
 * as one with a chunk extension, which a proxy in front passes on as valid) would otherwise be read as the requests
 * it holds, each executed and answered on a connection a proxy may share between users. Likewise after an answer to a
 * request that waits for {@code 100 Continue} and was answered without it (a 404, a 405, a refused parameter or media
 * type): Helidon reads no body it did not ask for, and a client may send it anyway (RFC 9110 §10.1.1), so its bytes
 * were read as requests. The first filter: every other filter, the metrics' included, has seen the answer complete
 * before the connection is dropped.
 */
public final class ClosingConnections implements Filter {

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        chain.proceed();
        if (res.isSent() && (res.headers().containsToken(HeaderValues.CONNECTION_CLOSE)
                || req.headers().containsToken(HeaderValues.CONNECTION_CLOSE))) {
            throw new CloseConnectionException("the answer closes the connection (Connection: close)");
        }
        if (res.isSent() && req.headers().containsToken(HeaderValues.EXPECT_100) && !req.continueSent()
                && req.content().hasEntity()) {
            throw new CloseConnectionException("answered without 100 Continue: the body may still come, unread");
        }
    }
}
