package io.mathsketch.corpus.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RawHttpTest {

    @Test
    void readsKeepAliveResponsesOneAfterAnother() throws IOException {
        InputStream in = stream("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n"
                + "hello"
                + "HTTP/1.1 503 Service Unavailable\r\ntransfer-encoding: chunked\r\nConnection: close\r\n\r\n"
                + "3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n");

        RawHttp.Response created = RawHttp.read(in, 100);
        RawHttp.Response unavailable = RawHttp.read(in, 100);
        RawHttp.Response noContent = RawHttp.read(in, 100);

        assertEquals(201, created.status());
        assertEquals("application/json", created.contentType());
        assertEquals("hello", created.bodyText());
        assertFalse(created.close());
        assertEquals(503, unavailable.status());
        assertEquals("abcde", unavailable.bodyText());
        assertTrue(unavailable.close());
        assertEquals(204, noContent.status());
        assertNull(noContent.contentType());
        assertEquals(-1, in.read(), "every body was consumed, nothing more");
    }

    @Test
    void keepsNoMoreOfABodyThanAskedButConsumesAllOfIt() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789"
                + "HTTP/1.1 200 OK\r\n\r\nuntil the connection closes");

        assertEquals("0123", RawHttp.read(in, 4).bodyText());
        RawHttp.Response toClose = RawHttp.read(in, 0);
        assertEquals(0, toClose.body().length);
        assertTrue(toClose.close(), "a body without a length ends the connection");
        assertEquals(-1, in.read());
    }

    @Test
    void aTruncatedOrForeignResponseIsAnError() {
        assertThrows(EOFException.class, () -> RawHttp.read(
                stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"), 100));
        assertThrows(EOFException.class, () -> RawHttp.read(stream("HTTP/1.1 200 OK\r\nContent-Le"), 100));
        assertThrows(IOException.class, () -> RawHttp.read(stream("SSH-2.0-OpenSSH\r\n\r\n"), 100));
    }

    @Test
    void thePostCarriesPathQueryHostAndBody() {
        byte[] request = RawHttp.post(URI.create("http://127.0.0.1:8080/api/v1/recognitions?store=true"),
                "image/png", new byte[] {1, 2, 3});
        String text = new String(request, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("POST /api/v1/recognitions?store=true HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"), text);
        assertTrue(text.endsWith("Content-Length: 3\r\n\r\n\u0001\u0002\u0003"), text);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
