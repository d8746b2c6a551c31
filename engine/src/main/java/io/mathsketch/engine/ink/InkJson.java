package io.mathsketch.engine.ink;

import io.mathsketch.engine.RecognitionException.InkTooLarge;
import io.mathsketch.engine.RecognitionException.InvalidInk;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of digital ink, shared by the API, storage and the test fixtures:
 * {@code {"strokes": [{"points": [[x, y, t?, pressure?], ...]}, ...], "width": W, "height": H, "penWidth": P}}.
 * Every point of a stroke has the same number of values (2, 3 or 4); {@code t} is in milliseconds, pressure in
 * [0, 1]. Reading checks the configured limits while it reads, so an oversized ink is refused before it is held as
 * numbers.
 */
public final class InkJson {

    private InkJson() {
    }

    /** Reads ink from JSON text. */
    public static Ink read(String json, InputLimits limits) throws InvalidInk, InkTooLarge {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return read(reader.readObject(), limits);
        } catch (JsonException | IllegalStateException e) {
            throw new InvalidInk("the ink is not a JSON object: " + e.getMessage());
        }
    }

    /**
     * Reads ink from its JSON object.
     *
     * @throws InvalidInk when a field is missing or of the wrong type, a value is not finite, a size is not positive
     *                    or a pressure is outside [0, 1]
     * @throws InkTooLarge when the ink has more strokes, or a stroke more points, than allowed, or a coordinate or
     *                     size is beyond the coordinate limit
     */
    public static Ink read(JsonObject json, InputLimits limits) throws InvalidInk, InkTooLarge {
        double max = limits.maxInkCoordinate();
        double width = size(json, "width", max), height = size(json, "height", max);
        double penWidth = size(json, "penWidth", max);
        if (!(json.get("strokes") instanceof JsonArray strokes)) {
            throw new InvalidInk("'ink.strokes' must be an array of strokes");
        }
        if (strokes.size() > limits.maxInkStrokes()) {
            throw new InkTooLarge("the ink has " + strokes.size() + " strokes; at most " + limits.maxInkStrokes()
                    + " are accepted");
        }
        List<Stroke> out = new ArrayList<>(strokes.size());
        for (int s = 0; s < strokes.size(); s++) {
            out.add(stroke(strokes.get(s), s, limits));
        }
        return new Ink(out, width, height, penWidth);
    }

    private static Stroke stroke(JsonValue value, int s, InputLimits limits) throws InvalidInk, InkTooLarge {
        String where = "ink.strokes[" + s + "]";
        if (!(value instanceof JsonObject stroke) || !(stroke.get("points") instanceof JsonArray points)) {
            throw new InvalidInk("'" + where + "' must be an object with a 'points' array");
        }
        int n = points.size();
        if (n > limits.maxInkStrokePoints()) {
            throw new InkTooLarge("'" + where + "' has " + n + " points; at most " + limits.maxInkStrokePoints()
                    + " per stroke are accepted");
        }
        double max = limits.maxInkCoordinate();
        int arity = n == 0 ? 2 : arity(points.get(0), where + ".points[0]");
        double[] x = new double[n], y = new double[n];
        double[] t = new double[arity > 2 ? n : 0], p = new double[arity > 3 ? n : 0];
        for (int i = 0; i < n; i++) {
            String at = where + ".points[" + i + "]";
            JsonValue point = points.get(i);
            if (arity(point, at) != arity) {
                throw new InvalidInk("'" + at + "' has " + point.asJsonArray().size() + " values but the stroke's"
                        + " first point has " + arity + ": every point of a stroke is [x, y], [x, y, t] or"
                        + " [x, y, t, pressure] alike");
            }
            JsonArray values = point.asJsonArray();
            x[i] = coordinate(values, 0, at, max);
            y[i] = coordinate(values, 1, at, max);
            if (arity > 2) {
                t[i] = finite(values, 2, at);
            }
            if (arity > 3) {
                p[i] = finite(values, 3, at);
                if (p[i] < 0 || p[i] > 1) {
                    throw new InvalidInk("'" + at + "' has pressure " + p[i] + "; pressure is from 0 to 1");
                }
            }
        }
        return new Stroke(x, y, t, p);
    }

    private static int arity(JsonValue point, String at) throws InvalidInk {
        if (!(point instanceof JsonArray values) || values.size() < 2 || values.size() > 4) {
            throw new InvalidInk("'" + at + "' must be an array [x, y, t?, pressure?] of 2 to 4 numbers");
        }
        return values.size();
    }

    private static double coordinate(JsonArray values, int index, String at, double max)
            throws InvalidInk, InkTooLarge {
        double v = finite(values, index, at);
        if (Math.abs(v) > max) {
            throw new InkTooLarge("'" + at + "' has coordinate " + v + "; coordinates are at most " + (long) max
                    + " in absolute value");
        }
        return v;
    }

    private static double finite(JsonArray values, int index, String at) throws InvalidInk {
        if (!(values.get(index) instanceof JsonNumber number)) {
            throw new InvalidInk("'" + at + "' holds a value that is not a number");
        }
        double v = number.doubleValue();
        if (!Double.isFinite(v)) {
            throw new InvalidInk("'" + at + "' holds a number that is not finite");
        }
        return v;
    }

    private static double size(JsonObject json, String key, double max) throws InvalidInk, InkTooLarge {
        if (!(json.get(key) instanceof JsonNumber number)) {
            throw new InvalidInk("'ink." + key + "' must be a number");
        }
        double v = number.doubleValue();
        if (!Double.isFinite(v) || v <= 0) {
            throw new InvalidInk("'ink." + key + "' must be a finite number above 0, not " + number);
        }
        if (v > max) {
            throw new InkTooLarge("'ink." + key + "' is " + v + "; at most " + (long) max + " is accepted");
        }
        return v;
    }

    /** The JSON object of an ink (times and pressures written only when the strokes have them). */
    public static JsonObject toJson(Ink ink) {
        JsonArrayBuilder strokes = Json.createArrayBuilder();
        for (Stroke s : ink.strokes()) {
            JsonArrayBuilder points = Json.createArrayBuilder();
            for (int i = 0; i < s.size(); i++) {
                JsonArrayBuilder point = Json.createArrayBuilder().add(number(s.x()[i])).add(number(s.y()[i]));
                if (s.hasTime()) {
                    point.add(number(s.time()[i]));
                }
                if (s.pressure().length > 0) {
                    point.add(number(s.pressure()[i]));
                }
                points.add(point);
            }
            strokes.add(Json.createObjectBuilder().add("points", points));
        }
        JsonObjectBuilder object = Json.createObjectBuilder().add("strokes", strokes)
                .add("width", number(ink.width())).add("height", number(ink.height()))
                .add("penWidth", number(ink.penWidth()));
        return object.build();
    }

    /** The JSON text of an ink. */
    public static String write(Ink ink) {
        return toJson(ink).toString();
    }

    /** Whole numbers without a fraction ("280", not "280.0"), others in their shortest exact decimal form. */
    private static BigDecimal number(double v) {
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }
}
