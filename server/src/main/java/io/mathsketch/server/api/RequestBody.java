package io.mathsketch.server.api;

import io.helidon.webserver.http.ServerRequest;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads a request body into memory, never more than the limit: a declared Content-Length over the limit is refused
 * before reading, and a chunked body is cut off as soon as it passes the limit.
 */
final class RequestBody {

    private RequestBody() {
    }

    static byte[] read(ServerRequest req, long limit) {
        long declared = req.headers().contentLength().orElse(-1);
        if (declared > limit) {
            throw tooLarge(declared, limit);
        }
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = req.content().inputStream()) {
            return declared >= 0 ? exactly((int) declared, in) : upTo(limit, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A body of a declared length (within the limit, checked above), read into one array of that size: the usual
     * request, with no growing buffers and no final copy. The server delivers no byte past the declared length.
     */
    private static byte[] exactly(int length, InputStream in) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        return read == length ? body : Arrays.copyOf(body, read);
    }

    /** A body of unknown length (chunked), cut off as soon as it passes the limit. */
    private static byte[] upTo(long limit, InputStream in) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
            throw tooLarge(-1, limit);
        }
        return body;
    }

    private static ProblemException tooLarge(long size, long limit) {
        String what = size >= 0 ? "the request body of " + size + " bytes" : "the request body";
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, what + " exceeds the limit of " + limit + " bytes");
    }
}
