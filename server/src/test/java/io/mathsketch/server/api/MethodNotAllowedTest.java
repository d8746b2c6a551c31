package io.mathsketch.server.api;

import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.RawHttp;
import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A path the server serves (the API's, health, metrics, the OpenAPI document, the page's files), asked with a method
 * it does not serve, is 405 with {@code Allow}; an unknown path is 404.
 */
class MethodNotAllowedTest {

    private static final String ORIGIN = "https://app.example";
    private static final String SOME_ID = "/api/v1/recognitions/00000000-0000-0000-0000-000000000000";

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2(Map.of("cors.allowed-origins", ORIGIN));

    @Test
    void aServedPathWithAnotherMethodIs405WithTheMethodsItServes() {
        assertMethodNotAllowed("DELETE", "/api/v1/recognitions", "GET, POST");
        assertMethodNotAllowed("PATCH", SOME_ID, "DELETE, GET");
        assertMethodNotAllowed("POST", SOME_ID + "/feedback", "PUT");
        assertMethodNotAllowed("GET", "/api/v1/models/mnist-cnn/reload", "POST");
        assertMethodNotAllowed("BREW", "/api/v1/stats", "GET");
    }

    @Test
    void headAndAnOptionsThatIsNoPreflightAre405Too() {
        for (String method : new String[] {"HEAD", "OPTIONS"}) {
            Http.Response response = send(method, SOME_ID + "/feedback");
            assertEquals(405, response.status(), method + ": " + response);
            assertEquals(Optional.of("PUT"), response.header("Allow"), method);
        }
        assertMethodNotAllowed("OPTIONS", "/api/v1/stats", "GET");

        RawHttp.Response head = new RawHttp(SERVER.server().port()).send("HEAD /api/v1/stats HTTP/1.1\r\n"
                + "Host: localhost\r\nConnection: close\r\n\r\n");
        assertEquals(405, head.status(), head::toString);
        assertEquals(Optional.of("GET"), head.header("Allow"));
        assertEquals("", head.body(), "a response to HEAD has no body");
    }

    @Test
    void anUnknownPathIsStill404() {
        for (String request : new String[] {"DELETE /api/v1/nothing-here", "TRACE /nothing-here", "TRACE /js/none.js",
                "TRACE /css", "DELETE /observe/health/nothing", "TRACE /openapi/ui", "TRACE /index.html/"}) {
            String[] parts = request.split(" ");
            Http.Response response = send(parts[0], parts[1]);

            assertEquals(404, response.status(), request + ": " + response);
            assertEquals("not-found", response.problem(), request);
        }
    }

    @Test
    void thePathsOfHealthMetricsOpenApiAndThePageAre405WithTheMethodsTheyServe() {
        for (String method : new String[] {"TRACE", "DELETE", "POST", "OPTIONS"}) {
            for (String path : new String[] {"/", "/index.html", "/js/main.js", "/css/app.css", "/favicon.svg",
                    "/observe/health", "/observe/health/live", "/observe/health/ready", "/observe/health/started"}) {
                assertMethodNotAllowed(method, path, "GET, HEAD");
            }
            assertMethodNotAllowed(method, "/openapi", "GET");
        }
        assertMethodNotAllowed("TRACE", "/observe/metrics", "GET, OPTIONS");
        assertMethodNotAllowed("PUT", "/observe/metrics", "GET, OPTIONS");
        assertEquals(Optional.of("GET"), send("HEAD", "/openapi").header("Allow"));

        // What they serve is still served, by the feature that serves it.
        for (String path : new String[] {"/", "/js/main.js", "/observe/health/ready", "/observe/metrics", "/openapi"}) {
            assertEquals(200, send("GET", path).status(), path);
        }
        assertEquals(200, send("HEAD", "/js/main.js").status());
        assertEquals(204, send("HEAD", "/observe/health/live").status());
        assertEquals(200, send("OPTIONS", "/observe/metrics").status(), "the metrics' metadata");
    }

    @Test
    void corsPreflightStillPassesToTheCorsFeature() {
        Http.Response response = http().send(http().request(SOME_ID + "/feedback")
                .header("Origin", ORIGIN)
                .header("Access-Control-Request-Method", "PUT")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build());

        assertEquals(200, response.status(), response::toString);
        assertEquals(Optional.of(ORIGIN), response.header("Access-Control-Allow-Origin"));
    }

    private void assertMethodNotAllowed(String method, String path, String allow) {
        Http.Response response = send(method, path);

        assertEquals(405, response.status(), method + " " + path + ": " + response);
        assertEquals("method-not-allowed", response.problem());
        assertEquals(Optional.of(allow), response.header("Allow"), method + " " + path);
        assertEquals(Optional.of("application/problem+json"), response.header("Content-Type"));
    }

    private Http.Response send(String method, String path) {
        return http().send(http().request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private static Http http() {
        return SERVER.http();
    }
}
