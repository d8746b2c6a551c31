package io.mathsketch.server.store;

import io.mathsketch.engine.image.Box;

import io.mathsketch.server.JsonFactory;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
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

    static String encode(List<String> labels, List<RecognitionRecord.Reading> readings) {
        JsonArrayBuilder digits = JsonFactory.createArrayBuilder();
        for (RecognitionRecord.Reading r : readings) {
            JsonArrayBuilder probabilities = JsonFactory.createArrayBuilder();
            for (float p : r.probabilities()) {
                probabilities.add(p);
            }
            Box b = r.box();
            digits.add(JsonFactory.createObjectBuilder()
                    .add("label", r.label())
                    .add("confidence", r.confidence())
                    .add("probabilities", probabilities)
                    .add("box", JsonFactory.createArrayBuilder().add(b.x()).add(b.y()).add(b.width()).add(b.height())));
        }
        return JsonFactory.createObjectBuilder()
                .add("labels", JsonFactory.createArrayBuilder(labels))
                .add("digits", digits)
                .build()
                .toString();
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
