package io.mathsketch.server.access;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

import java.time.Duration;
import java.util.Set;

/**
 * Closes connections that stall, whatever they stall in. Helidon's idle sweep ({@code server.idle-connection-timeout},
 * checked every {@code server.idle-connection-period}) asks every connection silent that long to close, but its
 * HTTP/1 connection only gives up while waiting for a request line: one stalled in a request's headers or body was
 * left open for ever (and Helidon applies no socket read timeout: {@code connection-options.read-timeout} only
 * configures its client). This selector hands out Helidon's own HTTP/1 connections wrapped so that the sweep's close
 * interrupts a connection idle past the timeout in any state; the interrupt closes the socket under the blocked read.
 * A connection the server itself closes (shutdown) before the timeout is closed as Helidon would.
 */
public final class StalledConnections implements ServerConnectionSelector {

    private final ServerConnectionSelector http1;
    private final Duration timeout;

    public StalledConnections(ServerConnectionSelector http1, Duration timeout) {
        this.http1 = http1;
        this.timeout = timeout;
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    @Override
    public Support supports(BufferData request) {
        return http1.supports(request);
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        return new Closing(http1.connection(ctx), timeout);
    }

    /** One HTTP/1 connection whose idle close interrupts it even mid-request. */
    private record Closing(ServerConnection connection, Duration timeout) implements ServerConnection {

        @Override
        public void handle(Limit limit) throws InterruptedException {
            connection.handle(limit);
        }

        @Override
        public Duration idleTime() {
            return connection.idleTime();
        }

        @Override
        public void close(boolean interrupt) {
            connection.close(interrupt || connection.idleTime().compareTo(timeout) >= 0);
        }
    }
}
