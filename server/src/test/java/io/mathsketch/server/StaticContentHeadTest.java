package io.mathsketch.server;

import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.RawHttp;
import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The drawing page's static files answer HEAD as GET without the body: same status, type and length. */
class StaticContentHeadTest {

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2();

    @Test
    void headOnThePageFilesSendsTheirHeadersWithoutABody() throws IOException {
        for (String path : List.of("/", "/index.html", "/js/main.js", "/css/app.css", "/favicon.svg")) {
            Http.Response get = SERVER.http().get(path);
            assertEquals(200, get.status(), path);
            // HEAD, then a GET on the same connection: if HEAD sent a body, its bytes would come before the second
            // answer's status line (told apart without waiting on a timeout).
            String text = exchange("HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    + "GET /observe/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
            int headEnd = text.indexOf("\r\n\r\n") + 4;
            String head = text.substring(0, headEnd);
            assertTrue(head.startsWith("HTTP/1.1 200 "), path + ": " + head);
            assertTrue(text.startsWith("HTTP/1.1 200 ", headEnd), path + ": HEAD sent a body: " + text);
            assertEquals(String.valueOf(get.body().length), header(head, "content-length"), path + ": " + head);
            assertEquals(get.header("Content-Type").orElse(""), header(head, "content-type"), path);
        }
    }

    @Test
    void headAnsweredWithAnErrorSendsNoBodyEither() throws IOException {
        // Problem documents were sent whole to HEAD: a kept connection read them as the start of the next answer.
        // The refusals of filters too: a malformed client id, a token that is not the admin's.
        for (String request : List.of("/nope", "/observe/health/nope", "/api/v1/recognitions/nope",
                "/api/v1/recognitions?mdoe=number", "/js/main.js HTTP/1.1\r\nRange: bytes=-99999999999",
                "/ HTTP/1.1\r\nX-Client-Id: bad", "/api/v1/models HTTP/1.1\r\nAuthorization: Bearer wrong")) {
            String line = request.contains(" HTTP/1.1") ? request : request + " HTTP/1.1";
            String text = exchange("HEAD " + line + "\r\nHost: localhost\r\n\r\n"
                    + "GET /observe/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
            int headEnd = text.indexOf("\r\n\r\n") + 4;
            assertTrue(text.startsWith("HTTP/1.1 4"), request + ": " + text);
            assertTrue(text.startsWith("HTTP/1.1 200 ", headEnd), request + ": HEAD sent a body: " + text);
        }
    }

    /** Sends raw requests on one connection and reads until the second response's head has arrived. */
    private static String exchange(String requests) throws IOException {
        try (Socket socket = new RawHttp(SERVER.server().port()).open()) {
            RawHttp.write(socket, requests);
            InputStream in = socket.getInputStream();
            StringBuilder text = new StringBuilder();
            int heads = 0;
            int b;
            while (heads < 2 && (b = in.read()) != -1) {
                text.append((char) b);
                if (text.length() >= 4 && text.substring(text.length() - 4).equals("\r\n\r\n")) {
                    heads++;
                }
            }
            return text.toString();
        }
    }

    private static String header(String head, String name) {
        return head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse("(none)");
    }
}
