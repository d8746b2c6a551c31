package io.mathsketch.server.problem;

import io.helidon.http.Status;
import io.mathsketch.server.json.JsonFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Set;

/**
 * An RFC 9457 problem document.
 *
 * @param type the stable problem kind
 * @param detail human-readable explanation of this occurrence
 * @param instance the request path
 * @param extensions members beside the standard ones (RFC 9457 §3.2), for what a client reads by program; their values
 *                   are the server's own or echoed through {@link ProblemText#echo}
 */
public record ProblemDetails(ProblemType type, String detail, String instance, JsonObject extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    public ProblemDetails {
        Objects.requireNonNull(type, "type");
        // The last guard against echoed input: whatever a message quoted, the document stays short and printable.
        detail = detail == null ? type.title() : ProblemText.printable(detail, ProblemText.DETAIL);
        instance = instance == null ? "" : ProblemText.printable(instance, ProblemText.DETAIL);
        extensions = extensions == null ? JsonValue.EMPTY_JSON_OBJECT : extensions;
    }

    public ProblemDetails(ProblemType type, String detail, String instance) {
        this(type, detail, instance, null);
    }

    public int status() {
        return type.status();
    }

    /** The status with a reason phrase: Helidon has none for 431, and its own would repeat the number. */
    public Status httpStatus() {
        Status known = Status.create(status());
        String reason = known.reasonPhrase();
        return reason == null || reason.isBlank() || reason.equals(Integer.toString(status()))
                ? Status.create(status(), type.title()) : known;
    }

    public byte[] toJsonBytes() {
        JsonObjectBuilder json = JsonFactory.createObjectBuilder()
                .add("type", type.uri())
                .add("title", type.title())
                .add("status", type.status())
                .add("detail", detail)
                .add("instance", instance);
        extensions.forEach((name, value) -> {
            if (!STANDARD_MEMBERS.contains(name)) {
                json.add(name, value);
            }
        });
        return json.build().toString().getBytes(StandardCharsets.UTF_8);
    }
}
