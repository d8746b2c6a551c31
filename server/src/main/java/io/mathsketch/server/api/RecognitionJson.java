package io.mathsketch.server.api;

import io.mathsketch.engine.expression.Evaluation;
import io.mathsketch.engine.expression.ExpressionException;
import io.mathsketch.engine.expression.ExpressionParser;
import io.mathsketch.engine.expression.Rational;
import io.mathsketch.server.JsonFactory;
import io.mathsketch.engine.Recognition;
import io.mathsketch.server.store.RecognitionRecord;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The JSON shape of a recognition, as fixed by the API contract. */
final class RecognitionJson {

    static final String BASE = "/api/v1/recognitions";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int TOP_K = 3;
    /** Significant digits of an expression value's decimal when it has no finite one. */
    private static final int DECIMAL_DIGITS = 15;
    private static final ExpressionParser PARSER = new ExpressionParser();

    private RecognitionJson() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static JsonObject toJson(RecognitionRecord r, boolean stored) {
        return toJson(r, stored, ResponseFields.EVERY);
    }

    /** The fields of {@code r} that {@code fields} asks for, in the contract's order; only those are built. */
    static JsonObject toJson(RecognitionRecord r, boolean stored, ResponseFields fields) {
        boolean digitMode = r.mode().equals("digit");
        boolean oneDigit = digitMode && r.readings().size() == 1;
        JsonObjectBuilder json = JsonFactory.createObjectBuilder().add("id", r.id());
        if (fields.has("createdAt")) {
            json.add("createdAt", time(r.createdAt()));
        }
        if (fields.has("mode")) {
            json.add("mode", r.mode());
        }
        if (fields.has("text")) {
            json.add("text", r.text());
        }
        if (fields.has("digit")) {
            if (oneDigit && r.text().matches("\\d")) {
                json.add("digit", Integer.parseInt(r.text()));
            } else {
                json.addNull("digit");
            }
        }
        if (fields.has("confidence")) {
            json.add("confidence", r.confidence());
        }
        if (oneDigit && fields.has("probabilities")) {
            json.add("probabilities", floats(r.readings().getFirst().probabilities()));
        }
        if (oneDigit && fields.has("topK")) {
            json.add("topK", topK(r.labels(), r.readings().getFirst().probabilities()));
        }
        if (fields.has("digits")) {
            json.add("digits", digits(r));
        }
        if (fields.has("expression") && r.mode().equals("expression")) {
            expression(r.text()).ifPresent(e -> json.add("expression", e));
        }
        if (fields.has("model")) {
            json.add("model", JsonFactory.createObjectBuilder().add("name", r.model().name())
                    .add("version", r.model().version()));
        }
        if (fields.has("engine")) {
            json.add("engine", r.engine());
        }
        if (fields.has("device")) {
            json.add("device", r.device());
        }
        if (fields.has("timings")) {
            json.add("timings", timings(r.timings()));
        }
        if (fields.has("stored")) {
            json.add("stored", stored);
        }
        if (fields.has("feedback")) {
            r.feedback().ifPresentOrElse(f -> json.add("feedback", JsonFactory.createObjectBuilder()
                    .add("label", f.label()).add("at", time(f.at()))), () -> json.addNull("feedback"));
        }
        if (fields.has("links")) {
            String self = BASE + "/" + r.id();
            json.add("links", JsonFactory.createObjectBuilder()
                    .add("self", self)
                    .add("image", self + "/image")
                    .add("feedback", self + "/feedback"));
        }
        return json.build();
    }

    private static JsonArrayBuilder digits(RecognitionRecord r) {
        JsonArrayBuilder digits = JsonFactory.createArrayBuilder();
        for (RecognitionRecord.Reading reading : r.readings()) {
            digits.add(JsonFactory.createObjectBuilder()
                    .add("label", reading.label())
                    .add("confidence", reading.confidence())
                    .add("probabilities", floats(reading.probabilities()))
                    .add("box", JsonFactory.createObjectBuilder()
                            .add("x", reading.box().x())
                            .add("y", reading.box().y())
                            .add("width", reading.box().width())
                            .add("height", reading.box().height())));
        }
        return digits;
    }

    /**
     * What an expression's text says and is worth, computed again from the stored text (exact, cheap, and never out
     * of date with the parser): {@code text}, {@code latex}, {@code form} (expression, question, equation), the exact
     * {@code value} as {@code integer} or {@code fraction} with a {@code decimal}, and for equations {@code holds}.
     */
    private static Optional<JsonObjectBuilder> expression(String text) {
        Evaluation e;
        try {
            e = PARSER.evaluate(text);
        } catch (ExpressionException unreadable) {
            return Optional.empty(); // only readable expressions are stored; an older parser's text is left bare
        }
        Rational v = e.value();
        JsonObjectBuilder value = JsonFactory.createObjectBuilder();
        if (v.isInteger()) {
            value.add("integer", v.numerator().toString());
        } else {
            value.add("fraction", v.toString());
        }
        value.add("decimal", v.toDecimal(DECIMAL_DIGITS)).add("exact", v.hasFiniteDecimal());
        JsonObjectBuilder json = JsonFactory.createObjectBuilder()
                .add("text", e.text())
                .add("latex", e.latex())
                .add("form", e.form().name().toLowerCase(Locale.ROOT))
                .add("value", value);
        e.holds().ifPresent(h -> json.add("holds", h));
        return Optional.of(json);
    }

    private static JsonObjectBuilder timings(Recognition.Timings t) {
        return JsonFactory.createObjectBuilder()
                .add("preprocessMs", millis(t.preprocessNanos()))
                .add("queueMs", millis(t.queueNanos()))
                .add("inferenceMs", millis(t.inferenceNanos()))
                .add("postprocessMs", millis(t.postprocessNanos()))
                .add("totalMs", millis(t.totalNanos()));
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    private static JsonArrayBuilder floats(float[] values) {
        JsonArrayBuilder array = JsonFactory.createArrayBuilder();
        for (float v : values) {
            array.add((double) v);
        }
        return array;
    }

    private static JsonArrayBuilder topK(List<String> labels, float[] probabilities) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed());
        JsonArrayBuilder top = JsonFactory.createArrayBuilder();
        for (int i : order.subList(0, Math.min(TOP_K, order.size()))) {
            String label = i < labels.size() ? labels.get(i) : Integer.toString(i);
            top.add(JsonFactory.createObjectBuilder().add("label", label).add("probability", (double) probabilities[i]));
        }
        return top;
    }
}
