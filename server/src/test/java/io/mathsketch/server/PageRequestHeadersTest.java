package io.mathsketch.server;

import io.mathsketch.server.testing.RawHttp;
import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's files with a {@code Range} beyond a long or longer than the file, or a conditional date that is no HTTP
 * date: 400
 * {@code bad-request} naming the header (Helidon's static content threw on them: 500 {@code internal}); valid ones
 * are still served as before, and the API ignores these headers.
 */
class PageRequestHeadersTest {

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2();

    @Test
    void malformedRangesAndDatesOnThePageAreBadRequests() {
        for (String path : List.of("/", "/index.html", "/js/main.js")) {
            // A suffix longer than the file, within a long, made Helidon seek to a negative position (500).
            for (String header : List.of("Range: bytes=99999999999999999999-", "Range: bytes=-99999999999999999999",
                    "Range: bytes=-99999999",
                    "If-Modified-Since: yesterday", "If-Unmodified-Since: x",
                    "If-Modified-Since: Sun, 06 Nov 99999 08:49:37 GMT")) {
                RawHttp.Response response = get(path, header);
                assertEquals(400, response.status(), path + " " + header + ": " + response);
                assertEquals("bad-request", response.problem(), path + " " + header);
                String name = header.substring(0, header.indexOf(':'));
                assertTrue(response.json().getString("detail").startsWith(name + " '"), response.body());
            }
        }
    }

    @Test
    void validRangesAndDatesAreServedAsBefore() {
        RawHttp.Response range = get("/js/main.js", "Range: bytes=0-9");
        assertEquals(206, range.status(), range::toString);
        assertEquals(10, range.body().length());
        RawHttp.Response suffix = get("/js/main.js", "Range: bytes=-10");
        assertEquals(206, suffix.status(), suffix::toString);
        assertEquals(10, suffix.body().length());
        assertEquals(304, get("/js/main.js", "If-Modified-Since: Fri, 31 Dec 9999 23:59:59 GMT").status());
        assertEquals(200, get("/js/main.js", "If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT").status());
        assertEquals(200, get("/api/v1/models", "If-Modified-Since: yesterday").status());
    }

    private static RawHttp.Response get(String path, String header) {
        return new RawHttp(SERVER.server().port()).send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + header
                + "\r\nConnection: close\r\n\r\n");
    }
}
