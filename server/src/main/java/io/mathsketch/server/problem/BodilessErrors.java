package io.mathsketch.server.problem;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * An error a Helidon feature answers itself, without a body and so without any type, is sent as a problem document
 * like every other error: the metrics endpoint answers an unknown {@code scope} or {@code name} 404, an
 * {@code Accept} it cannot serve 406 and its metadata ({@code OPTIONS}) asked for in another type than JSON 405 that
 * way (Helidon 4.5). Just before such an answer is sent, its empty entity is replaced by the document; an answer
 * that has a type, and any answer to {@code HEAD}, is left as it is.
 */
public final class BodilessErrors implements Filter {

    private static final Map<Integer, ProblemDetails> DOCUMENTS = Map.of(
            404, new ProblemDetails(ProblemType.NOT_FOUND, "nothing is served for these query parameters", null),
            405, new ProblemDetails(ProblemType.METHOD_NOT_ALLOWED,
                    "this request is answered only by the methods the Allow header lists", null),
            406, new ProblemDetails(ProblemType.NOT_ACCEPTABLE,
                    "this path cannot answer in a type the request's Accept admits", null));

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (req.prologue().method() == Method.HEAD) {
            // An answer to HEAD has no body (ProblemErrorHandler.send sends a problem's headers only).
            chain.proceed();
            return;
        }
        String path = req.prologue().uriPath().path();
        res.beforeSend(() -> {
            ProblemDetails known = DOCUMENTS.get(res.status().code());
            if (known != null && !res.headers().contains(HeaderNames.CONTENT_TYPE)) {
                byte[] document = new ProblemDetails(known.type(), known.detail(), path).toJsonBytes();
                res.header(HeaderNames.CONTENT_TYPE, ProblemDetails.MEDIA_TYPE);
                // Framed: without a length the body of a keep-alive answer ends only when the connection closes, and
                // a client waits for that (the JDK's HttpClient two minutes, until Helidon's idle sweep).
                res.header(HeaderNames.CONTENT_LENGTH, String.valueOf(document.length));
                // Helidon reads the stream filter after these callbacks, so the send goes through it.
                res.streamFilter(out -> new Replaced(out, document));
            }
        });
        chain.proceed();
    }

    /** Drops what the handler writes (nothing, for these answers) and writes the document instead. */
    private static final class Replaced extends FilterOutputStream {

        private final byte[] document;
        private boolean written;

        Replaced(OutputStream out, byte[] document) {
            super(out);
            this.document = document;
        }

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() throws IOException {
            if (!written) {
                written = true;
                out.write(document);
            }
            out.close();
        }
    }
}
