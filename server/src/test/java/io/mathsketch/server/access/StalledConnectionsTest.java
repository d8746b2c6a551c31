package io.mathsketch.server.access;

import io.mathsketch.server.testing.Await;
import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.GatedEngine;
import io.mathsketch.server.testing.RawHttp;
import io.mathsketch.server.testing.RequestCounts;
import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Connections that go silent are closed by the server, wherever they stall: before a request, in its head, in its
 * body. The idle timeout is two seconds here (Helidon timestamps a request to the second: with one, the sweep could
 * cut a test's own request on a reused connection); each test allows 30 s for the close (a bound, not a speed target).
 * A request the sweep cut is counted in the metrics with status {@code none}: no answer went out.
 */
class StalledConnectionsTest {

    private static final GatedEngine ENGINE = new GatedEngine();

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2(Map.of(
            "server.idle-connection-timeout", "PT2S",
            "server.idle-connection-period", "PT0.2S"), ENGINE);

    @Test
    void anIdleConnectionIsClosed() throws IOException {
        assertClosedByServer("");
    }

    @Test
    void anUnfinishedRequestHeadIsClosed() throws IOException {
        assertClosedByServer("GET /api/v1/models HTTP/1.1\r\nHost: localhost\r\n");
    }

    @Test
    void anUnfinishedBodyIsClosed() throws IOException {
        assertClosedByServer("POST /api/v1/recognitions HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
                + "Content-Length: 100000\r\n\r\n\u0089PNG");
    }

    @Test
    void aBodyCutByTheSweepIsCountedWithoutAStatus() throws IOException {
        long cut = count("none");
        long ok = count("200");
        assertClosedByServer("POST /api/v1/recognitions HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
                + "Content-Length: 100000\r\n\r\n\u0089PNG");
        Await.value(cut + 1, () -> count("none"));
        assertEquals(ok, count("200"), "a request nobody answered is no 200");
    }

    @Test
    void aRequestNotAnsweredBeforeTheSweepIsCountedWithoutAStatus() throws IOException, InterruptedException {
        long cut = count("none");
        byte[] png = Digits.canvasPng(0);
        byte[] head = ("POST /api/v1/recognitions HTTP/1.1\r\nHost: localhost\r\nContent-Type: image/png\r\n"
                + "Content-Length: " + png.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        ENGINE.arm();
        try (Socket socket = open()) {
            socket.getOutputStream().write(head);
            socket.getOutputStream().write(png);
            socket.getOutputStream().flush();
            ENGINE.awaitHeld();
            // Held past the idle timeout: the sweep cuts the connection while the request waits for the engine.
            assertClosed(socket, "a request held in the engine");
        } finally {
            ENGINE.release();
        }
        Await.value(cut + 1, () -> count("none"));
    }

    /** Requests counted for {@code POST /api/v1/recognitions} with this status label. */
    private static long count(String status) {
        return RequestCounts.recognitionPosts(SERVER.http(), status);
    }

    private static Socket open() throws IOException {
        return new RawHttp(SERVER.server().port()).open();
    }

    private static void assertClosedByServer(String sent) throws IOException {
        try (Socket socket = open()) {
            RawHttp.write(socket, sent);
            assertClosed(socket, sent.length() + " bytes");
        }
    }

    private static void assertClosed(Socket socket, String after) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            // Whatever the server says before it closes (a 4xx, or nothing), the stream then ends.
            while (in.read() != -1) {
                // skip
            }
        } catch (SocketTimeoutException e) {
            fail("the server kept a silent connection open for 30 s after " + after);
        } catch (SocketException e) {
            // Reset by the server (it closed with bytes unread): closed as well.
        }
    }
}
