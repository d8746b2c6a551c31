package io.mathsketch.server.problem;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpException;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import io.mathsketch.server.observe.OutOfMemoryWatch;

import java.lang.System.Logger.Level;

/**
 * Routing error handler: writes any failure raised by a route as problem+json. A heap failure is reported to the
 * {@link OutOfMemoryWatch} (the instance is no longer live) and answered 503 {@code overloaded}: the client may retry
 * elsewhere, and it was not its request's fault.
 */
public final class ProblemErrorHandler implements ErrorHandler<Throwable> {

    /** Seconds a client is asked to wait before retrying an overloaded or database-unavailable request. */
    static final String RETRY_AFTER_SECONDS = "1";

    private static final System.Logger LOG = System.getLogger(ProblemErrorHandler.class.getName());

    private final OutOfMemoryWatch heap;

    public ProblemErrorHandler(OutOfMemoryWatch heap) {
        this.heap = heap;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res, Throwable error) {
        // Helidon's static content answers a revalidated cached page (If-None-Match) by throwing 304: not an error.
        if (error instanceof HttpException http && http.status().code() < 400) {
            if (!res.isSent()) {
                res.status(http.status());
                res.send();
            }
            return;
        }
        String path = req.prologue().uriPath().path();
        if (heap.record(error, "request " + req.prologue().method() + " " + path)) {
            send(req, res, new ProblemDetails(ProblemType.OVERLOADED, "the server is short of memory; retry later",
                    path));
            return;
        }
        ProblemDetails problem = ProblemMapper.toProblem(error, path);
        if (problem.type() == ProblemType.PAYLOAD_TOO_LARGE && !req.content().consumed()
                || error instanceof ProblemException p && p.closesConnection()) {
            // Refused unread (the client waits for 100-continue), or its body is broken or stalled: the connection
            // cannot carry another request, and Helidon must not read on to the body's end first.
            res.header(HeaderValues.CONNECTION_CLOSE);
        }
        if (error instanceof ProblemException p && p.retryAfterSeconds() > 0) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(p.retryAfterSeconds()));
        }
        if (problem.type() == ProblemType.INTERNAL) {
            LOG.log(Level.ERROR, "Request " + req.prologue().method() + " " + req.prologue().uriPath().path() + " failed", error);
        }
        send(req, res, problem);
    }

    /**
     * Sends a problem document unless the response is already on its way; to {@code HEAD}, its headers only (RFC 9110
     * §9.3.2: Helidon would send the body it is given, which a client or proxy keeping the connection reads as the
     * start of the next answer).
     */
    public static void send(ServerRequest req, ServerResponse res, ProblemDetails problem) {
        if (res.isSent()) {
            return;
        }
        res.status(Status.create(problem.status()));
        res.header(HeaderNames.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
        if (problem.status() == 503) {
            res.header(HeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        if (req.prologue().method() == Method.HEAD) {
            res.send();
        } else {
            res.send(problem.toJsonBytes());
        }
    }
}
