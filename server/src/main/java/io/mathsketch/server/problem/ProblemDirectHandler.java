package io.mathsketch.server.problem;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

/**
 * Failures Helidon answers before routing (request bodies over {@code max-payload-size}, malformed requests): the
 * same problem+json documents as the routed errors, so clients parse one error format.
 */
public final class ProblemDirectHandler implements DirectHandler {

    /** Answers every kind of failure Helidon handles outside routing. */
    public static void register(DirectHandlers.Builder handlers) {
        ProblemDirectHandler handler = new ProblemDirectHandler();
        for (EventType type : EventType.values()) {
            handlers.addHandler(type, handler);
        }
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status status,
                                    ServerResponseHeaders headers, String message) {
        ProblemType type = switch (eventType) {
            case PAYLOAD_TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
            case INTERNAL_ERROR -> ProblemType.INTERNAL;
            default -> ProblemMapper.byStatus(status.code());
        };
        String detail = switch (type) {
            case PAYLOAD_TOO_LARGE -> "the request body exceeds the configured limit";
            case INTERNAL -> "the server failed to handle the request";
            case OVERLOADED -> "too many concurrent requests";
            default -> message;
        };
        ProblemDetails problem = new ProblemDetails(type, detail, request.path());
        headers.set(HeaderNames.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
        if (problem.status() == 503) {
            headers.set(HeaderNames.RETRY_AFTER, ProblemErrorHandler.RETRY_AFTER_SECONDS);
        }
        return TransportResponse.builder()
                .status(Status.create(problem.status()))
                .headers(headers)
                .entity(problem.toJsonBytes())
                .keepAlive(eventType.keepAlive())
                .build();
    }
}
