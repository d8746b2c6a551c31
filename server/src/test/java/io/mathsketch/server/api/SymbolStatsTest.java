package io.mathsketch.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.mathsketch.engine.expression.Symbol;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.server.testing.H2TestDatabase;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Expression mode's corrections are counted per symbol in {@code /api/v1/stats}: a sum read as {@code 2+3=} and
 * corrected to {@code 2+8=} counts one 8 read as 3 and three symbols read right, for the symbol model only.
 */
class SymbolStatsTest {

    @Test
    void correctedExpressionsAreCountedSymbolBySymbol() {
        try (H2TestDatabase database = new H2TestDatabase();
             TestServer server = TestServer.start(database,
                     Map.of("engine.models", "mnist-cnn,mathsketch-symbols"), DjlRecognizer::open)) {
            Http http = server.http();
            Http.Response created = http.postJson("/api/v1/recognitions",
                    "{\"mode\": \"expression\", \"ink\": " + twoPlusThreeEquals() + "}");
            assertEquals(201, created.status(), created::toString);
            assertEquals("2+3=", created.json().getString("text"), "the drawn sum as read");
            String id = created.json().getString("id");
            assertEquals(200, http.putJson("/api/v1/recognitions/" + id + "/feedback", "{\"label\": \"2+8=\"}")
                    .status());

            JsonObject stats = http.get("/api/v1/stats").json();
            JsonObject symbols = model(stats, "mathsketch-symbols");
            JsonObject confusion = symbols.getJsonObject("symbolConfusion");
            JsonArray labels = confusion.getJsonArray("labels");
            assertEquals(Symbol.values().length, labels.size());
            JsonArray counts = confusion.getJsonArray("counts");
            assertEquals(1, cell(counts, labels, "8", "3"), "an 8 read as 3");
            assertEquals(1, cell(counts, labels, "2", "2"));
            assertEquals(1, cell(counts, labels, "+", "+"));
            assertEquals(1, cell(counts, labels, "=", "="));
            assertEquals(4, counts.stream().flatMap(r -> r.asJsonArray().stream())
                    .mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue()).sum(), "four symbols in all");
            assertFalse(model(stats, "mnist-cnn").containsKey("symbolConfusion"), "digit models have none");
        }
    }

    private static JsonObject model(JsonObject stats, String name) {
        return stats.getJsonArray("models").stream().map(v -> v.asJsonObject())
                .filter(m -> m.getString("name").equals(name)).findFirst()
                .orElse(jakarta.json.Json.createObjectBuilder().add("name", name).build());
    }

    private static long cell(JsonArray counts, JsonArray labels, String truth, String read) {
        List<String> names = labels.getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        return counts.getJsonArray(names.indexOf(truth)).getJsonNumber(names.indexOf(read)).longValue();
    }

    /** "2+3=" drawn as strokes on the page's 840 x 280 expression surface. */
    private static String twoPlusThreeEquals() {
        List<List<double[]>> strokes = new ArrayList<>();
        List<double[]> two = arc(140, 102, 52, 48, -165, 30, 18, 0);
        two.add(new double[] {84, 232});
        two.add(new double[] {204, 232});
        strokes.add(two);
        strokes.add(List.of(new double[] {250, 140}, new double[] {330, 140}));
        strokes.add(List.of(new double[] {290, 100}, new double[] {290, 180}));
        List<double[]> three = arc(138, 96, 50, 44, -160, 90, 20, 260);
        three.addAll(arc(138, 188, 56, 48, -90, 160, 20, 260));
        strokes.add(three);
        strokes.add(List.of(new double[] {500, 122}, new double[] {580, 122}));
        strokes.add(List.of(new double[] {500, 162}, new double[] {580, 162}));
        String json = strokes.stream().map(s -> s.stream()
                        .map(p -> String.format(Locale.ROOT, "[%.1f, %.1f]", p[0], p[1]))
                        .collect(Collectors.joining(", ", "{\"points\": [", "]}")))
                .collect(Collectors.joining(", ", "[", "]"));
        return "{\"strokes\": " + json + ", \"width\": 840, \"height\": 280, \"penWidth\": 18}";
    }

    private static List<double[]> arc(double cx, double cy, double rx, double ry, double from, double to, int steps,
                                      double dx) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            double angle = Math.toRadians(from + (to - from) * i / steps);
            points.add(new double[] {cx + dx + rx * Math.cos(angle), cy + ry * Math.sin(angle)});
        }
        return points;
    }
}
