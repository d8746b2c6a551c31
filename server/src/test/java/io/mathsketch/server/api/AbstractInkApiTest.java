package io.mathsketch.server.api;

import io.mathsketch.corpus.attack.AttackInks;
import io.mathsketch.corpus.fixtures.CanvasFixture;
import io.mathsketch.corpus.fixtures.CanvasFixtures;
import io.mathsketch.corpus.fixtures.InkNumbers;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.engine.image.Ink;
import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.ink.InkJson;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.TestDatabase;
import io.mathsketch.server.testing.TestServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Digital ink through the recognition API end to end over HTTP: the drawing page's own ink (the Chromium canvas
 * fixtures) read in digit and number mode, kept as ink JSON and drawn back as PNG on demand, owned like any
 * recognition, and every ink no drawing has refused with a problem document. One subclass per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractInkApiTest {

    private static final String INK_TYPE = "application/vnd.mathsketch.ink+json";

    private TestServer server;
    private Http http;
    private List<CanvasFixture> fixtures;

    protected abstract TestDatabase createDatabase();

    @BeforeAll
    void start() {
        fixtures = CanvasFixtures.load();
        server = TestServer.startOwning(createDatabase(), Map.of(), DjlRecognizer::open);
        http = server.http();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readsThePagesInkKeepsItAndDrawsItBack() {
        for (int digit = 0; digit < 10; digit++) {
            CanvasFixture f = fixture(digit, 7);
            Http.Response created = http.postJson("/api/v1/recognitions", "{\"ink\": " + f.inkJson() + "}");
            assertEquals(201, created.status(), created::toString);
            JsonObject json = created.json();
            assertEquals(Integer.toString(digit), json.getString("text"), f.name());
            String id = json.getString("id");

            Http.Response image = http.get("/api/v1/recognitions/" + id + "/image");
            assertEquals(200, image.status());
            assertEquals("image/png", image.header("Content-Type").orElseThrow());
            BufferedImage drawn = png(image.body());
            assertEquals(280, drawn.getWidth());
            assertEquals(280, drawn.getHeight());
            assertTrue(darkShare(drawn) > 0.02 && darkShare(drawn) < 0.5, "ink on white: " + darkShare(drawn));

            Http.Response kept = http.send(http.request("/api/v1/recognitions/" + id + "/image")
                    .header("Accept", INK_TYPE).GET().build());
            assertEquals(INK_TYPE, kept.header("Content-Type").orElseThrow());
            assertEquals(f.inkJson().replaceAll("\\s", ""), kept.text(), "the ink is kept as it was sent");
        }
    }

    @Test
    void keptInkIsServedByTheAcceptsQValues() {
        Http.Response created = http.postJson("/api/v1/recognitions", "{\"ink\": " + fixture(7, 7).inkJson() + "}");
        assertEquals(201, created.status(), created::toString);
        String image = "/api/v1/recognitions/" + created.json().getString("id") + "/image";
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("", "image/png");
        expected.put("*/*", "image/png");
        expected.put(INK_TYPE, INK_TYPE);
        expected.put(INK_TYPE + ", image/png", INK_TYPE);
        expected.put(INK_TYPE + ";q=0, image/png", "image/png");
        expected.put(INK_TYPE + ";q=0.1, image/png;q=0.9", "image/png");
        expected.put("image/png;q=0.1, " + INK_TYPE + ";q=0.9", INK_TYPE);
        expected.put("image/png;q=0, " + INK_TYPE, INK_TYPE);
        expected.put("image/*;q=0, " + INK_TYPE + ";q=0.5", INK_TYPE);
        expected.put("image/png;q=0", "406");
        expected.put("*/*;q=0", "406");
        expected.put(INK_TYPE + ";q=0", "406");
        expected.put("image/png;q=0, */*", "406");
        expected.put("image/*;q=0, image/png", "image/png");
        expected.forEach((accept, answer) -> {
            Http.Response response = http.send(accept.isEmpty() ? http.request(image).GET().build()
                    : http.request(image).header("Accept", accept).GET().build());
            assertEquals(answer, answer.equals("406") ? Integer.toString(response.status())
                    : response.header("Content-Type").orElse(response.toString()), "Accept: " + accept);
        });
    }

    /** Whatever else a client puts in the ink object or its strokes is not stored with it. */
    @Test
    void onlyTheInkItselfIsKept() {
        String ink = "{\"note\": \"secret words\", \"strokes\": [{\"colour\": \"secret red\", \"points\": [[60, 50],"
                + " [220, 50], [120, 250]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}";
        Http.Response created = http.postJson("/api/v1/recognitions", "{\"ink\": " + ink + "}");
        assertEquals(201, created.status(), created::toString);
        Http.Response kept = http.send(http.request("/api/v1/recognitions/" + created.json().getString("id")
                + "/image").header("Accept", INK_TYPE).GET().build());
        assertEquals("{\"strokes\":[{\"points\":[[60,50],[220,50],[120,250]]}],\"width\":280,\"height\":280,"
                + "\"penWidth\":18}", kept.text());
    }

    @Test
    void readsANumberWrittenInInk() {
        List<CanvasFixture> digits = List.of(fixture(4, 2), fixture(0, 3), fixture(7, 4));
        Ink ink = InkNumbers.write(digits, new Random(13));
        Http.Response created = http.postJson("/api/v1/recognitions",
                "{\"mode\": \"number\", \"ink\": " + InkJson.write(ink) + "}");
        assertEquals(201, created.status(), created::toString);
        JsonObject json = created.json();
        assertEquals("407", json.getString("text"));
        assertEquals("number", json.getString("mode"));
        assertEquals(3, json.getJsonArray("digits").size());
        int previousRight = Integer.MIN_VALUE;
        for (var d : json.getJsonArray("digits").getValuesAs(JsonObject.class)) {
            JsonObject box = d.getJsonObject("box");
            assertTrue(box.getInt("x") >= previousRight - ink.penWidth(), "boxes left to right: " + json);
            previousRight = box.getInt("x") + box.getInt("width");
        }
        BufferedImage drawn = png(http.get("/api/v1/recognitions/" + json.getString("id") + "/image").body());
        assertEquals(Math.round(ink.width()), drawn.getWidth());
        assertEquals(280, drawn.getHeight());
    }

    @Test
    void inkWithoutStrokesIsBlankLikeABlankImage() {
        Http.Response empty = http.postJson("/api/v1/recognitions",
                "{\"ink\": {\"strokes\": [], \"width\": 280, \"height\": 280, \"penWidth\": 18}}");
        assertEquals(422, empty.status(), empty::toString);
        assertEquals("blank-image", empty.problem());
        Http.Response pointless = http.postJson("/api/v1/recognitions?mode=number",
                "{\"ink\": {\"strokes\": [{\"points\": []}], \"width\": 280, \"height\": 280, \"penWidth\": 18}}");
        assertEquals(422, pointless.status(), pointless::toString);
        assertEquals("blank-image", pointless.problem());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"strokes\": [{\"points\": [[1, 2]]}], \"width\": -280, \"height\": 280, \"penWidth\": 18}|invalid-ink",
        "{\"strokes\": [{\"points\": [[1, 2]]}], \"width\": 280, \"height\": 0, \"penWidth\": 18}|invalid-ink",
        "{\"strokes\": [{\"points\": [[1, 2]]}], \"width\": 280, \"height\": 280, \"penWidth\": -1}|invalid-ink",
        "{\"strokes\": [{\"points\": [[1e999, 2]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}|invalid-ink",
        "{\"strokes\": [{\"points\": [[1, 2]]}], \"width\": 1e999, \"height\": 280, \"penWidth\": 18}|invalid-ink",
        "{\"strokes\": [{\"points\": [[null, 2]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}|invalid-ink",
        "{\"strokes\": [{\"points\": [[\"NaN\", 2]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}|invalid-ink",
        "{\"strokes\": [{\"points\": [[1, 2, 0, 2]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}|invalid-ink",
        "{\"strokes\": [{\"points\": [[1, 2], [3]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}|invalid-ink",
        "{\"strokes\": [{\"points\": [[1, 2]]}], \"height\": 280, \"penWidth\": 18}|invalid-ink",
        "[]|invalid-ink",
        "{\"strokes\": [{\"points\": [[100001, 2]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}|ink-too-large",
        "{\"strokes\": [{\"points\": [[1, -100001]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}|ink-too-large",
        "{\"strokes\": [], \"width\": 100001, \"height\": 280, \"penWidth\": 18}|ink-too-large",
        // JSON has no NaN: a bare NaN is not JSON at all (a browser's JSON.stringify writes NaN as null, above).
        "{\"strokes\": [{\"points\": [[NaN, 2]]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}|bad-request",
    })
    void inkNoDrawingHasIsAProblem(String ink, String problem) {
        Http.Response response = http.postJson("/api/v1/recognitions", "{\"ink\": " + ink + "}");
        assertEquals(problem, response.problem(), response::toString);
        assertEquals(problem.equals("bad-request") ? 400 : 422, response.status());
    }

    @Test
    void inkOverTheStrokeAndPointLimitsIsRefused() {
        InputLimits limits = InputLimits.DEFAULT;
        StringBuilder strokes = new StringBuilder("{\"strokes\": [");
        for (int s = 0; s <= limits.maxInkStrokes(); s++) {
            strokes.append(s == 0 ? "" : ",").append("{\"points\": [[").append(s % 280).append(", 10]]}");
        }
        strokes.append("], \"width\": 280, \"height\": 280, \"penWidth\": 18}");
        Http.Response tooManyStrokes = http.postJson("/api/v1/recognitions", "{\"ink\": " + strokes + "}");
        assertEquals(422, tooManyStrokes.status(), tooManyStrokes::toString);
        assertEquals("ink-too-large", tooManyStrokes.problem());
        assertTrue(tooManyStrokes.json().getString("detail").contains(Integer.toString(limits.maxInkStrokes())));

        StringBuilder points = new StringBuilder("{\"strokes\": [{\"points\": [");
        for (int i = 0; i <= limits.maxInkStrokePoints(); i++) {
            points.append(i == 0 ? "" : ",").append("[").append(i % 280).append(",").append(i % 200).append("]");
        }
        points.append("]}], \"width\": 280, \"height\": 280, \"penWidth\": 18}");
        Http.Response tooManyPoints = http.postJson("/api/v1/recognitions?mode=number", "{\"ink\": " + points + "}");
        assertEquals(422, tooManyPoints.status(), tooManyPoints::toString);
        assertEquals("ink-too-large", tooManyPoints.problem());
    }

    @Test
    void inkTooCostlyToDrawIsRefusedAndItsPictureBounded() {
        String hugePen = "{\"ink\": " + AttackInks.hugePen() + "}";
        Http.Response expression = http.postJson("/api/v1/recognitions?mode=expression", hugePen);
        assertEquals(422, expression.status(), expression::toString);
        assertEquals("ink-too-large", expression.problem());
        assertTrue(expression.json().getString("detail").contains("limits.max-ink-work"), expression::toString);
        Http.Response wider = http.postJson("/api/v1/recognitions", "{\"ink\": " + AttackInks.penWiderThanSurface()
                + "}");
        assertEquals("ink-too-large", wider.problem(), wider::toString);

        // Digit mode draws it at 28x28, where the pen costs little; its picture would be drawn at 560 x 560, where it
        // costs more than the budget: the stored 28x28 input is served instead.
        Http.Response digit = http.postJson("/api/v1/recognitions?mode=digit", hugePen);
        assertEquals(201, digit.status(), digit::toString);
        Http.Response image = http.get("/api/v1/recognitions/" + digit.json().getString("id") + "/image");
        assertEquals(200, image.status());
        assertEquals("image/png", image.header("Content-Type").orElseThrow());
        assertEquals(28, png(image.body()).getWidth());
    }

    @Test
    void oneInputAtATime() {
        String ink = fixture(3, 0).inkJson();
        Http.Response both = http.postJson("/api/v1/recognitions",
                "{\"ink\": " + ink + ", \"image\": \"data:image/png;base64,AAAA\"}");
        assertEquals(400, both.status(), both::toString);
        assertEquals("bad-request", both.problem());
    }

    @Test
    void inkIsOwnedLikeAnyRecognition() {
        String id = http.postJson("/api/v1/recognitions", "{\"ink\": " + fixture(5, 1).inkJson() + "}").json()
                .getString("id");
        Http other = http.asClient("another-ink-client-0001");
        assertEquals(404, other.get("/api/v1/recognitions/" + id + "/image").status());
        assertEquals(404, other.get("/api/v1/recognitions/" + id).status());
        List<String> mine = new ArrayList<>();
        http.get("/api/v1/recognitions?limit=100").json().getJsonArray("items")
                .forEach(v -> mine.add(v.asJsonObject().getString("id")));
        assertTrue(mine.contains(id));
        assertEquals(200, http.putJson("/api/v1/recognitions/" + id + "/feedback", "{\"label\": 5}").status());
    }

    @Test
    void inkRecognitionsAndTheirCorrectionsAreCountedInTheStatistics() {
        JsonObject before = http.get("/api/v1/stats").json();
        CanvasFixture three = fixture(3, 5);
        JsonObject read = http.postJson("/api/v1/recognitions", "{\"ink\": " + three.inkJson() + "}").json();
        String predicted = read.getString("text");
        String wrong = predicted.equals("8") ? "2" : "8";
        assertEquals(200, http.putJson("/api/v1/recognitions/" + read.getString("id") + "/feedback",
                "{\"label\": " + wrong + "}").status());
        JsonObject after = http.get("/api/v1/stats").json();
        assertEquals(before.getInt("total") + 1, after.getInt("total"));
        assertEquals(before.getInt("corrected") + 1, after.getInt("corrected"));
        assertEquals(before.getInt("correct"), after.getInt("correct"));
        long confused = after.getJsonArray("models").getJsonObject(0).getJsonArray("confusion")
                .getJsonArray(Integer.parseInt(wrong)).getJsonNumber(Integer.parseInt(predicted)).longValue();
        assertTrue(confused >= 1, after::toString);
    }

    private CanvasFixture fixture(int label, int index) {
        return fixtures.stream().filter(f -> f.label() == label).skip(index).findFirst().orElseThrow();
    }

    private static BufferedImage png(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Share of pixels darker than mid-grey. */
    private static double darkShare(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                dark += (image.getRGB(x, y) & 0xFF) < 128 ? 1 : 0;
            }
        }
        return (double) dark / (image.getWidth() * image.getHeight());
    }
}
