package io.mathsketch.server.api;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;

/**
 * Writes JSON bodies directly. The API answers JSON whatever the Accept header says; leaving it to content
 * negotiation would fail a request (after the recognition was done and stored) when a client asks for text/html.
 */
final class JsonResponses {

    private JsonResponses() {
    }

    static void send(ServerResponse res, JsonObject json) {
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(json.toString().getBytes(StandardCharsets.UTF_8));
    }
}
