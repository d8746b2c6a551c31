package io.mathsketch.server.observe;

import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerFixture;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.mathsketch.server.testing.RequestCounts.counted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What operators see: health, Prometheus metrics, the access log, the OpenAPI document, models and the page. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityTest {

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2(Map.of("server.access-log", "true"));

    /** Held strongly: java.util.logging keeps loggers only weakly, and a collected logger loses its handler. */
    private final Logger accessLogger = Logger.getLogger("io.helidon.webserver.AccessLog");
    private final List<String> accessLog = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            accessLog.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    void captureAccessLog() {
        // After start-up (the fixture's): Helidon's logging set-up re-reads the JUL configuration, which drops
        // earlier handlers.
        accessLogger.addHandler(capture);
    }

    @AfterAll
    void stopCapturing() {
        accessLogger.removeHandler(capture);
    }

    @Test
    void healthReportsEngineAndDatabase() {
        Http.Response health = http().get("/observe/health");
        assertEquals(200, health.status(), health::toString);
        JsonObject json = health.json();
        assertEquals("UP", json.getString("status"));
        List<String> checks = json.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name") + "=" + c.getString("status")).toList();
        assertEquals(List.of("engine=UP", "database=UP", "heap=UP"), checks);
        assertEquals(200, http().get("/observe/health/ready").status());
        assertEquals(200, http().get("/observe/health/live").status());
    }

    /**
     * The shared database is in no probe a balancer or Kubernetes acts on: were it a readiness check, a database
     * outage would take every instance out of the balancer at once (and a liveness check would restart them all).
     */
    @Test
    void theDatabaseIsInNeitherReadinessNorLiveness() {
        assertEquals(List.of("engine"), checkNames("/observe/health/ready"));
        assertEquals(List.of("heap"), checkNames("/observe/health/live"));
        assertEquals(List.of("database"), checkNames("/observe/health/started"));
    }

    private static List<String> checkNames(String path) {
        Http.Response health = http().get(path);
        assertEquals(200, health.status(), path + ": " + health);
        return health.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name")).toList();
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/js/main.js", "/api/v1/models", "/api/v1/recognitions/not-an-id",
                "/observe/health", "/observe/metrics", "/openapi")) {
            Http.Response response = http().get(path);
            String csp = response.header("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'")
                    && !csp.contains("unsafe-inline"), path + ": " + csp);
            assertEquals("nosniff", response.header("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", response.header("Referrer-Policy").orElse(""), path);
            assertEquals("DENY", response.header("X-Frame-Options").orElse(""), path);
            // Only where browsers reach the server over HTTPS only (server.secure-cookie: SecureCookieTest).
            assertEquals(Optional.empty(), response.header("Strict-Transport-Security"), path);
        }
    }

    @Test
    void headAndOptionsOnAnApiPathAre405WithAllowAndCountedUnderThatRoute() {
        // CORS is off here: nothing else serves OPTIONS, and HEAD once fell through to the static pages' 404.
        // The meter registry is the JVM's, shared with other tests' servers (HEAD on the page is counted under "/"):
        // what this test's requests add is what is checked.
        long headsOnThePage = counted(http(), "method=\"HEAD\"", "route=\"/\"");
        for (String method : List.of("HEAD", "OPTIONS")) {
            Http.Response response = http().send(http().request("/api/v1/recognitions")
                    .method(method, HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(405, response.status(), method + ": " + response);
            assertEquals("GET, POST", response.header("Allow").orElse(""), method);
        }
        String metrics = http().get("/observe/metrics").text();
        assertHas(metrics, "mathsketch_http_requests_seconds_count{method=\"HEAD\",route=\"/api/v1/recognitions\"",
                "status=\"405\"");
        assertHas(metrics, "mathsketch_http_requests_seconds_count{method=\"OPTIONS\",route=\"/api/v1/recognitions\"",
                "status=\"405\"");
        assertEquals(headsOnThePage, counted(metrics, "method=\"HEAD\"", "route=\"/\""),
                "HEAD is not the page's route");
    }

    @Test
    void madeUpMethodsAndPathsCollapseToOtherInTheMetrics() {
        for (int i = 0; i < 5; i++) {
            http().get("/no/such/route-" + i + "-zq");
            http().send(http().request("/no/such/route-" + i + "-zq")
                    .method("BREW" + i, HttpRequest.BodyPublishers.noBody()).build());
            http().send(http().request("/api/v1/models").method("BREW" + i, HttpRequest.BodyPublishers.noBody())
                    .build());
        }
        String metrics = http().get("/observe/metrics").text();
        assertTrue(!metrics.contains("route-0-zq") && !metrics.contains("BREW"), "no label from a client's text");
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("mathsketch_http_requests_seconds_count")
                && l.contains("method=\"other\"") && l.contains("route=\"other\"")),
                "a made-up method on a path no route serves is counted as method and route other");
        // On a path the API serves, the 405 fallback is the matched route: one bounded label per API path.
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("mathsketch_http_requests_seconds_count")
                && l.contains("method=\"other\"") && l.contains("route=\"/api/v1/models\"")
                && l.contains("status=\"405\"")), "a made-up method on an API path is a 405 of that route");
    }

    @Test
    void anUnknownPathIsCountedAsRouteOtherWhateverTheMethod() {
        // The registry is the JVM's, shared with other tests' servers: what this test's requests add is checked.
        String before = http().get("/observe/metrics").text();
        List<String> methods = List.of("GET", "DELETE");
        List<String> paths = List.of("/no/such", "/api/v9/x");
        for (String path : paths) {
            for (String method : methods) {
                Http.Response response = http().send(http().request(path)
                        .method(method, HttpRequest.BodyPublishers.noBody()).build());
                assertEquals(404, response.status(), method + " " + path + ": " + response);
            }
        }
        String after = http().get("/observe/metrics").text();
        for (String method : methods) {
            String[] parts = {"method=\"" + method + "\"", "route=\"other\"", "status=\"404\""};
            assertEquals(counted(before, parts) + paths.size(), counted(after, parts), method + " counted as other");
        }
        assertEquals(counted(before, "route=\"/\"", "status=\"404\""), counted(after, "route=\"/\"",
                "status=\"404\""), "no 404 is counted under the page's route");
    }

    @Test
    void metricsCoverRequestsStagesBatchesAndWrites() {
        // Other tests' servers share the JVM's registry, and some cut connections on purpose: only this test's count.
        long unanswered = counted(http(), "status=\"none\"");
        assertEquals(201, http().post("/api/v1/recognitions", "image/png", Digits.canvasPng(0)).status());
        http().get("/api/v1/recognitions/not-an-id");

        Http.Response metrics = http().get("/observe/metrics");
        assertEquals(200, metrics.status());
        String text = metrics.text();
        assertHas(text, "mathsketch_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/recognitions\"",
                "status=\"201\"");
        assertHas(text, "mathsketch_http_requests_seconds_bucket{", "route=\"/api/v1/recognitions/{id}\"",
                "status=\"404\"");
        for (String stage : List.of("queue", "preprocess", "inference", "postprocess")) {
            assertHas(text, "mathsketch_recognition_stage_seconds_bucket{", "model=\"mnist-cnn\"",
                    "engine=\"OnnxRuntime\"", "device=\"cpu\"", "stage=\"" + stage + "\"");
        }
        assertHas(text, "mathsketch_inference_batch_size_bucket{", "model=\"mnist-cnn\"");
        // Every answer that went out is counted with its status; "none" is kept for connections closed unanswered.
        assertEquals(unanswered, counted(text, "status=\"none\""), "an answered request counted without a status");
        assertHas(text, "mathsketch_db_write_seconds_count");
        assertHas(text, "mathsketch_db_write_failures_total");
    }

    @Test
    void accessLogHasOneCombinedFormatLinePerRequest() throws InterruptedException {
        http().get("/api/v1/stats");
        for (int i = 0; i < 50 && accessLog.stream().noneMatch(l -> l.contains("GET /api/v1/stats")); i++) {
            Thread.sleep(100);
        }
        String line = accessLog.stream().filter(l -> l.contains("\"GET /api/v1/stats HTTP/1.1\" 200")).findFirst()
                .orElseThrow(() -> new AssertionError("no access log line in " + accessLog));
        assertTrue(line.matches("127\\.0\\.0\\.1 - - \\[.+] \"GET /api/v1/stats HTTP/1.1\" 200 \\d+ .*\"Java-http-client.*\" \\d+"),
                line);
    }

    @Test
    void modelsListTheLoadedModel() {
        JsonObject json = http().get("/api/v1/models").json();
        assertEquals("mnist-cnn", json.getString("default"));
        // The default runtime carries ONNX Runtime only; DJL's internal engines (RPC) are not choices for users.
        assertEquals("[\"OnnxRuntime\"]", json.getJsonArray("engines").toString(), json::toString);
        JsonObject model = json.getJsonArray("models").getJsonObject(0);
        assertEquals("mnist-cnn", model.getString("name"));
        assertTrue(model.getBoolean("default"));
        assertEquals(10, model.getJsonArray("labels").size());
        assertTrue(model.getJsonObject("artifacts").values().stream()
                .allMatch(v -> v.toString().matches("\"[0-9a-f]{64}\"")), model::toString);
        assertEquals("cpu()", model.getString("device"));
    }

    @Test
    void reloadIsDisabledWithoutAnAdminToken() {
        Http.Response response = http().send(http().request("/api/v1/models/mnist-cnn/reload")
                .header("Authorization", "Bearer anything").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(403, response.status());
        assertEquals("reload-disabled", response.problem());
    }

    @Test
    void servesTheDrawingPage() {
        Http.Response page = http().get("/");
        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.text().contains("<html") || page.text().contains("<!DOCTYPE"), "index.html expected");
    }

    private static void assertHas(String text, String... parts) {
        boolean found = text.lines().anyMatch(line -> {
            for (String part : parts) {
                if (!line.contains(part)) {
                    return false;
                }
            }
            return true;
        });
        assertTrue(found, "no metrics line with " + List.of(parts));
    }

    private static Http http() {
        return SERVER.http();
    }

    @Test
    void keepAliveAnswersAreNotHeldBackByDelayedAcknowledgements() throws Exception {
        // Helidon writes the head and the body of a health or static answer separately; with Nagle's algorithm on,
        // the body waited for the client's delayed ACK (about 40 ms on Linux) on every kept-alive request after the
        // first: 44 ms median for /observe/health/live and /css/app.css, 0.9 ms with server.connection-options.
        // tcp-no-delay (21 requests each on one connection, packaged server).
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build()) {
            for (String path : List.of("/observe/health/live", "/css/app.css")) {
                java.net.URI uri = java.net.URI.create("http://localhost:" + SERVER.server().port() + path);
                List<Long> slow = new java.util.ArrayList<>();
                for (int i = 0; i < 21; i++) {
                    long start = System.nanoTime();
                    var response = client.send(HttpRequest.newBuilder(uri).build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    assertEquals(200, response.statusCode());
                    if (i > 0 && millis >= 35) {
                        slow.add(millis);
                    }
                }
                assertTrue(slow.size() < 10, path + ": " + slow.size() + " of 20 kept-alive requests took 35 ms or"
                        + " more: " + slow);
            }
        }
    }
}
