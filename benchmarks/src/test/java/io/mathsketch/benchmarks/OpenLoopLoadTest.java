package io.mathsketch.benchmarks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenLoopLoadTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        long[] sorted = new long[100];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = (i + 1) * 1_000_000L;
        }

        assertEquals(50.0, OpenLoopLoad.percentile(sorted, 50));
        assertEquals(99.0, OpenLoopLoad.percentile(sorted, 99));
        assertEquals(100.0, OpenLoopLoad.percentile(sorted, 100));
        assertEquals(7.0, OpenLoopLoad.percentile(new long[] {7_000_000L}, 99));
        assertTrue(Double.isNaN(OpenLoopLoad.percentile(new long[0], 50)));
    }

    @Test
    void readsKeepAliveResponsesOneAfterAnother() throws IOException {
        InputStream in = stream("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n"
                + "hello"
                + "HTTP/1.1 503 Service Unavailable\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n"
                + "0\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n");

        assertEquals(201, OpenLoopLoad.readResponse(in));
        assertEquals(503, OpenLoopLoad.readResponse(in));
        assertEquals(204, OpenLoopLoad.readResponse(in));
        assertEquals(-1, in.read(), "every body was consumed, nothing more");
    }

    @Test
    void aTruncatedOrForeignResponseIsAnError() {
        assertThrows(EOFException.class, () -> OpenLoopLoad.readResponse(
                stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort")));
        assertThrows(IOException.class, () -> OpenLoopLoad.readResponse(stream("SSH-2.0-OpenSSH\r\n\r\n")));
    }

    @Test
    void theRequestCarriesPathQueryHostAndBody() {
        byte[] request = OpenLoopLoad.request(URI.create("http://127.0.0.1:8080/api/v1/recognitions?store=true"),
                "image/png", new byte[] {1, 2, 3});
        String text = new String(request, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("POST /api/v1/recognitions?store=true HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"), text);
        assertTrue(text.endsWith("Content-Length: 3\r\n\r\n\u0001\u0002\u0003"), text);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
