package io.mathsketch.server.problem;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.DirectHandlers;

import java.util.function.Consumer;

/**
 * Failures Helidon answers before routing (request bodies over {@code max-payload-size}, malformed requests, HTTP
 * versions other than 1.1, request heads over {@code max-headers-size}): the same problem+json documents as the
 * routed errors, with the status Helidon chose, so clients parse one error format and never see a 500 for a bad
 * request. They carry the security headers routed responses carry ({@code access.SecurityHeaders}, handed in by the
 * server): no routing filter runs for them.
 */
public final class ProblemDirectHandler implements DirectHandler {

    /**
     * Helidon's reason for a request head over {@code max-headers-size}; it reports that as a plain 400, like a
     * malformed header line. {@code HttpLayerErrorsTest} fails if a Helidon upgrade rewords it.
     */
    private static final String HEADERS_TOO_LARGE = "Header size exceeded";
    /**
     * Helidon's reason for a request with {@code Content-Encoding} (content decoding is off: the server reads no coded
     * body), which it reports as a plain 400. {@code RequestRulesTest} fails if a Helidon upgrade rewords it.
     */
    private static final String CONTENT_CODING = "Content-Encoding header present when content encoding is disabled";
    /**
     * Helidon's reason for a request whose {@code Transfer-Encoding} is not {@code chunked} alone ({@code gzip,
     * chunked}): a 501 (RFC 9112 §6.1), which must not become the 500 {@code internal} that a server fault is, logged
     * as one. {@code HttpLayerErrorsTest} fails if a Helidon upgrade rewords it.
     */
    private static final String TRANSFER_CODING = "Unsupported request transfer encoding";

    /** Sets the headers every response carries, routed or not. */
    private final Consumer<ServerResponseHeaders> everyResponse;

    private ProblemDirectHandler(Consumer<ServerResponseHeaders> everyResponse) {
        this.everyResponse = everyResponse;
    }

    /**
     * Answers every kind of failure Helidon handles outside routing.
     *
     * @param everyResponse sets the headers every response carries (the routing filters set them on the others)
     */
    public static void register(DirectHandlers.Builder handlers, Consumer<ServerResponseHeaders> everyResponse) {
        ProblemDirectHandler handler = new ProblemDirectHandler(everyResponse);
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
            case HTTP_VERSION_NOT_SUPPORTED -> ProblemType.HTTP_VERSION_NOT_SUPPORTED;
            case BAD_REQUEST -> HEADERS_TOO_LARGE.equals(message) ? ProblemType.HEADERS_TOO_LARGE
                    : CONTENT_CODING.equals(message) ? ProblemType.UNSUPPORTED_MEDIA_TYPE
                    : ProblemMapper.byStatus(status.code());
            default -> ProblemMapper.byStatus(status.code());
        };
        String detail = switch (type) {
            case PAYLOAD_TOO_LARGE -> "the request body exceeds the configured limit";
            case INTERNAL -> "the server failed to handle the request";
            case OVERLOADED -> "too many concurrent requests";
            case HTTP_VERSION_NOT_SUPPORTED -> "only HTTP/1.1 is served; "
                    + "a health check must send HTTP/1.1 with a Host header";
            case HEADERS_TOO_LARGE -> "the request line and headers exceed the server's max-headers-size";
            case UNSUPPORTED_MEDIA_TYPE -> "a body in a content coding (Content-Encoding) is not accepted;"
                    + " send it unencoded";
            case NOT_IMPLEMENTED -> TRANSFER_CODING.equals(message) ? "a Transfer-Encoding other than chunked is not"
                    + " supported; send the body with Content-Length or Transfer-Encoding: chunked" : message;
            case BAD_REQUEST -> message == null ? "malformed HTTP request" : message;
            default -> message;
        };
        ProblemDetails problem = new ProblemDetails(type, detail, request.path());
        headers.set(HeaderNames.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
        everyResponse.accept(headers);
        if (type == ProblemType.UNSUPPORTED_MEDIA_TYPE) {
            // RFC 9110 §15.5.16: a 415 for a content coding says which codings the server takes.
            headers.set(HeaderNames.ACCEPT_ENCODING, "identity");
        }
        if (problem.status() == 503) {
            headers.set(HeaderNames.RETRY_AFTER, ProblemErrorHandler.RETRY_AFTER_SECONDS);
        }
        return TransportResponse.builder()
                .status(problem.httpStatus())
                .headers(headers)
                .entity(problem.toJsonBytes())
                .keepAlive(eventType.keepAlive())
                .build();
    }
}
