package io.mathsketch.server.api;

import io.mathsketch.server.json.JsonFactory;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;

/** Reads the body of a feedback request: {@code {"label": "7"}} or {@code {"label": 7}}. */
final class FeedbackLabel {

    private FeedbackLabel() {
    }

    static String read(byte[] body) {
        JsonObject json;
        try (var reader = JsonFactory.createReader(new ByteArrayInputStream(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "the body is not a JSON object: " + e.getMessage());
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
