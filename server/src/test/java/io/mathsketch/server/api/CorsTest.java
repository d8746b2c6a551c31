package io.mathsketch.server.api;

import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Browsers on the configured origins may call the API; others may not. */
class CorsTest {

    private static final String ALLOWED = "https://app.example";

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2(Map.of("cors.allowed-origins", ALLOWED));

    @Test
    void preflightFromAConfiguredOriginIsAllowed() {
        Http.Response response = preflight(ALLOWED);
        assertEquals(200, response.status(), response::toString);
        assertEquals(Optional.of(ALLOWED), response.header("Access-Control-Allow-Origin"));
    }

    @Test
    void otherOriginsAreRefused() {
        Http.Response response = preflight("https://elsewhere.example");
        assertNotEquals(Optional.of("https://elsewhere.example"), response.header("Access-Control-Allow-Origin"));
        assertEquals(403, response.status(), response::toString);
    }

    @Test
    void simpleRequestsCarryTheAllowOriginHeader() {
        Http.Response response = http().send(http().request("/api/v1/stats").header("Origin", ALLOWED).GET().build());
        assertEquals(200, response.status());
        assertEquals(Optional.of(ALLOWED), response.header("Access-Control-Allow-Origin"));
    }

    private Http.Response preflight(String origin) {
        return http().send(http().request("/api/v1/recognitions")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Content-Type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private static Http http() {
        return SERVER.http();
    }
}
