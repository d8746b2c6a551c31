package io.mathsketch.server.api;

import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.RawHttp;
import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        awaitValue(0, budget::inFlight);
        try (Socket socket = open()) {
            send(socket, head(LIMIT) + "\u0089");
            // Only the first buffer, not the declared 64 KB (the old reader allocated all of it at once).
            awaitValue(RequestBody.FIRST_BUFFER, budget::inFlight);
            // The buffer doubles as bytes arrive: 20,000 of them fill the first and start the second.
            send(socket, "x".repeat(20_000));
            awaitValue(2L * RequestBody.FIRST_BUFFER, budget::inFlight);
        }
        awaitValue(0, budget::inFlight);
    }

    @Test
    void bodiesBeyondTheBudgetAreRefusedAsOverloadedAndTheBudgetComesBack() throws IOException {
        BodyBudget budget = SERVER.server().server().bodyBudget();
        awaitValue(0, budget::inFlight);
        // Something holds the rest of the budget beyond four first buffers and a half (the test cannot send a
        // 64 KB body and keep it in flight without it growing through the sizes in between).
        List<Socket> holders = new ArrayList<>();
        try {
            Socket big = open();
            holders.add(big);
            send(big, head(LIMIT) + "x".repeat(LIMIT - 100));
            awaitValue(LIMIT, budget::inFlight);
            for (int i = 1; i <= 4; i++) {
                Socket socket = open();
                holders.add(socket);
                // A declared 64 KB body, one byte of it sent, then silence.
                send(socket, head(LIMIT) + "x");
                awaitValue(LIMIT + (long) i * RequestBody.FIRST_BUFFER, budget::inFlight);
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
        awaitValue(0, budget::inFlight);
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
    void aClientThatLeavesMidBodyIsNoServerError() throws IOException {
        Pattern route = Pattern.compile("route=\"/api/v1/recognitions\"");
        long errorsBefore = count(route, "500");
        long refusedBefore = count(route, "400");
        try (Socket socket = open()) {
            send(socket, head(LIMIT) + "\u0089PNG");
        }
        // The abandoned request is counted once it is handled: as the client's fault, never as the server's.
        awaitValue(refusedBefore + 1, () -> count(route, "400"));
        assertEquals(errorsBefore, count(route, "500"), "a client leaving mid-body is no 500");
    }

    private static long count(Pattern route, String status) {
        String metrics = SERVER.http().get("/observe/metrics").text();
        return metrics.lines()
                .filter(l -> l.startsWith("mathsketch_http_requests_seconds_count") && route.matcher(l).find()
                        && l.contains("method=\"POST\"") && l.contains("status=\"" + status + "\""))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String head(int contentLength) {
        return "POST /api/v1/recognitions HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    private static Socket open() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("localhost", SERVER.server().port()), 5_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Waits for a value the server reaches on its own threads; the bound is generous, not a speed target. */
    private static void awaitValue(long expected, LongSupplier actual) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long seen = actual.getAsLong();
        while (seen != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            seen = actual.getAsLong();
        }
        assertEquals(expected, seen, "value the server did not reach within 30 s");
    }
}
