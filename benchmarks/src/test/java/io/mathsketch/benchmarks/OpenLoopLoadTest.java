package io.mathsketch.benchmarks;

import io.mathsketch.corpus.http.RawHttp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aResponseFedInPiecesCompletesAtTheEndOfItsBody() throws IOException {
        OpenLoopLoad.ResponseReader reader = new OpenLoopLoad.ResponseReader();

        assertEquals(0, reader.feed(ascii("HTTP/1.1 201 Created\r\nContent-Le")));
        assertEquals(0, reader.feed(ascii("ngth: 10\r\nContent-Type: application/json\r\n\r\n{\"id\":")));
        assertEquals(201, reader.feed(ascii("\"1\"}")));
        assertFalse(reader.close);

        reader.reset();
        assertEquals(503, reader.feed(ascii("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\n"
                + "content-length: 2\r\n\r\n{}")));
        assertTrue(reader.close);
    }

    @Test
    void aResponseWithoutALengthIsAnErrorNotAMisreadAnswer() {
        OpenLoopLoad.ResponseReader reader = new OpenLoopLoad.ResponseReader();

        assertThrows(IOException.class, () -> reader.feed(ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")));
        reader.reset();
        assertThrows(IOException.class, () -> reader.feed(ascii("HTTP/1.1 200 OK\r\n\r\nbody")));
        reader.reset();
        assertThrows(IOException.class, () -> reader.feed(ascii("SSH-2.0-OpenSSH\r\n\r\n")));
    }

    @Test
    void aClientsIdHeaderGoesRightBeforeTheBlankLine() {
        byte[] request = RawHttp.post(URI.create("http://127.0.0.1:8080/api?x=1"),
                "image/png", "\r\n\r\nbody".getBytes(StandardCharsets.ISO_8859_1));
        int end = OpenLoopLoad.headEnd(request);
        String text = new String(request, StandardCharsets.ISO_8859_1);

        assertEquals(text.indexOf("\r\n\r\n") + 2, end);
        assertTrue(text.substring(0, end).endsWith("Content-Length: 8\r\n"));
        assertThrows(IllegalArgumentException.class,
                () -> OpenLoopLoad.headEnd("POST / HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1)));
    }
}
