package io.mathsketch.server.problem;

import io.mathsketch.server.testing.RawHttp;
import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests Helidon refuses before routing, sent over a raw socket (an HTTP client would not send them): each is
 * answered with its own status as problem+json, never as a 500, and the server keeps serving.
 */
class HttpLayerErrorsTest {

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2();

    private static RawHttp raw;

    @BeforeAll
    static void connect() {
        raw = new RawHttp(SERVER.server().port());
    }

    @Test
    void http10IsNotSupported() {
        RawHttp.Response response = raw.send("GET /observe/health/live HTTP/1.0\r\n\r\n");
        assertProblem(505, "http-version-not-supported", response);
        assertHealthy();
    }

    @Test
    void http11HealthCheckWithHostHeaderIsServed() {
        RawHttp.Response response = raw.send("GET /observe/health/live HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(true, response.status() == 200 || response.status() == 204, response::toString);
    }

    @Test
    void malformedRequestLineIsBadRequest() {
        assertProblem(400, "bad-request", raw.send("THIS IS NOT HTTP\r\n\r\n"));
        assertProblem(400, "bad-request", raw.send("GET\r\n\r\n"));
        assertProblem(400, "bad-request", raw.send("GET /observe/health HTTP/1.1\r\nno colon here\r\n\r\n"));
        assertHealthy();
    }

    @Test
    void oversizedHeadersAre431() {
        String big = "x".repeat(64 * 1024);
        RawHttp.Response bigHeader = raw.send("GET /observe/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big
                + "\r\n\r\n");
        assertProblem(431, "headers-too-large", bigHeader);
        // Helidon knows no reason phrase for 431 and would repeat the number ("HTTP/1.1 431 431").
        assertEquals("HTTP/1.1 431 Request header fields too large", bigHeader.head().lines().findFirst().orElse(""));
        StringBuilder many = new StringBuilder("GET /observe/health HTTP/1.1\r\nHost: localhost\r\n");
        for (int i = 0; i < 2_000; i++) {
            many.append("X-H").append(i).append(": ").append("v".repeat(20)).append("\r\n");
        }
        assertProblem(431, "headers-too-large", raw.send(many.append("\r\n").toString()));
        assertHealthy();
    }

    @Test
    void oversizedRequestLineIsAClientErrorNever500() {
        RawHttp.Response response = raw.send("GET /" + "a".repeat(64 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(true, response.status() >= 400 && response.status() < 500, response::toString);
        assertProblem(response.status(), response.problem(), response);
    }

    @Test
    void unknownMethodsAreProblemDocuments() {
        for (String method : new String[] {"FOO", "PATCH", "DELETE", "TRACE"}) {
            RawHttp.Response response = raw.send(method + " /api/v1/recognitions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n");
            assertEquals(true, response.status() >= 400 && response.status() < 500, response::toString);
            assertProblem(response.status(), response.problem(), response);
        }
    }

    @Test
    void aTransferCodingOtherThanChunkedIs501NeverA500() {
        for (String coding : new String[] {"gzip, chunked", "deflate, chunked"}) {
            RawHttp.Response response = raw.send("POST /api/v1/recognitions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: image/png\r\nTransfer-Encoding: " + coding + "\r\n\r\n0\r\n\r\n");
            assertProblem(501, "not-implemented", response);
            assertTrue(response.json().getString("detail").contains("Transfer-Encoding"), response::toString);
        }
        assertHealthy();
    }

    private static void assertHealthy() {
        RawHttp.Response health = raw.send("GET /observe/health/live HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals(true, health.status() == 200 || health.status() == 204, health::toString);
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        assertProblem(413, "payload-too-large", raw.send("POST /api/v1/recognitions HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: image/png\r\nContent-Length: 999999999\r\n\r\n"));
        assertHealthy();
    }

    /** The problem document, its status, and the security headers no routing filter added for it. */
    private static void assertProblem(int status, String type, RawHttp.Response response) {
        assertEquals(type, response.problem(), response::toString);
        assertEquals(status, response.status(), response::toString);
        assertEquals(status, response.json().getInt("status"));
        assertTrue(response.header("content-security-policy").orElse("").contains("frame-ancestors 'none'"),
                response::toString);
        assertEquals("nosniff", response.header("x-content-type-options").orElse(""), response::toString);
        assertEquals("DENY", response.header("x-frame-options").orElse(""), response::toString);
        assertEquals("no-referrer", response.header("referrer-policy").orElse(""), response::toString);
    }
}
