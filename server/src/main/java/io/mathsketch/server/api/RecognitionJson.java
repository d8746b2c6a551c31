package io.mathsketch.server.api;

import io.mathsketch.engine.expression.Evaluation;
import io.mathsketch.engine.expression.ExpressionException;
import io.mathsketch.engine.expression.ExpressionParser;
import io.mathsketch.engine.expression.Rational;
import io.mathsketch.engine.Recognition;
import io.mathsketch.engine.image.Box;
import io.mathsketch.server.json.JsonOutput;
import io.mathsketch.server.store.RecognitionRecord;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

    /** Every field of {@code r}. */
    static byte[] toJson(RecognitionRecord r, boolean stored) {
        return toJson(r, stored, ResponseFields.EVERY);
    }

    /** The fields of {@code r} that {@code fields} asks for, as UTF-8 JSON. */
    static byte[] toJson(RecognitionRecord r, boolean stored, ResponseFields fields) {
        // Room for the whole answer at once (one digit with every field: ~1.3 KB), so the buffer never grows.
        JsonOutput out = new JsonOutput(r.readings().size() * 640 + 1024);
        write(out, r, stored, fields);
        return out.toBytes();
    }

    /** One page of the listing: {@code {"items": [...], "nextCursor": ...}}. */
    static byte[] page(List<RecognitionRecord> items, Optional<String> nextCursor, ResponseFields fields) {
        JsonOutput out = new JsonOutput(1024 * Math.max(1, items.size()));
        out.beginObject().name("items").beginArray();
        for (RecognitionRecord r : items) {
            write(out, r, true, fields);
        }
        out.endArray().name("nextCursor");
        if (nextCursor.isPresent()) {
            out.value(nextCursor.get());
        } else {
            out.nullValue();
        }
        return out.endObject().toBytes();
    }

    /**
     * Writes the fields of {@code r} that {@code fields} asks for, in the contract's order; only those are computed.
     * Written straight as bytes: building JSON-P objects for every answer was most of the server's JSON cost.
     */
    private static void write(JsonOutput out, RecognitionRecord r, boolean stored, ResponseFields fields) {
        boolean digitMode = r.mode().equals("digit");
        boolean oneDigit = digitMode && r.readings().size() == 1;
        out.beginObject().member("id", r.id());
        if (fields.has("createdAt")) {
            out.member("createdAt", time(r.createdAt()));
        }
        if (fields.has("mode")) {
            out.member("mode", r.mode());
        }
        if (fields.has("text")) {
            out.member("text", r.text());
        }
        if (fields.has("digit")) {
            out.name("digit");
            String text = r.text();
            if (oneDigit && text.length() == 1 && text.charAt(0) >= '0' && text.charAt(0) <= '9') {
                out.value(text.charAt(0) - '0');
            } else {
                out.nullValue();
            }
        }
        if (fields.has("confidence")) {
            out.member("confidence", r.confidence());
        }
        if (oneDigit && fields.has("probabilities")) {
            floats(out.name("probabilities"), r.readings().getFirst().probabilities());
        }
        if (oneDigit && fields.has("topK")) {
            topK(out.name("topK"), r.labels(), r.readings().getFirst().probabilities());
        }
        if (fields.has("digits")) {
            digits(out.name("digits"), r);
        }
        if (fields.has("expression") && r.mode().equals("expression")) {
            expression(out, r.text());
        }
        if (fields.has("model")) {
            out.name("model").beginObject().member("name", r.model().name()).member("version", r.model().version())
                    .endObject();
        }
        if (fields.has("engine")) {
            out.member("engine", r.engine());
        }
        if (fields.has("device")) {
            out.member("device", r.device());
        }
        if (fields.has("timings")) {
            timings(out.name("timings"), r.timings());
        }
        if (fields.has("stored")) {
            out.member("stored", stored);
        }
        if (fields.has("feedback")) {
            out.name("feedback");
            if (r.feedback().isPresent()) {
                RecognitionRecord.Feedback f = r.feedback().get();
                out.beginObject().member("label", f.label()).member("at", time(f.at())).endObject();
            } else {
                out.nullValue();
            }
        }
        if (fields.has("links")) {
            String self = BASE + "/" + r.id();
            out.name("links").beginObject()
                    .member("self", self)
                    .member("image", self + "/image")
                    .member("feedback", self + "/feedback")
                    .endObject();
        }
        out.endObject();
    }

    private static void digits(JsonOutput out, RecognitionRecord r) {
        out.beginArray();
        for (RecognitionRecord.Reading reading : r.readings()) {
            out.beginObject()
                    .member("label", reading.label())
                    .member("confidence", reading.confidence());
            floats(out.name("probabilities"), reading.probabilities());
            Box box = reading.box();
            out.name("box").beginObject()
                    .member("x", box.x())
                    .member("y", box.y())
                    .member("width", box.width())
                    .member("height", box.height())
                    .endObject()
                    .endObject();
        }
        out.endArray();
    }

    /**
     * What an expression's text says and is worth, computed again from the stored text (exact, cheap, and never out
     * of date with the parser): {@code text}, {@code latex}, {@code form} (expression, question, equation), the exact
     * {@code value} as {@code integer} or {@code fraction} with a {@code decimal}, and for equations {@code holds}.
     */
    private static void expression(JsonOutput out, String text) {
        Evaluation e;
        try {
            e = PARSER.evaluate(text);
        } catch (ExpressionException unreadable) {
            return; // only readable expressions are stored; an older parser's text is left bare
        }
        Rational v = e.value();
        out.name("expression").beginObject()
                .member("text", e.text())
                .member("latex", e.latex())
                .member("form", e.form().name().toLowerCase(Locale.ROOT))
                .name("value").beginObject();
        if (v.isInteger()) {
            out.member("integer", v.numerator().toString());
        } else {
            out.member("fraction", v.toString());
        }
        out.member("decimal", v.toDecimal(DECIMAL_DIGITS)).member("exact", v.hasFiniteDecimal()).endObject();
        e.holds().ifPresent(h -> out.member("holds", h));
        out.endObject();
    }

    private static void timings(JsonOutput out, Recognition.Timings t) {
        out.beginObject()
                .member("preprocessMs", millis(t.preprocessNanos()))
                .member("queueMs", millis(t.queueNanos()))
                .member("inferenceMs", millis(t.inferenceNanos()))
                .member("postprocessMs", millis(t.postprocessNanos()))
                .member("totalMs", millis(t.totalNanos()))
                .endObject();
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    private static void floats(JsonOutput out, float[] values) {
        out.beginArray();
        for (float v : values) {
            out.value((double) v);
        }
        out.endArray();
    }

    /**
     * The {@value #TOP_K} most probable labels, most probable first; among equal probabilities the lower index first
     * (what a stable sort by descending probability gives).
     */
    private static void topK(JsonOutput out, List<String> labels, float[] probabilities) {
        out.beginArray();
        int[] listed = new int[Math.min(TOP_K, probabilities.length)];
        for (int k = 0; k < listed.length; k++) {
            int best = -1;
            for (int i = 0; i < probabilities.length; i++) {
                if (!listedBefore(listed, k, i)
                        && (best < 0 || Double.compare(probabilities[i], probabilities[best]) > 0)) {
                    best = i;
                }
            }
            listed[k] = best;
            String label = best < labels.size() ? labels.get(best) : Integer.toString(best);
            out.beginObject().member("label", label).member("probability", (double) probabilities[best]).endObject();
        }
        out.endArray();
    }

    private static boolean listedBefore(int[] listed, int count, int index) {
        for (int k = 0; k < count; k++) {
            if (listed[k] == index) {
                return true;
            }
        }
        return false;
    }
}
