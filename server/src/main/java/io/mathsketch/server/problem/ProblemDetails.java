package io.mathsketch.server.problem;

import io.mathsketch.server.json.JsonFactory;
import jakarta.json.JsonObjectBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An RFC 9457 problem document.
 *
 * @param type the stable problem kind
 * @param detail human-readable explanation of this occurrence
 * @param instance the request path
 */
public record ProblemDetails(ProblemType type, String detail, String instance) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public ProblemDetails {
        Objects.requireNonNull(type, "type");
        detail = detail == null ? type.title() : detail;
        instance = instance == null ? "" : instance;
    }

    public int status() {
        return type.status();
    }

    public byte[] toJsonBytes() {
        JsonObjectBuilder json = JsonFactory.createObjectBuilder()
                .add("type", type.uri())
                .add("title", type.title())
                .add("status", type.status())
                .add("detail", detail)
                .add("instance", instance);
        return json.build().toString().getBytes(StandardCharsets.UTF_8);
    }
}
