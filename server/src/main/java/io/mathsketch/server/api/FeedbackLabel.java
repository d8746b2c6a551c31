package io.mathsketch.server.api;

import io.mathsketch.server.json.JsonFactory;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemText;
import io.mathsketch.server.problem.ProblemType;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** Reads the body of a feedback request: {@code {"label": "7"}} or {@code {"label": 7}}. */
final class FeedbackLabel {

    private FeedbackLabel() {
    }

    static String read(byte[] body) {
        String text = new String(RequestMediaType.withoutBom(body), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the body is empty; send a JSON object such as"
                    + " {\"label\": \"7\"}");
        }
        JsonObject json;
        // Read as UTF-8 text (RFC 8259), never by the parser's guess at the encoding, which needs four bytes to
        // guess from and says so.
        try (var reader = JsonFactory.createReader(new StringReader(text))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the body is not a JSON object such as"
                    + " {\"label\": \"7\"}: " + ProblemText.echo(String.valueOf(e.getMessage())));
        }
        JsonValue label = json.get("label");
        return switch (label) {
            case JsonString s -> s.getString().trim();
            case JsonNumber n when n.isIntegral() && n.longValue() >= 0 -> n.bigIntegerValue().toString();
            case null, default -> throw new ProblemException(ProblemType.BAD_REQUEST,
                    "'label' must be a digit string such as \"7\" or a non-negative whole number");
        };
    }
}
