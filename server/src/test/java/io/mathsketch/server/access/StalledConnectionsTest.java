package io.mathsketch.server.access;

import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Connections that go silent are closed by the server, wherever they stall: before a request, in its head, in its
 * body. The idle timeout is two seconds here (Helidon timestamps a request to the second: with one, the sweep could
 * cut a test's own request on a reused connection); each test allows 30 s for the close (a bound, not a speed target).
 */
class StalledConnectionsTest {

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2(Map.of(
            "server.idle-connection-timeout", "PT2S",
            "server.idle-connection-period", "PT0.2S"));

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

    private static void assertClosedByServer(String sent) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", SERVER.server().port()), 5_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(sent.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            try {
                // Whatever the server says before it closes (a 4xx, or nothing), the stream then ends.
                while (in.read() != -1) {
                    // skip
                }
            } catch (SocketTimeoutException e) {
                fail("the server kept a silent connection open for 30 s after " + sent.length() + " bytes");
            } catch (SocketException e) {
                // Reset by the server (it closed with bytes unread): closed as well.
            }
        }
    }
}
