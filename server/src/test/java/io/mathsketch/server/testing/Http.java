package io.mathsketch.server.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A small HTTP client over {@link HttpClient} for black-box tests. By default every instance is the same API client
 * ({@link #DEFAULT_CLIENT_ID} as {@code X-Client-Id}), so tests see what they posted through any server; {@link
 * #asClient} is another client, {@link #asBrowser} keeps cookies like a browser, {@link #withAdminToken} adds the
 * admin token.
 */
public final class Http {

    public static final String DEFAULT_CLIENT_ID = "mathsketch-test-client-0001";

    private final String base;
    private final HttpClient client;
    private final Map<String, String> headers;

    public Http(String base) {
        this(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                Map.of("X-Client-Id", DEFAULT_CLIENT_ID));
    }

    private Http(String base, HttpClient client, Map<String, String> headers) {
        this.base = base;
        this.client = client;
        this.headers = Map.copyOf(headers);
    }

    /** The same server, as another API client. */
    public Http asClient(String clientId) {
        Map<String, String> h = new HashMap<>(headers);
        h.put("X-Client-Id", clientId);
        return new Http(base, client, h);
    }

    /** The same server, as a fresh browser: no {@code X-Client-Id}, and cookies kept between requests. */
    public Http asBrowser() {
        Map<String, String> h = new HashMap<>(headers);
        h.remove("X-Client-Id");
        return new Http(base, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .cookieHandler(new CookieManager()).build(), h);
    }

    /** The same client, sending one more header with every request. */
    public Http withHeader(String name, String value) {
        Map<String, String> h = new HashMap<>(headers);
        h.put(name, value);
        return new Http(base, client, h);
    }

    /** The same client, with {@code Authorization: Bearer <token>}. */
    public Http withAdminToken(String token) {
        Map<String, String> h = new HashMap<>(headers);
        h.put("Authorization", "Bearer " + token);
        return new Http(base, client, h);
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public Response postJson(String path, String json) {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public Response putJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        return request;
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Status, headers and body of a response. */
    public record Response(int status, HttpResponse<byte[]> raw, byte[] body) {

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(text()))) {
                return reader.readObject();
            }
        }

        /** The problem type slug of a problem+json response ("not-found" for "urn:mathsketch:problem:not-found"). */
        public String problem() {
            if (!header("Content-Type").orElse("").startsWith("application/problem+json")) {
                throw new AssertionError("not a problem+json response (" + status + "): " + text());
            }
            return json().getString("type").replace("urn:mathsketch:problem:", "");
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
