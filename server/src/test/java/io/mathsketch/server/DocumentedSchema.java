package io.mathsketch.server;

import io.swagger.v3.oas.models.media.Schema;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON answer against a schema of the OpenAPI document (references resolved): the parts of OpenAPI 3.0's
 * schema language the document uses for JSON answers (type, enum, required, properties, additionalProperties,
 * items). Returns what does not match, by JSON path, so a test shows every difference at once.
 */
final class DocumentedSchema {

    private DocumentedSchema() {
    }

    static List<String> mismatches(Schema<?> schema, JsonValue value) {
        List<String> out = new ArrayList<>();
        check(schema, value, "$", out);
        return out;
    }

    private static void check(Schema<?> schema, JsonValue value, String at, List<String> out) {
        String type = schema.getType();
        if (type != null && !hasType(value, type)) {
            out.add(at + ": " + value.getValueType() + " is not " + type);
            return;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            Object plain = value instanceof JsonString s ? s.getString() : value.toString();
            if (schema.getEnum().stream().noneMatch(e -> String.valueOf(e).equals(String.valueOf(plain)))) {
                out.add(at + ": " + value + " is not one of " + schema.getEnum());
            }
        }
        if (value instanceof JsonObject object) {
            if (schema.getRequired() != null) {
                schema.getRequired().stream().filter(name -> !object.containsKey(name))
                        .forEach(name -> out.add(at + ": lacks required '" + name + "'"));
            }
            Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
            object.forEach((name, member) -> {
                Schema<?> property = properties.get(name);
                if (property != null) {
                    check(property, member, at + "." + name, out);
                } else if (Boolean.FALSE.equals(schema.getAdditionalProperties())) {
                    out.add(at + ": '" + name + "' is not documented (additionalProperties: false)");
                } else if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
                    check(additional, member, at + "." + name, out);
                }
            });
        }
        if (value instanceof JsonArray array && schema.getItems() != null) {
            for (int i = 0; i < array.size(); i++) {
                check(schema.getItems(), array.get(i), at + "[" + i + "]", out);
            }
        }
    }

    private static boolean hasType(JsonValue value, String type) {
        return switch (type) {
            case "object" -> value instanceof JsonObject;
            case "array" -> value instanceof JsonArray;
            case "string" -> value instanceof JsonString;
            case "integer" -> value instanceof JsonNumber n && n.isIntegral();
            case "number" -> value instanceof JsonNumber;
            case "boolean" -> value == JsonValue.TRUE || value == JsonValue.FALSE;
            default -> false;
        };
    }
}
