package io.mathsketch.server.problem;

import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.SpeckImages;
import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.GatedEngine;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error of the API contract, provoked over HTTP: each answers with its stable problem type and status, as
 * problem+json, and none is a 500.
 */
class ErrorResponsesTest {

    private static final int LIMIT = 300_000;
    private static final String TOKEN = "s3cret-admin-token-0123456789abcdef";

    private static final GatedEngine ENGINE = new GatedEngine();

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2(Map.of(
            "limits.max-payload-bytes", Integer.toString(LIMIT),
            "limits.max-image-width", "1000",
            "limits.max-image-height", "1000",
            "engine.batching.max-batch-size", "1",
            "engine.batching.queue-capacity", "1",
            "admin.token", TOKEN), ENGINE);

    @Test
    void unsupportedMediaTypes() {
        assertProblem(415, "unsupported-media-type", http().post("/api/v1/recognitions", "text/plain", bytes("7")));
        assertProblem(415, "unsupported-media-type", http().send(http().request("/api/v1/recognitions")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Digits.canvasPng(0))).build()));
        Http.Response unsupported = http().post("/api/v1/recognitions", "image/png", bytes("hello"));
        assertProblem(415, "unsupported-image", unsupported);
        assertEquals("/api/v1/recognitions", unsupported.json().getString("instance"));
    }

    @Test
    void feedbackTakesOnlyJsonLikeRecognitionsAndSaysWhatAnEmptyBodyLacks() {
        String path = "/api/v1/recognitions/" + http().post("/api/v1/recognitions", "image/png",
                Digits.canvasPng(4)).json().getString("id") + "/feedback";
        assertProblem(415, "unsupported-media-type", http().send(http().request(path)
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("{\"label\": 4}"))
                .build()));
        assertProblem(415, "unsupported-media-type", http().send(http().request(path)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"label\": 4}")).build()));
        assertTrue(http().get(path.replace("/feedback", "")).json().isNull("feedback"), "nothing was stored");

        Http.Response empty = http().putJson(path, "");
        assertProblem(400, "bad-request", empty);
        assertTrue(empty.json().getString("detail").contains("the body is empty"), empty::toString);
        Http.Response tiny = http().putJson(path, "7");
        assertProblem(400, "bad-request", tiny);
        assertTrue(!tiny.json().getString("detail").contains("auto-detect"), tiny::toString);
    }

    @Test
    void echoedInputIsBoundedAndPrintable() {
        String id = http().post("/api/v1/recognitions", "image/png", Digits.canvasPng(4)).json().getString("id");
        // Within a feedback body's 64 KiB (a larger one is 413 unparsed).
        Http.Response label = http().putJson("/api/v1/recognitions/" + id + "/feedback",
                "{\"label\": \"x" + "1".repeat(60_000) + "\"}");
        assertProblem(400, "bad-request", label);
        assertTrue(label.body().length < 1_000, "bounded: " + label.body().length + " bytes");
        assertTrue(label.json().getString("detail").contains("'x" + "1".repeat(ProblemText.ECHO - 1) + "…'"),
                label::toString);

        Http.Response png = http().post("/api/v1/recognitions", "application/json", Digits.canvasPng(4));
        assertProblem(400, "bad-request", png);
        assertPrintable(png.json().getString("detail"));
        assertTrue(png.json().getString("detail").contains("\\u0089"), png::toString);

        for (String query : List.of("mode=", "model=", "store=", "limit=", "fields=")) {
            String path = "/api/v1/recognitions?" + query + "%1B%5B31m" + "9".repeat(3_000);
            Http.Response response = query.startsWith("limit") || query.startsWith("fields") ? http().get(path)
                    : http().post(path, "image/png", Digits.canvasPng(4));
            assertProblem(400, "bad-request", response);
            assertTrue(response.body().length < 1_000, query + " bounded: " + response.body().length + " bytes");
            assertPrintable(response.json().getString("detail"));
        }
    }

    private static void assertPrintable(String detail) {
        assertTrue(detail.chars().noneMatch(Character::isISOControl), () -> "raw control characters: " + detail);
    }

    /**
     * The server reads an oversized body to its end before answering (up to Helidon's bound, four times the limit),
     * so a client that sends the whole body before reading, as the JDK's client does, always reads the 413: a server
     * that answers and closes with the body unread resets the connection, and the client then saw "header parser
     * received no bytes" in about one request of ten.
     */
    @Test
    void payloadTooLargeByContentLengthAndWhileStreaming() {
        assertProblem(413, "payload-too-large", http().post("/api/v1/recognitions", "image/png", new byte[LIMIT + 1]));
        assertProblem(413, "payload-too-large", http().post("/api/v1/recognitions", "image/png",
                new byte[LIMIT * 4]));

        HttpRequest chunked = http().request("/api/v1/recognitions")
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[LIMIT * 3])))
                .build();
        assertProblem(413, "payload-too-large", http().send(chunked));
        assertEquals(201, http().post("/api/v1/recognitions", "image/png", Digits.canvasPng(0)).status(),
                "the server still answers after refusing large bodies");
    }

    @Test
    void payloadTooLargeIsAnsweredBeforeAClientThatWaitsSendsItsBody() {
        HttpRequest waiting = http().request("/api/v1/recognitions")
                .header("Content-Type", "image/png")
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[LIMIT * 2]))
                .build();
        Http.Response response = http().send(waiting);
        assertProblem(413, "payload-too-large", response);
        assertEquals("close", response.header("Connection").orElse(""),
                "a body left unread leaves the connection unusable for another request");
    }

    @Test
    void badRequests() {
        assertProblem(400, "bad-request", http().postJson("/api/v1/recognitions", "{\"image\": "));
        assertProblem(400, "bad-request", http().postJson("/api/v1/recognitions", "[1,2,3]"));
        assertProblem(400, "bad-request", http().postJson("/api/v1/recognitions", "{\"image\": \"not base64!!\"}"));
        assertProblem(400, "bad-request", http().postJson("/api/v1/recognitions", "{}"));
        assertProblem(400, "bad-request", http().postJson("/api/v1/recognitions",
                "{\"image\": \"AAAA\", \"pixels\": [0]}"));
        assertProblem(400, "bad-request", http().postJson("/api/v1/recognitions", "{\"image\": \"\"}"));
        assertProblem(400, "bad-request", http().post("/api/v1/recognitions", "image/png", new byte[0]));
        assertProblem(400, "bad-request", http().post("/api/v1/recognitions?mode=letters", "image/png",
                Digits.canvasPng(0)));
        assertProblem(400, "bad-request", http().post("/api/v1/recognitions?store=maybe", "image/png",
                Digits.canvasPng(0)));
        assertProblem(400, "bad-request", http().post("/api/v1/recognitions?model=a%20b", "image/png",
                Digits.canvasPng(0)));
        assertProblem(400, "bad-request", http().post("/api/v1/recognitions", "multipart/form-data; boundary=xyz",
                bytes("--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\n1\r\n--xyz--\r\n")));
        assertProblem(400, "bad-request", http().post("/api/v1/recognitions", "multipart/form-data; boundary=xyz",
                bytes("garbage")));
        assertProblem(400, "bad-request", http().get("/api/v1/recognitions?limit=0"));
        assertProblem(400, "bad-request", http().get("/api/v1/recognitions?limit=ten"));
        assertProblem(400, "bad-request", http().get("/api/v1/recognitions?cursor=%21%21"));
    }

    @Test
    void answersJsonWhateverTheAcceptHeaderSays() {
        Http.Response response = http().send(http().request("/api/v1/recognitions").header("Accept", "text/html")
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Digits.canvasPng(0))).build());
        assertEquals(201, response.status(), response::toString);
        assertEquals("application/json", response.header("Content-Type").orElseThrow());
        assertEquals(200, http().send(http().request("/api/v1/stats").header("Accept", "text/plain").GET().build())
                .status());
    }

    @Test
    void notFound() {
        assertProblem(404, "not-found", http().get("/api/v1/nothing-here"));
        assertProblem(404, "not-found", http().get("/no/such/page"));
        assertProblem(404, "not-found", http().get("/api/v1/recognitions/not-an-id"));
        assertProblem(404, "not-found", http().get("/api/v1/recognitions/0193f1d2-0000-7000-8000-000000000000"));
        assertProblem(404, "not-found", http().get("/api/v1/recognitions/0193f1d2-0000-7000-8000-000000000000/image"));
        assertProblem(404, "unknown-model", http().post("/api/v1/recognitions?model=no-such-model", "image/png",
                Digits.canvasPng(0)));
        assertProblem(404, "unknown-model", http().post("/api/v1/recognitions?model=mnist-cnn:99.0.0", "image/png",
                Digits.canvasPng(0)));
    }

    @Test
    void unreadableImages() {
        byte[] png = Digits.canvasPng(0);
        byte[] truncated = Arrays.copyOf(png, 60);
        assertProblem(422, "corrupt-image", http().post("/api/v1/recognitions", "image/png", truncated));
        byte[] blank = CanvasRenderer.white(280, 280).png(List.of());
        assertProblem(422, "blank-image", http().post("/api/v1/recognitions", "image/png", blank));
        byte[] wide = CanvasRenderer.encode(new BufferedImage(2000, 20, BufferedImage.TYPE_BYTE_GRAY), "png");
        assertProblem(422, "image-too-large", http().post("/api/v1/recognitions", "image/png", wide));
    }

    @Test
    void numbersOverTheDigitLimit() {
        assertProblem(422, "too-many-digits", http().post("/api/v1/recognitions?mode=number", "image/png",
                SpeckImages.grid(1000, 8, 3)));
        assertProblem(422, "too-many-digits", http().post("/api/v1/recognitions?mode=number", "image/png",
                SpeckImages.grid(1000, 4, 1)));
    }

    @Test
    void blankPixelsAreABlankImageLikeABlankPng() {
        String zeros = "[" + "0,".repeat(783) + "0]";
        assertProblem(422, "blank-image", http().postJson("/api/v1/recognitions", "{\"pixels\": " + zeros + "}"));
        String grey = "[" + "0.5,".repeat(783) + "0.5]";
        assertProblem(422, "blank-image", http().postJson("/api/v1/recognitions", "{\"pixels\": " + grey + "}"));
    }

    @Test
    void invalidPixels() {
        assertProblem(422, "invalid-pixels", http().postJson("/api/v1/recognitions", "{\"pixels\": [0, 1, 0.5]}"));
        String outOfRange = "[" + "2.0,".repeat(783) + "2.0]";
        assertProblem(422, "invalid-pixels",
                http().postJson("/api/v1/recognitions", "{\"pixels\": " + outOfRange + "}"));
        String notNumbers = "[" + "\"a\",".repeat(783) + "\"a\"]";
        assertProblem(422, "invalid-pixels",
                http().postJson("/api/v1/recognitions", "{\"pixels\": " + notNumbers + "}"));
    }

    @Test
    void overloadedAnswers503WithRetryAfter() throws Exception {
        ENGINE.arm();
        CompletableFuture<Http.Response> held = CompletableFuture.supplyAsync(() ->
                http().post("/api/v1/recognitions", "image/png", Digits.canvasPng(0)));
        try {
            ENGINE.awaitHeld();
            List<CompletableFuture<Http.Response>> more = List.of(
                    CompletableFuture.supplyAsync(() -> http().post("/api/v1/recognitions", "image/png",
                            Digits.canvasPng(1))),
                    CompletableFuture.supplyAsync(() -> http().post("/api/v1/recognitions", "image/png",
                            Digits.canvasPng(2))),
                    CompletableFuture.supplyAsync(() -> http().post("/api/v1/recognitions", "image/png",
                            Digits.canvasPng(3))));
            Http.Response rejected = CompletableFuture.anyOf(more.toArray(new CompletableFuture[0]))
                    .thenApply(Http.Response.class::cast).get();
            assertProblem(503, "overloaded", rejected);
            assertEquals("1", rejected.header("Retry-After").orElseThrow());
        } finally {
            ENGINE.release();
        }
        assertEquals(201, held.get().status());
    }

    @Test
    void modelReloadNeedsTheAdminToken() {
        assertProblem(401, "unauthorized", http().send(http().request("/api/v1/models/mnist-cnn/reload")
                .POST(HttpRequest.BodyPublishers.noBody()).build()));
        assertProblem(401, "unauthorized", http().send(http().request("/api/v1/models/mnist-cnn/reload")
                .header("Authorization", "Bearer wrong").POST(HttpRequest.BodyPublishers.noBody()).build()));
        assertProblem(404, "unknown-model", http().send(http().request("/api/v1/models/nope/reload")
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build()));
        Http.Response reloaded = http().send(http().request("/api/v1/models/mnist-cnn/reload")
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, reloaded.status(), reloaded::toString);
        assertEquals("mnist-cnn", reloaded.json().getString("name"));
        assertEquals(201, http().post("/api/v1/recognitions", "image/png", Digits.canvasPng(0)).status());
    }

    @Test
    void theMetricsEndpointsOwnRefusalsAreProblemDocuments() {
        // Helidon's metrics feature answers these itself, with no body and no type.
        for (String query : List.of("?scope=nonexistent", "?scope=application&name=nonexistent")) {
            Http.Response unknown = http().get("/observe/metrics" + query);
            assertProblem(404, "not-found", unknown);
            assertFramed(unknown);
            assertEquals(Optional.of("application/problem+json"), unknown.header("Content-Type"));
            assertEquals("/observe/metrics", unknown.json().getString("instance"));
        }
        Http.Response xml = http().send(http().request("/observe/metrics").header("Accept", "application/xml")
                .GET().build());
        assertProblem(406, "not-acceptable", xml);
        assertFramed(xml);
        assertEquals(Optional.of("application/problem+json"), xml.header("Content-Type"));
        Http.Response options = http().send(http().request("/observe/metrics").header("Accept", "application/xml")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertProblem(405, "method-not-allowed", options);
        assertFramed(options);
        assertEquals(Optional.of("GET"), options.header("Allow"));
        Http.Response metrics = http().get("/observe/metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.text().contains("mathsketch_"), "the metrics themselves are served as before");
    }

    private static void assertProblem(int status, String type, Http.Response response) {
        assertEquals(type, response.problem(), response::toString);
        assertEquals(status, response.status(), response::toString);
        assertEquals(status, response.json().getInt("status"));
        assertTrue(response.json().containsKey("detail") && response.json().containsKey("instance"));
    }

    /**
     * The document's length is sent: on a keep-alive connection an unframed body ends only when the connection is
     * closed, and a client waits for that (here two minutes, until Helidon's idle sweep).
     */
    private static void assertFramed(Http.Response response) {
        assertEquals(Optional.of(String.valueOf(response.body().length)), response.header("Content-Length"),
                response::toString);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Http http() {
        return SERVER.http();
    }
}
