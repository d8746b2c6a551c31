package io.mathsketch.server.api;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.mathsketch.server.access.RateLimitFilter;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * Reads a request body into memory, never more than the limit, in a buffer that grows with the bytes that arrived
 * (never allocated from the declared length, which costs the client nothing to claim) and whose bytes are reserved
 * from the server's {@link BodyBudget}. A body over the limit is read to its end and discarded before it is refused:
 * a server that answers and closes while the client is still sending resets the connection (unread bytes turn the
 * close into a TCP RST), and the client then sees a broken connection instead of the 413. Helidon's own
 * {@code max-payload-size} ({@code ServerSettings.drainedPayloadBytes}) bounds what is read that way; a client that
 * sent {@code Expect: 100-continue} has sent no body yet and is answered at once.
 */
final class RequestBody {

    /** The first buffer of a body: most bodies (a canvas PNG, an ink document) fit; larger ones double from it. */
    static final int FIRST_BUFFER = 16 * 1024;

    private static final System.Logger LOG = System.getLogger(RequestBody.class.getName());

    private RequestBody() {
    }

    static byte[] read(ServerRequest req, long limit, BodyBudget budget) {
        try (BodyBudget.Reservation reservation = budget.open(RateLimitFilter.addressOf(req))) {
            return read(req, limit, reservation);
        }
    }

    /** Like {@link #read(ServerRequest, long, BodyBudget)}, the body's bytes staying held by the caller's reservation. */
    static byte[] read(ServerRequest req, long limit, BodyBudget.Reservation reservation) {
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
        // The stream is closed (which reads what is left of the body) only once the body was read whole: after a
        // failure the connection is closed instead (ProblemException.closing), or a client that stops sending would
        // hold the answer back forever.
        try {
            InputStream in = req.content().inputStream();
            // A declared length is read up to it (the server delivers no byte past it); a chunked body up to one
            // byte past the limit, which tells it is over.
            long cap = declared >= 0 ? declared : limit + 1;
            byte[] body = upTo((int) Math.min(cap, Integer.MAX_VALUE - 8), in, reservation);
            if (body.length > limit) {
                in.transferTo(OutputStream.nullOutputStream());
                throw tooLarge(-1, limit);
            }
            in.close();
            return body;
        } catch (IOException | UncheckedIOException | DataReader.InsufficientDataAvailableException e) {
            // The client closed the connection (or the network did) before the body's end: nobody is left to read an
            // answer, and it is no failure of the server's.
            LOG.log(Level.DEBUG, () -> "Request body of " + req.prologue().method() + " "
                    + req.prologue().uriPath().path() + " ended early: " + e);
            throw ProblemException.closing(ProblemType.BAD_REQUEST,
                    "the request body ended before it was complete (the connection was closed)", e);
        } catch (NumberFormatException e) {
            // Helidon parses a chunk's size with Integer.parseUnsignedInt and lets a malformed one escape as is.
            throw ProblemException.closing(ProblemType.BAD_REQUEST, "malformed chunked request body: invalid chunk size",
                    e);
        }
    }

    /**
     * Reads up to {@code cap} bytes, or to the end of the body: the buffer starts at {@link #FIRST_BUFFER} (or
     * {@code cap} when smaller) and doubles as it fills, each size reserved before it is allocated and the old buffer
     * given back after its copy. A body that declared its length ends in a buffer of exactly that length.
     */
    private static byte[] upTo(int cap, InputStream in, BodyBudget.Reservation reservation) throws IOException {
        int size = Math.min(cap, FIRST_BUFFER);
        reservation.growTo(size);
        byte[] buffer = new byte[size];
        int filled = 0;
        while (true) {
            if (filled == buffer.length) {
                if (filled == cap) {
                    return buffer;
                }
                int next = (int) Math.min(cap, 2L * buffer.length);
                reservation.growTo(filled + next);
                buffer = Arrays.copyOf(buffer, next);
                reservation.shrinkTo(next);
            }
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        if (filled == buffer.length) {
            return buffer;
        }
        reservation.growTo(buffer.length + filled);
        return Arrays.copyOf(buffer, filled);
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
