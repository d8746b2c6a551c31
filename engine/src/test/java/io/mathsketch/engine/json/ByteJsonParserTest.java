package io.mathsketch.engine.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The byte parser reads what the JSON-P reference parser reads, and refuses what is not JSON. */
class ByteJsonParserTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"ink\": {\"strokes\": [{\"points\": [[94.12, 23.16, 0], [96.03, -23.79, 4.6]]}], \"width\": 280}}",
        " [1, -0, 0.5, 1e3, 2E-2, -1.25e+2, 12345678901234567890, 0.000000000000000000000000001] ",
        "{\"a\": \"caf\u00e9 \\\"q\\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00\", \"b\": [true, false, null, {}, []]}",
        "{\"deep\": [[[[{\"x\": [[]]}]]]], \"\": \"\", \"n\": 1.7976931348623157e308}",
        "\"just a string\"",
        "42",
    })
    void readsTheSameEventsAndValuesAsTheReferenceParser(String json) {
        assertEquals(events(Json.createParser(new StringReader(json))),
                events(new ByteJsonParser(json.getBytes(StandardCharsets.UTF_8))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "{", "[1, 2", "{\"a\" 1}", "{\"a\": 1,}", "[1, 2,]", "[01]", "[1.]", "[.5]", "[1e]", "[-]", "[+1]",
        "{a: 1}", "[tru]", "[nul]", "\"open", "[\"\\x\"]", "[\"\\u12\"]", "{\"a\": 1} {}", "[1] 2", "[\"a\nb\"]",
        "{\"a\": 1 \"b\": 2}", "[1 2]", "}", "[}",
    })
    void refusesWhatIsNotJson(String json) {
        ByteJsonParser parser = new ByteJsonParser(json.getBytes(StandardCharsets.UTF_8));
        assertThrows(JsonParsingException.class, () -> {
            while (parser.hasNext()) {
                parser.next();
            }
        });
    }

    @Test
    void numbersAreTheDoublesTheirTextNames() {
        Random random = new Random(0x13);
        List<String> texts = new ArrayList<>(List.of("0", "-0", "0.1", "0.30000000000000004", "9007199254740993",
                "123456789012345", "1234567890123456", "4.9e-324", "2.2250738585072014E-308", "1e22", "1e23",
                "-1e-22", "-1e-23", "3.14159265358979323846", "100000000000000000000000"));
        for (int i = 0; i < 20_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Math.round(random.nextDouble() * 56_000) / 100.0;  // the page's coordinates
                case 1 -> Math.round(random.nextDouble() * 10_000_000) / 10.0;  // times
                case 2 -> random.nextDouble();
                default -> Double.longBitsToDouble(random.nextLong());
            };
            if (Double.isFinite(v)) {
                texts.add(Double.toString(v));
                texts.add(String.format(Locale.ROOT, "%.6f", v));
                texts.add(String.format(Locale.ROOT, "%.3e", v));
            }
        }
        for (String text : texts) {
            ByteJsonParser parser = new ByteJsonParser(("[" + text + "]").getBytes(StandardCharsets.US_ASCII));
            parser.next();
            assertEquals(JsonParser.Event.VALUE_NUMBER, parser.next());
            assertEquals(Double.parseDouble(text), parser.getDouble(), text);
            assertEquals(text, parser.getString());
        }
    }

    @Test
    void skipsWholeContainersAndKnowsWhenTheTextEnds() {
        ByteJsonParser parser = new ByteJsonParser("{\"skip\": [1, [2, {\"x\": [3]}]], \"keep\": 4} ".getBytes(
                StandardCharsets.UTF_8));
        assertEquals(JsonParser.Event.START_OBJECT, parser.next());
        assertEquals(JsonParser.Event.KEY_NAME, parser.next());
        assertEquals(JsonParser.Event.START_ARRAY, parser.next());
        parser.skipArray();
        assertEquals(JsonParser.Event.KEY_NAME, parser.next());
        assertEquals("keep", parser.getString());
        assertEquals(JsonParser.Event.VALUE_NUMBER, parser.next());
        assertTrue(parser.isIntegralNumber());
        assertEquals(4, parser.getInt());
        assertEquals(JsonParser.Event.END_OBJECT, parser.next());
        assertFalse(parser.hasNext());
    }

    @Test
    void deepNestingNeedsNoStack() {
        int depth = 200_000;
        String json = "[".repeat(depth) + "]".repeat(depth);
        ByteJsonParser parser = new ByteJsonParser(json.getBytes(StandardCharsets.US_ASCII));
        parser.next();
        parser.skipArray();
        assertFalse(parser.hasNext());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 1, \"a\": 2}",
        "{\"a\": 1, \"\\u0061\": 2}",
        "{\"\u00e9\": 1, \"\\u00e9\": 2}",
        "{\"x\": {\"skipped\": {\"a\": [], \"b\": {}, \"a\": null}}}",
        "{\"a\": {\"a\": 1}, \"a\": 2}",
        "{\"k0\":0,\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9,\"k3\":3}",
        "{\"k0\":0,\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k0\":0}",
        "{\"k0\":0,\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"\\u006b8\":9}",
    })
    void refusesAnObjectThatNamesAMemberTwice(String json) {
        ByteJsonParser parser = new ByteJsonParser(json.getBytes(StandardCharsets.UTF_8));
        JsonParsingException e = assertThrows(JsonParsingException.class, () -> {
            while (parser.hasNext()) {
                parser.next();
            }
        });
        assertTrue(e.getMessage().startsWith("a member name given twice in one object"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[{\"a\": 1}, {\"a\": 2}]",
        "{\"a\": {\"a\": {\"a\": 1}}, \"b\": {\"a\": 2}}",
        "{\"a\": 1, \"A\": 2, \"a \": 3, \"\\u00e9\": 4, \"e\\u0301\": 5}",
        "{\"k0\":{\"k0\":0,\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8},"
            + "\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":7,\"k8\":8,\"k9\":9}",
    })
    void namesMayRepeatInOtherObjects(String json) {
        assertEquals(events(Json.createParser(new StringReader(json))),
                events(new ByteJsonParser(json.getBytes(StandardCharsets.UTF_8))));
    }

    /** Each event with the text of its key, string or number. */
    private static List<String> events(JsonParser parser) {
        List<String> events = new ArrayList<>();
        while (parser.hasNext()) {
            JsonParser.Event e = parser.next();
            events.add(switch (e) {
                case KEY_NAME, VALUE_STRING -> e + " " + parser.getString();
                case VALUE_NUMBER -> e + " " + parser.getBigDecimal() + " " + parser.isIntegralNumber();
                default -> e.toString();
            });
        }
        return events;
    }
}
