package io.mathsketch.server.json;

import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@link JsonOutput} writes byte for byte what JSON-P wrote before it for the same values. */
class JsonOutputTest {

    private static final List<String> STRINGS = List.of("", "7", "2026", "quote \" and \\ backslash", "tab\tnew\nline\r",
            "\b\f\u0000\u001f\u007f", "3×4−2÷1", "emoji \uD83D\uDE00", "lone \uD800 surrogate", "é ü ß 漢字",
            "</script>", "/api/v1/recognitions/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    @Test
    void numbersAreWrittenAsJsonPWritesThem() {
        double[] edges = {0, -0.0, 1, -1, 0.5, 1e-3, 9.99e-4, 1e-4, 1.5e-5, 1e-6, 9.9e-7, 1e-7, 1.2e-12, 1e7, 9999999.5,
                1.5e10, -2.5e-5, Double.MIN_VALUE, Double.MAX_VALUE, 0.1f, 0.99999f, 123.456};
        for (double v : edges) {
            assertNumber(v);
        }
        SplittableRandom random = new SplittableRandom(14);
        for (int i = 0; i < 20_000; i++) {
            // Probabilities of a softmax (as floats widened to double, as the server writes them), and any double.
            double v = i % 2 == 0 ? (double) (float) Math.exp(-random.nextDouble(40))
                    : Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) {
                assertNumber(v);
            }
        }
        for (long v : new long[] {0, -1, 28, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertEquals(JsonFactory.createArrayBuilder().add(v).build().toString(),
                    new JsonOutput().beginArray().value(v).endArray().toString());
        }
    }

    private static void assertNumber(double v) {
        assertEquals(JsonFactory.createArrayBuilder().add(v).build().toString(),
                new JsonOutput().beginArray().value(v).endArray().toString(), () -> Double.toString(v));
    }

    @Test
    void stringsAreEscapedAsJsonPEscapesThem() {
        JsonObjectBuilder expected = JsonFactory.createObjectBuilder();
        JsonOutput actual = new JsonOutput(8).beginObject();
        for (int i = 0; i < STRINGS.size(); i++) {
            expected.add(STRINGS.get(i), STRINGS.get((i + 1) % STRINGS.size()));
            actual.member(STRINGS.get(i), STRINGS.get((i + 1) % STRINGS.size()));
        }
        assertArrayEquals(expected.build().toString().getBytes(StandardCharsets.UTF_8), actual.endObject().toBytes());
    }

    @Test
    void nestedContainersTakeTheirCommasWhereJsonPPutsThem() {
        String expected = JsonFactory.createObjectBuilder()
                .add("a", JsonFactory.createArrayBuilder())
                .add("b", JsonFactory.createArrayBuilder().add(JsonFactory.createObjectBuilder())
                        .add(JsonFactory.createObjectBuilder().add("c", true).addNull("d"))
                        .add(JsonFactory.createArrayBuilder().add(1).add(2)))
                .add("e", false)
                .build().toString();
        JsonOutput actual = new JsonOutput().beginObject()
                .name("a").beginArray().endArray()
                .name("b").beginArray()
                .beginObject().endObject()
                .beginObject().member("c", true).name("d").nullValue().endObject()
                .beginArray().value(1).value(2).endArray()
                .endArray()
                .member("e", false)
                .endObject();
        assertEquals(expected, actual.toString());
    }

    @Test
    void notANumberIsNotJson() {
        assertThrows(NumberFormatException.class, () -> new JsonOutput().beginArray().value(Double.NaN));
        assertThrows(NumberFormatException.class, () -> new JsonOutput().beginArray().value(Double.NEGATIVE_INFINITY));
    }
}
