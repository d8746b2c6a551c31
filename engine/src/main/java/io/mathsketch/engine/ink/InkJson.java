package io.mathsketch.engine.ink;

import io.mathsketch.engine.RecognitionException.InkTooLarge;
import io.mathsketch.engine.RecognitionException.InvalidInk;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import io.mathsketch.engine.json.ByteJsonParser;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The JSON form of digital ink, shared by the API, storage and the test fixtures:
 * {@code {"strokes": [{"points": [[x, y, t?, pressure?], ...]}, ...], "width": W, "height": H, "penWidth": P}}.
 * Every point of a stroke has the same number of values (2, 3 or 4); {@code t} is in milliseconds, pressure in
 * [0, 1]. Reading checks the configured limits while it reads, so an oversized ink is refused before it is held as
 * numbers. The members of the ink object and of its strokes may come in any order; unknown members are skipped.
 */
public final class InkJson {

    /**
     * Looked up once: {@code Json.createParser} finds the JSON-P provider through the service loader on every call,
     * which costs more than reading a digit's ink. The factory is immutable and thread-safe.
     */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private InkJson() {
    }

    /** Reads ink from JSON text. */
    public static Ink read(String json, InputLimits limits) throws InvalidInk, InkTooLarge {
        try (JsonParser parser = new ByteJsonParser(json.getBytes(StandardCharsets.UTF_8))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new InvalidInk("the ink is not a JSON object");
            }
            Ink ink = read(parser, limits);
            if (parser.hasNext()) {
                throw new InvalidInk("the ink is followed by more JSON");
            }
            return ink;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new InvalidInk("the ink is not a JSON object: " + e.getMessage());
        }
    }

    /** Reads ink from its JSON object. */
    public static Ink read(JsonObject json, InputLimits limits) throws InvalidInk, InkTooLarge {
        try (JsonParser parser = PARSERS.createParser(json)) {
            parser.next();
            return read(parser, limits);
        }
    }

    /**
     * Reads ink from a parser that has just read the ink object's {@code START_OBJECT}, up to and including its
     * {@code END_OBJECT}. The ink is read as a stream of events, never as a tree, and every limit is checked as soon
     * as it is passed: a stroke is refused at its first point over the limit, not after its points have been built
     * into objects. Members other than the ink's are skipped.
     *
     * @throws InvalidInk when a field is missing or of the wrong type, a value is not finite, a size is under
     *                    {@link Ink#MIN_SIZE}
     *                    or a pressure is outside [0, 1]
     * @throws InkTooLarge when the ink has more strokes, or a stroke more points, than allowed, a coordinate or
     *                     size is beyond the coordinate limit, or the pen is wider than the surface's longer side
     * @throws JsonException when the text is not JSON (the caller reports it as it reports any malformed JSON)
     */
    public static Ink read(JsonParser parser, InputLimits limits) throws InvalidInk, InkTooLarge {
        return read(parser, limits, new Skipped());
    }

    /**
     * Reads ink from a body being parsed, as {@link #read(JsonParser, InputLimits)} does, together with the JSON text
     * to keep of it: the ink object's own bytes with their whitespace dropped when it held nothing but the ink's
     * members (what the page sends: every number as the client wrote it, copied instead of formatted again), else the
     * text {@link #write} makes of what was read, so that nothing else the client put in the object is ever kept.
     *
     * @param parser a parser over {@code body} that has just read the ink object's {@code START_OBJECT}
     */
    public static Read read(ByteJsonParser parser, byte[] body, InputLimits limits) throws InvalidInk, InkTooLarge {
        int start = (int) parser.getLocation().getStreamOffset() - 1;
        Skipped skipped = new Skipped();
        Ink ink = read(parser, limits, skipped);
        int end = (int) parser.getLocation().getStreamOffset();
        boolean verbatim = !skipped.any && start >= 0 && body[start] == '{' && body[end - 1] == '}';
        return new Read(ink, verbatim ? withoutWhitespace(body, start, end)
                : write(ink).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Ink and the JSON text to keep of it (UTF-8, only the ink's members).
     *
     * @param ink what was read
     * @param json its text, which {@link #read(String, InputLimits)} reads back to the same ink
     */
    public record Read(Ink ink, byte[] json) {
    }

    /**
     * The bytes of a JSON text without its whitespace. Only for text with no string other than the ink's member
     * names (a name with whitespace in it would be no member of the ink), so no whitespace inside a string is lost.
     */
    private static byte[] withoutWhitespace(byte[] body, int start, int end) {
        byte[] out = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                out[n++] = b;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static Ink read(JsonParser parser, InputLimits limits, Skipped skipped) throws InvalidInk, InkTooLarge {
        double max = limits.maxInkCoordinate();
        double width = Double.NaN, height = Double.NaN, penWidth = Double.NaN;
        List<Stroke> strokes = null;
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String key = parser.getString();
            JsonParser.Event value = parser.next();
            switch (key) {
                case "width" -> width = size(parser, value, key, max);
                case "height" -> height = size(parser, value, key, max);
                case "penWidth" -> penWidth = size(parser, value, key, max);
                case "strokes" -> strokes = strokes(parser, value, limits, skipped);
                default -> skipped.skip(parser, value);
            }
        }
        if (strokes == null) {
            throw new InvalidInk("'ink.strokes' must be an array of strokes");
        }
        Ink ink = new Ink(strokes, required(width, "width"), required(height, "height"),
                required(penWidth, "penWidth"));
        // A pen wider than the surface draws nothing a narrower one would not, and its cost grows with its width.
        if (ink.penWidth() > Math.max(ink.width(), ink.height())) {
            throw new InkTooLarge("'ink.penWidth' is " + ink.penWidth() + ", wider than the writing surface ("
                    + ink.width() + " x " + ink.height() + "); a pen is at most its longer side");
        }
        return ink;
    }

    /** A size that was never read is still NaN: sizes read are finite. */
    private static double required(double size, String key) throws InvalidInk {
        if (Double.isNaN(size)) {
            throw new InvalidInk("'ink." + key + "' must be a number");
        }
        return size;
    }

    private static List<Stroke> strokes(JsonParser parser, JsonParser.Event start, InputLimits limits,
                                        Skipped skipped) throws InvalidInk, InkTooLarge {
        if (start != JsonParser.Event.START_ARRAY) {
            throw new InvalidInk("'ink.strokes' must be an array of strokes");
        }
        List<Stroke> strokes = new ArrayList<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            if (strokes.size() == limits.maxInkStrokes()) {
                throw new InkTooLarge("the ink has more than " + limits.maxInkStrokes() + " strokes; at most "
                        + limits.maxInkStrokes() + " are accepted");
            }
            strokes.add(stroke(parser, event, strokes.size(), limits, skipped));
        }
        return strokes;
    }

    private static Stroke stroke(JsonParser parser, JsonParser.Event start, int s, InputLimits limits,
                                 Skipped skipped) throws InvalidInk, InkTooLarge {
        String where = "ink.strokes[" + s + "]";
        if (start != JsonParser.Event.START_OBJECT) {
            throw new InvalidInk("'" + where + "' must be an object with a 'points' array");
        }
        Stroke stroke = null;
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String key = parser.getString();
            JsonParser.Event value = parser.next();
            if (key.equals("points")) {
                stroke = points(parser, value, where, limits);
            } else {
                skipped.skip(parser, value);
            }
        }
        if (stroke == null) {
            throw new InvalidInk("'" + where + "' must be an object with a 'points' array");
        }
        return stroke;
    }

    private static Stroke points(JsonParser parser, JsonParser.Event start, String where, InputLimits limits)
            throws InvalidInk, InkTooLarge {
        if (start != JsonParser.Event.START_ARRAY) {
            throw new InvalidInk("'" + where + "' must be an object with a 'points' array");
        }
        double max = limits.maxInkCoordinate();
        Values x = new Values(), y = new Values(), t = new Values(), p = new Values();
        int arity = 0;
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            int i = x.size;
            if (i == limits.maxInkStrokePoints()) {
                throw new InkTooLarge("'" + where + "' has more than " + limits.maxInkStrokePoints()
                        + " points; at most " + limits.maxInkStrokePoints() + " per stroke are accepted");
            }
            if (event != JsonParser.Event.START_ARRAY) {
                throw notAPoint(where, i);
            }
            int n = 0;
            for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
                if (n == 4) {
                    throw notAPoint(where, i);
                }
                double v = finite(parser, e, where, i);
                switch (n++) {
                    case 0 -> x.add(coordinate(v, where, i, max));
                    case 1 -> y.add(coordinate(v, where, i, max));
                    case 2 -> t.add(v);
                    default -> {
                        if (v < 0 || v > 1) {
                            throw new InvalidInk("'" + at(where, i) + "' has pressure " + v
                                    + "; pressure is from 0 to 1");
                        }
                        p.add(v);
                    }
                }
            }
            if (n < 2) {
                throw notAPoint(where, i);
            }
            if (i == 0) {
                arity = n;
            } else if (n != arity) {
                throw new InvalidInk("'" + at(where, i) + "' has " + n + " values but the stroke's first point has "
                        + arity + ": every point of a stroke is [x, y], [x, y, t] or [x, y, t, pressure] alike");
            }
        }
        return new Stroke(x.toArray(), y.toArray(), t.toArray(), p.toArray());
    }

    /** Where a point is, for a message: built only when there is one to give. */
    private static String at(String where, int point) {
        return where + ".points[" + point + "]";
    }

    private static InvalidInk notAPoint(String where, int point) {
        return new InvalidInk("'" + at(where, point) + "' must be an array [x, y, t?, pressure?] of 2 to 4 numbers");
    }

    private static double coordinate(double v, String where, int point, double max) throws InkTooLarge {
        if (Math.abs(v) > max) {
            throw new InkTooLarge("'" + at(where, point) + "' has coordinate " + v + "; coordinates are at most "
                    + (long) max + " in absolute value");
        }
        return v;
    }

    /** A finite number, never through a BigDecimal: one of a number a megabyte long would take seconds to build. */
    private static double finite(JsonParser parser, JsonParser.Event value, String where, int point)
            throws InvalidInk {
        if (value != JsonParser.Event.VALUE_NUMBER) {
            throw new InvalidInk("'" + at(where, point) + "' holds a value that is not a number");
        }
        double v = number(parser);
        if (!Double.isFinite(v)) {
            throw new InvalidInk("'" + at(where, point) + "' holds a number that is not finite");
        }
        return v;
    }

    private static double size(JsonParser parser, JsonParser.Event value, String key, double max)
            throws InvalidInk, InkTooLarge {
        if (value != JsonParser.Event.VALUE_NUMBER) {
            throw new InvalidInk("'ink." + key + "' must be a number");
        }
        double v = number(parser);
        if (!Double.isFinite(v) || v < Ink.MIN_SIZE) {
            throw new InvalidInk("'ink." + key + "' must be a finite number of at least " + Ink.MIN_SIZE + ", not "
                    + parser.getString());
        }
        if (v > max) {
            throw new InkTooLarge("'ink." + key + "' is " + v + "; at most " + (long) max + " is accepted");
        }
        return v;
    }

    /** The current number, straight from the bytes when the parser can (the server's bodies), else from its text. */
    private static double number(JsonParser parser) {
        return parser instanceof ByteJsonParser bytes ? bytes.getDouble() : Double.parseDouble(parser.getString());
    }

    /** Skips members that are not the ink's, remembering that there were some. */
    private static final class Skipped {
        private boolean any;

        void skip(JsonParser parser, JsonParser.Event value) {
            any = true;
            if (value == JsonParser.Event.START_OBJECT) {
                parser.skipObject();
            } else if (value == JsonParser.Event.START_ARRAY) {
                parser.skipArray();
            }
        }
    }

    /** A growing array of doubles: a stroke's length is known only at its end. */
    private static final class Values {
        private static final double[] NONE = {};
        /** Most strokes the page sends hold 20-100 points: room for them at the first growth. */
        private static final int FIRST = 64;
        /** Empty until a value comes: a stroke without times and pressures allocates for x and y only. */
        private double[] values = NONE;
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, Math.max(FIRST, size * 2));
            }
            values[size++] = v;
        }

        double[] toArray() {
            return size == values.length ? values : Arrays.copyOf(values, size);
        }
    }

    /**
     * The JSON text of an ink, compact (times and pressures written only when the strokes have them). Written
     * straight into one buffer: the server stores every recognised ink this way, and building it as JSON-P objects
     * with a BigDecimal per number cost more than drawing the ink.
     */
    public static String write(Ink ink) {
        StringBuilder out = new StringBuilder(64 + 24 * ink.pointCount());
        out.append("{\"strokes\":[");
        List<Stroke> strokes = ink.strokes();
        for (int s = 0; s < strokes.size(); s++) {
            Stroke stroke = strokes.get(s);
            out.append(s == 0 ? "{\"points\":[" : ",{\"points\":[");
            boolean time = stroke.hasTime(), pressure = stroke.pressure().length > 0;
            for (int i = 0; i < stroke.size(); i++) {
                out.append(i == 0 ? "[" : ",[");
                number(out, stroke.x()[i]).append(',');
                number(out, stroke.y()[i]);
                if (time) {
                    number(out.append(','), stroke.time()[i]);
                }
                if (pressure) {
                    number(out.append(','), stroke.pressure()[i]);
                }
                out.append(']');
            }
            out.append("]}");
        }
        out.append("],\"width\":");
        number(out, ink.width()).append(",\"height\":");
        number(out, ink.height()).append(",\"penWidth\":");
        return number(out, ink.penWidth()).append('}').toString();
    }

    /**
     * A finite number: whole numbers without a fraction ("280", not "280.0"), others in their shortest exact decimal
     * form; the rare very small or large value (a time of 1e308) in exponent notation, never written out in full: the
     * server writes the ink of every body with members of its own, and 8 MB of points timed 1e308 once came to some
     * 200 million characters, an {@code OutOfMemoryError} (attack corpus: {@code ink-huge-times-rewritten}).
     */
    private static StringBuilder number(StringBuilder out, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return out.append((long) v);
        }
        // The page's coordinates and times have one or two decimals: the fewest decimals whose value is exactly v
        // (m / 10^k is correctly rounded, as reading "m with k decimals" is), without Double.toString's String.
        if (Math.abs(v) < 1e12) {
            for (int k = 1, scale = 10; k <= 3; k++, scale *= 10) {
                long m = Math.round(v * scale);
                if ((double) m / scale == v) {
                    long whole = Math.abs(m) / scale, fraction = Math.abs(m) % scale;
                    out.append(m < 0 ? "-" : "").append(whole).append('.');
                    for (int digit = scale / 10; digit > fraction && digit > 1; digit /= 10) {
                        out.append('0');
                    }
                    return out.append(fraction);
                }
            }
        }
        String shortest = Double.toString(v);
        if (shortest.indexOf('E') < 0) {
            return out.append(shortest);
        }
        // "1.0E308" as "1E+308": at most as long as Double.toString's text.
        return out.append(new BigDecimal(shortest).stripTrailingZeros().toString());
    }
}
