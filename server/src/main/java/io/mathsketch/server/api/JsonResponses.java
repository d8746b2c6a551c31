package io.mathsketch.server.api;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;

/**
 * Writes JSON bodies directly. The API answers JSON whatever the Accept header says; leaving it to content
 * negotiation would fail a request (after the recognition was done and stored) when a client asks for text/html.
 */
final class JsonResponses {

    private static final Header JSON = HeaderValues.createCached(HeaderNames.CONTENT_TYPE, "application/json");

    private JsonResponses() {
    }

    static void send(ServerResponse res, JsonObject json) {
        send(res, json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A body already written as UTF-8 JSON. */
    static void send(ServerResponse res, byte[] json) {
        res.header(JSON);
        res.send(json);
    }
}
