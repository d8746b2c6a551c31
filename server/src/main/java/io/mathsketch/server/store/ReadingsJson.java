package io.mathsketch.server.store;

import io.mathsketch.engine.image.Box;

import io.mathsketch.server.json.JsonFactory;
import io.mathsketch.server.json.JsonOutput;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.util.List;

/**
 * The readings column: labels plus one entry per digit (label, confidence, probabilities, box), as JSON text so the
 * same schema works on H2 and PostgreSQL.
 */
final class ReadingsJson {

    private ReadingsJson() {
    }

    /** A decoded readings column. */
    record Decoded(List<String> labels, List<RecognitionRecord.Reading> readings) {
    }

    /** Written straight as text (no JSON-P objects): every stored recognition pays for it. */
    static String encode(List<String> labels, List<RecognitionRecord.Reading> readings) {
        JsonOutput out = new JsonOutput(128 + 16 * labels.size() + 256 * readings.size());
        out.beginObject().name("labels").beginArray();
        for (String label : labels) {
            out.value(label);
        }
        out.endArray().name("digits").beginArray();
        for (RecognitionRecord.Reading r : readings) {
            out.beginObject()
                    .member("label", r.label())
                    .member("confidence", r.confidence())
                    .name("probabilities").beginArray();
            for (float p : r.probabilities()) {
                out.value(p);
            }
            Box b = r.box();
            out.endArray().name("box").beginArray().value(b.x()).value(b.y()).value(b.width()).value(b.height())
                    .endArray().endObject();
        }
        return out.endArray().endObject().toString();
    }

    static Decoded decode(String text) {
        try (var reader = JsonFactory.createReader(new StringReader(text))) {
            JsonObject json = reader.readObject();
            List<String> labels = json.getJsonArray("labels").getValuesAs(jakarta.json.JsonString.class).stream()
                    .map(jakarta.json.JsonString::getString)
                    .toList();
            List<RecognitionRecord.Reading> readings = json.getJsonArray("digits").getValuesAs(JsonObject.class)
                    .stream()
                    .map(ReadingsJson::reading)
                    .toList();
            return new Decoded(labels, readings);
        }
    }

    private static RecognitionRecord.Reading reading(JsonObject digit) {
        JsonArray p = digit.getJsonArray("probabilities");
        float[] probabilities = new float[p.size()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = (float) p.getJsonNumber(i).doubleValue();
        }
        JsonArray b = digit.getJsonArray("box");
        return new RecognitionRecord.Reading(digit.getString("label"),
                digit.getJsonNumber("confidence").doubleValue(), probabilities,
                new Box(b.getInt(0), b.getInt(1), b.getInt(2), b.getInt(3)));
    }
}
