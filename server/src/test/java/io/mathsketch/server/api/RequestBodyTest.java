package io.mathsketch.server.api;

import io.mathsketch.server.testing.Await;
import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.RawHttp;
import io.mathsketch.server.testing.RequestCounts;
import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Request bodies over raw sockets, as an attacker sends them: declared and not sent, sent slowly, malformed chunks,
 * abandoned half way. The body budget is small here (four bodies at the payload limit), so its accounting is what
 * the tests read: what a body holds follows the bytes that arrived, and a request that finds no room is refused.
 */
class RequestBodyTest {

    private static final int LIMIT = 65_536;
    /** Four first buffers and half of a fifth: what is left after four bodies cannot start another. */
    private static final int BUDGET = 4 * RequestBody.FIRST_BUFFER + RequestBody.FIRST_BUFFER / 2 + LIMIT;

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2(Map.of(
            "limits.max-payload-bytes", Integer.toString(LIMIT),
            "server.max-body-bytes-in-flight", Integer.toString(BUDGET)));

    @Test
    void aDeclaredLengthReservesNothingUntilItsBytesArrive() throws IOException {
        BodyBudget budget = SERVER.server().server().bodyBudget();
        Await.value(0, budget::inFlight);
        try (Socket socket = open()) {
            RawHttp.write(socket, head(LIMIT) + "\u0089");
            // Only the first buffer, not the declared 64 KB (the old reader allocated all of it at once).
            Await.value(RequestBody.FIRST_BUFFER, budget::inFlight);
            // The buffer doubles as bytes arrive: 20,000 of them fill the first and start the second.
            RawHttp.write(socket, "x".repeat(20_000));
            Await.value(2L * RequestBody.FIRST_BUFFER, budget::inFlight);
        }
        Await.value(0, budget::inFlight);
    }

    @Test
    void bodiesBeyondTheBudgetAreRefusedAsOverloadedAndTheBudgetComesBack() throws IOException {
        BodyBudget budget = SERVER.server().server().bodyBudget();
        Await.value(0, budget::inFlight);
        // Something holds the rest of the budget beyond four first buffers and a half (the test cannot send a
        // 64 KB body and keep it in flight without it growing through the sizes in between).
        List<Socket> holders = new ArrayList<>();
        try {
            Socket big = open();
            holders.add(big);
            RawHttp.write(big, head(LIMIT) + "x".repeat(LIMIT - 100));
            Await.value(LIMIT, budget::inFlight);
            for (int i = 1; i <= 4; i++) {
                Socket socket = open();
                holders.add(socket);
                // A declared 64 KB body, one byte of it sent, then silence.
                RawHttp.write(socket, head(LIMIT) + "x");
                Await.value(LIMIT + (long) i * RequestBody.FIRST_BUFFER, budget::inFlight);
            }
            // A fifth cannot start: refused after a short wait, its connection closed (its body unread).
            RawHttp.Response refused = new RawHttp(SERVER.server().port()).send(head(LIMIT));
            assertEquals(503, refused.status(), refused::toString);
            assertEquals("overloaded", refused.problem());
            assertEquals("1", refused.header("retry-after").orElse(""), refused::toString);
            assertEquals("close", refused.header("connection").orElse(""), refused::toString);
            assertTrue(budget.inFlight() <= BUDGET);
        } finally {
            for (Socket socket : holders) {
                socket.close();
            }
        }
        // Each abandoned body gives its share back.
        Await.value(0, budget::inFlight);
        assertEquals(201, SERVER.http().post("/api/v1/recognitions", "image/png", Digits.canvasPng(0)).status());
    }

    @Test
    void aMalformedChunkSizeIsABadRequestAnsweredAtOnce() {
        RawHttp.Response response = new RawHttp(SERVER.server().port()).send(
                "POST /api/v1/recognitions HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");
        assertEquals(400, response.status(), response::toString);
        assertEquals("bad-request", response.problem());
        assertEquals("close", response.header("connection").orElse(""), response::toString);
    }

    @Test
    void aRefusedChunkedBodyIsNeverReadAsTheRequestsItHolds() throws IOException {
        // A chunk extension is valid HTTP (a proxy in front passes it on) but Helidon cannot parse the line: the body
        // is refused unread, and its bytes, a request of their own here, must not be executed on this connection.
        String smuggled = "GET /api/v1/models HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String all = read("POST /api/v1/recognitions HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(smuggled.length()) + ";ext=1\r\n"
                + smuggled + "\r\n0\r\n\r\n");
        assertTrue(all.startsWith("HTTP/1.1 400 "), all);
        assertEquals(1, all.split("HTTP/1\\.1 ", -1).length - 1, "one answer, then the connection closes: " + all);
        assertFalse(all.contains("\"models\""), all);
    }

    @Test
    void aBodyAfterAnAnswerWithout100ContinueIsNeverReadAsTheRequestsItHolds() throws IOException {
        // The client waits for 100 Continue, is answered without it (a path, method, parameter or media type refused
        // from the head), and sends its body anyway, as RFC 9110 10.1.1 allows: its bytes are no request.
        String smuggled = "GET /api/v1/models HTTP/1.1\r\nHost: localhost\r\n\r\n";
        for (String head : List.of("POST /api/v1/nowhere HTTP/1.1", "PATCH /api/v1/recognitions HTTP/1.1",
                "POST /api/v1/recognitions?bogus=1 HTTP/1.1", "PUT /api/v1/recognitions/x/feedback HTTP/1.1")) {
            String all = read(head + "\r\nHost: localhost\r\nContent-Type: text/plain\r\nExpect: 100-continue\r\n"
                    + "Content-Length: " + smuggled.length() + "\r\n\r\n" + smuggled);
            assertTrue(all.startsWith("HTTP/1.1 4"), head + ": " + all);
            assertEquals(1, all.split("HTTP/1\\.1 ", -1).length - 1, head + ": one answer, then close: " + all);
            assertFalse(all.contains("\"models\""), all);
        }
    }

    @Test
    void aRequestSayingConnectionCloseIsTheConnectionsLast() throws IOException {
        String all = read("GET /observe/health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                + "GET /api/v1/models HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertTrue(all.startsWith("HTTP/1.1 200 "), all);
        assertEquals(1, all.split("HTTP/1\\.1 ", -1).length - 1, "RFC 9112 9.6: no answer after close: " + all);
    }

    /** Everything the server sends on one connection for {@code requests}, until it closes it (30 s at most). */
    private static String read(String requests) throws IOException {
        try (Socket socket = open()) {
            RawHttp.write(socket, requests);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void aClientThatLeavesMidBodyIsNoServerError() throws IOException {
        long errorsBefore = count("500");
        long refusedBefore = count("400");
        try (Socket socket = open()) {
            RawHttp.write(socket, head(LIMIT) + "\u0089PNG");
        }
        // The abandoned request is counted once it is handled: as the client's fault, never as the server's.
        Await.value(refusedBefore + 1, () -> count("400"));
        assertEquals(errorsBefore, count("500"), "a client leaving mid-body is no 500");
    }

    private static long count(String status) {
        return RequestCounts.recognitionPosts(SERVER.http(), status);
    }

    private static String head(int contentLength) {
        return "POST /api/v1/recognitions HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    private static Socket open() throws IOException {
        return new RawHttp(SERVER.server().port()).open();
    }
}
