package io.mathsketch.server.api;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads a request body into memory, never more than the limit. A body over the limit is read to its end and
 * discarded before it is refused: a server that answers and closes while the client is still sending resets the
 * connection (unread bytes turn the close into a TCP RST), and the client then sees a broken connection instead of
 * the 413. Helidon's own {@code max-payload-size} ({@code ServerSettings.drainedPayloadBytes}) bounds what is read
 * that way; a client that sent {@code Expect: 100-continue} has sent no body yet and is answered at once.
 */
final class RequestBody {

    private RequestBody() {
    }

    static byte[] read(ServerRequest req, long limit) {
        long declared = req.headers().contentLength().orElse(-1);
        if (declared > limit) {
            if (!waitsForContinue(req)) {
                discard(req);
            }
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
            in.transferTo(OutputStream.nullOutputStream());
            throw tooLarge(-1, limit);
        }
        return body;
    }

    /** RFC 9110 compares the expectation case-insensitively; the JDK's client sends {@code 100-Continue}. */
    private static boolean waitsForContinue(ServerRequest req) {
        return req.headers().first(HeaderNames.EXPECT).map("100-continue"::equalsIgnoreCase).orElse(false);
    }

    private static void discard(ServerRequest req) {
        try (InputStream in = req.content().inputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException tooLarge(long size, long limit) {
        String what = size >= 0 ? "the request body of " + size + " bytes" : "the request body";
        return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, what + " exceeds the limit of " + limit + " bytes");
    }
}
