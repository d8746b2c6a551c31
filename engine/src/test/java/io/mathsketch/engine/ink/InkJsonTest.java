package io.mathsketch.engine.ink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mathsketch.engine.RecognitionException;
import io.mathsketch.engine.RecognitionException.InkTooLarge;
import io.mathsketch.engine.RecognitionException.InvalidInk;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.image.Stroke;
import io.mathsketch.engine.json.ByteJsonParser;
import jakarta.json.stream.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InkJsonTest {

    private static final InputLimits LIMITS = InputLimits.builder().maxInkStrokes(3).maxInkStrokePoints(4)
            .maxInkCoordinate(1000).build();

    @Test
    void readsPointsWithAndWithoutTimesAndPressure() throws RecognitionException {
        Ink ink = InkJson.read("{\"strokes\": [{\"points\": [[1, 2], [3.5, 4]]}, {\"points\": [[5, 6, 0, 0.5],"
                + " [7, 8, 16.5, 1]]}, {\"points\": [[9, 10, 40]]}], \"width\": 280, \"height\": 140,"
                + " \"penWidth\": 18}", LIMITS);
        assertEquals(3, ink.strokes().size());
        assertEquals(280, ink.width());
        assertEquals(140, ink.height());
        assertEquals(18, ink.penWidth());
        assertArrayEquals(new double[] {1, 3.5}, ink.strokes().get(0).x());
        assertEquals(0, ink.strokes().get(0).time().length);
        assertArrayEquals(new double[] {0, 16.5}, ink.strokes().get(1).time());
        assertArrayEquals(new double[] {0.5, 1}, ink.strokes().get(1).pressure());
        assertArrayEquals(new double[] {40}, ink.strokes().get(2).time());
    }

    @Test
    void writesWhatItReads() throws RecognitionException {
        String json = "{\"strokes\":[{\"points\":[[1,2],[3.5,4]]},{\"points\":[[5,6,0,0.5],[7.25,8,16.5,1]]}],"
                + "\"width\":280,\"height\":140,\"penWidth\":18}";
        assertEquals(json, InkJson.write(InkJson.read(json, LIMITS)));
    }

    /** A plain ink is kept as the bytes it came in, whitespace dropped: its numbers as the client wrote them. */
    @Test
    void theTextKeptOfAPlainInkIsItsOwnBytesWithoutWhitespace() throws RecognitionException {
        byte[] body = ("{\"ink\": {\"strokes\": [{\"points\": [[1.50, 2, 0],\n [3, 4e1, 5]]}],\t\"width\": 280,"
                + " \"height\": 140, \"penWidth\": 18}, \"mode\": \"digit\"}").getBytes(StandardCharsets.UTF_8);
        InkJson.Read read = readInk(body);
        String kept = new String(read.json(), StandardCharsets.UTF_8);
        assertEquals("{\"strokes\":[{\"points\":[[1.50,2,0],[3,4e1,5]]}],\"width\":280,\"height\":140,"
                + "\"penWidth\":18}", kept);
        assertEquals(InkJson.write(read.ink()), InkJson.write(InkJson.read(kept, LIMITS)), "reads back the same");
        assertArrayEquals(new double[] {1.5, 3}, read.ink().strokes().getFirst().x());
    }

    /** Members that are not the ink's, in the ink or in a stroke, are never in the text kept. */
    @Test
    void whatElseTheClientPutInTheInkIsNotKept() throws RecognitionException {
        for (String extra : new String[] {"\"note\": \"secret words\", ", "\"note\": {\"a\": [\"secret words\"]}, "}) {
            byte[] body = ("{\"ink\": {" + extra + "\"strokes\": [{\"points\": [[1, 2], [3, 4]]}], \"width\": 280,"
                    + " \"height\": 140, \"penWidth\": 18}}").getBytes(StandardCharsets.UTF_8);
            String kept = new String(readInk(body).json(), StandardCharsets.UTF_8);
            assertEquals("{\"strokes\":[{\"points\":[[1,2],[3,4]]}],\"width\":280,\"height\":140,\"penWidth\":18}",
                    kept);
            byte[] inStroke = ("{\"ink\": {\"strokes\": [{" + extra + "\"points\": [[1, 2], [3, 4]]}], \"width\": 280,"
                    + " \"height\": 140, \"penWidth\": 18}}").getBytes(StandardCharsets.UTF_8);
            assertEquals(kept, new String(readInk(inStroke).json(), StandardCharsets.UTF_8));
        }
    }

    /** Reads the ink member of a body the way the server does, and checks the parser goes on after it. */
    private static InkJson.Read readInk(byte[] body) throws RecognitionException {
        try (ByteJsonParser parser = new ByteJsonParser(body)) {
            assertEquals(JsonParser.Event.START_OBJECT, parser.next());
            assertEquals(JsonParser.Event.KEY_NAME, parser.next());
            assertEquals("ink", parser.getString());
            assertEquals(JsonParser.Event.START_OBJECT, parser.next());
            InkJson.Read read = InkJson.read(parser, body, LIMITS);
            assertEquals(JsonParser.Event.END_OBJECT, parser.currentEvent());
            JsonParser.Event next = parser.next();
            while (next == JsonParser.Event.KEY_NAME) {
                parser.next();
                next = parser.next();
            }
            assertEquals(JsonParser.Event.END_OBJECT, next, "the body's members after the ink are read on");
            return read;
        }
    }

    /**
     * A time of 1e308, six characters in a body, is written in six, not in its 309 digits: the server writes the ink
     * of every body with members of its own, and 8 MB of such points came to some 200 million characters.
     */
    @Test
    void writesVeryLargeNumbersNoLongerThanTheirShortestForm() throws RecognitionException {
        Ink ink = new Ink(List.of(new Stroke(new double[] {1, 2, 3}, new double[] {1, 2, 3},
                new double[] {1e308, -1.5e15, 999_999_999_999_999.0}, new double[0])), 28, 28, 2);
        String json = InkJson.write(ink);
        assertTrue(json.startsWith("{\"strokes\":[{\"points\":[[1,1,1E+308],[2,2,-1.5E+15],[3,3,999999999999999]]}"),
                json);
        assertArrayEquals(ink.strokes().getFirst().time(), InkJson.read(json, InputLimits.DEFAULT).strokes()
                .getFirst().time());
    }

    @Test
    void writesVerySmallAndFractionalNumbersSoThatTheyReadBackExactly() throws RecognitionException {
        Ink ink = new Ink(List.of(new Stroke(new double[] {12, 123.456789}, new double[] {1e-7, 999.5},
                        new double[] {0.00001, 1.5e9}, new double[] {1e-9, 0.1}),
                Stroke.of(new double[] {-0.05, 7.125, 0.001, -3.5}, new double[] {94.12, 0.3, 1.005, 22.22})),
                280.5, 140, 1.25);
        String json = InkJson.write(ink);
        assertTrue(json.startsWith("{\"strokes\":[{\"points\":[[12,1E-7,0.00001,1E-9],[123.456789,999.5,"
                + "1500000000,0.1]]},"), json);
        assertTrue(json.endsWith("]]}],\"width\":280.5,\"height\":140,\"penWidth\":1.25}"), json);
        Ink back = InkJson.read(json, InputLimits.DEFAULT);
        assertArrayEquals(ink.strokes().get(0).x(), back.strokes().get(0).x());
        assertArrayEquals(ink.strokes().get(0).y(), back.strokes().get(0).y());
        assertArrayEquals(ink.strokes().get(0).time(), back.strokes().get(0).time());
        assertArrayEquals(ink.strokes().get(0).pressure(), back.strokes().get(0).pressure());
        assertTrue(json.contains("{\"points\":[[-0.05,94.12],[7.125,0.3],[0.001,1.005],[-3.5,22.22]]}"), json);
        assertArrayEquals(ink.strokes().get(1).x(), back.strokes().get(1).x());
        assertArrayEquals(ink.strokes().get(1).y(), back.strokes().get(1).y());
        assertEquals(280.5, back.width());
        assertEquals(1.25, back.penWidth());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "{\"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": {}, \"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [[1, 2]], \"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[1]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[1, 2, 3, 4, 5]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[1, \"2\"]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[1, 2], [1, 2, 3]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[1, 2, 3, 1.5]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[1, 2]]}], \"width\": 0, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[1, 2]]}], \"width\": 280, \"height\": -280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[1, 2]]}], \"width\": 280, \"height\": 280, \"penWidth\": -1}",
        "{\"strokes\": [{\"points\": [[1, 2]]}], \"width\": 280, \"height\": 280}",
        "{\"strokes\": [{\"points\": [[1e400, 2]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[1, 2, -1e999]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[1, 2]]}], \"width\": 1e309, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[NaN, 2]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[0, 0], [10, 10]]}], \"width\": 280, \"height\": 280, \"penWidth\": 1e-39}",
        "{\"strokes\": [{\"points\": [[0, 0]]}], \"width\": 1e-300, \"height\": 1e-300, \"penWidth\": 1e-300}",
        "{\"strokes\": [{\"points\": [[1, 2]]}], \"width\": 280, \"height\": 9.9e-7, \"penWidth\": 18}",
    })
    void refusesWhatIsNotInkOrNoDrawingHas(String json) {
        InvalidInk e = assertThrows(InvalidInk.class, () -> InkJson.read(json, LIMITS));
        assertTrue(e.getMessage().contains("ink"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"strokes\": [{\"points\": []}, {\"points\": []}, {\"points\": []}, {\"points\": []}],"
                + " \"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[1, 2], [1, 2], [1, 2], [1, 2], [1, 2]]}], \"width\": 280, \"height\": 280,"
                + " \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[1001, 2]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [{\"points\": [[1, -1001]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [], \"width\": 1001, \"height\": 280, \"penWidth\": 18}",
        "{\"strokes\": [], \"width\": 280, \"height\": 280, \"penWidth\": 2000}",
        "{\"strokes\": [], \"width\": 280, \"height\": 140, \"penWidth\": 280.5}",
    })
    void refusesInkOverALimit(String json) {
        InkTooLarge e = assertThrows(InkTooLarge.class, () -> InkJson.read(json, LIMITS));
        assertTrue(e.getMessage().contains("at most"), e.getMessage());
    }

    @Test
    void theLeastSizeIsAccepted() throws Exception {
        Ink ink = InkJson.read("{\"strokes\": [], \"width\": 0.000001, \"height\": 1e-6, \"penWidth\": 1e-6}",
                LIMITS);
        assertEquals(Ink.MIN_SIZE, ink.width());
        assertEquals(Ink.MIN_SIZE, ink.penWidth());
    }

    @Test
    void aPenAsWideAsTheSurfaceIsAccepted() throws Exception {
        assertEquals(280, InkJson.read("{\"strokes\": [], \"width\": 280, \"height\": 140, \"penWidth\": 280}",
                LIMITS).penWidth());
    }

    @Test
    void anEmptyInkIsReadAsOneWithoutStrokes() throws RecognitionException {
        assertEquals(0, InkJson.read("{\"strokes\": [], \"width\": 280, \"height\": 280, \"penWidth\": 18}", LIMITS)
                .pointCount());
    }
}
