package io.mathsketch.server.api;

import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stored recognition as a resource: its id in either case, answers no shared cache keeps, its image in a type the
 * client accepts or 406, and a number correction within the limit a recognition has.
 */
class RecognitionResourceTest {

    /** Small enough that no ink is kept: its image is then the 28x28 input, PNG only. */
    private static final int MAX_ORIGINAL_BYTES = 64;
    private static final String INK = "{\"ink\": {\"strokes\": [{\"points\": [[140, 40], [141, 120], [142, 240]]}],"
            + " \"width\": 280, \"height\": 280, \"penWidth\": 18}}";

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2(Map.of("store.max-original-bytes",
            Integer.toString(MAX_ORIGINAL_BYTES)));

    @Test
    void anIdIsFoundInUpperCaseToo() {
        String id = created(SERVER.http().post("/api/v1/recognitions", "image/png", Digits.canvasPng(0)));
        String upper = id.toUpperCase(Locale.ROOT);

        Http.Response fetched = SERVER.http().get("/api/v1/recognitions/" + upper);
        assertEquals(200, fetched.status(), fetched::toString);
        assertEquals(id, fetched.json().getString("id"));
        assertEquals(200, SERVER.http().get("/api/v1/recognitions/" + upper + "/image").status());
        Http.Response deleted = SERVER.http().send(SERVER.http().request("/api/v1/recognitions/" + upper).DELETE()
                .build());
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals(404, SERVER.http().get("/api/v1/recognitions/" + id).status());
    }

    @Test
    void answersForOneClientAreNotSharedByCaches() {
        String id = created(SERVER.http().post("/api/v1/recognitions", "image/png", Digits.canvasPng(1)));
        for (String path : new String[] {"/api/v1/recognitions/" + id, "/api/v1/recognitions?limit=1",
                "/api/v1/recognitions/0190f4c2-0000-7000-8000-000000000000"}) {
            Http.Response response = SERVER.http().get(path);
            assertEquals(Optional.of("private"), response.header("Cache-Control"), path + ": " + response);
            assertEquals(Optional.of("Cookie, X-Client-Id, Authorization"), response.header("Vary"), path);
        }
    }

    /** The image's type is chosen by Accept: a cache must not give one Accept's answer (or its 406) to another. */
    @Test
    void theImageVariesByAcceptAsWellAsByClient() {
        String id = created(SERVER.http().postJson("/api/v1/recognitions", INK));
        String image = "/api/v1/recognitions/" + id + "/image";
        for (String accept : new String[] {"image/png", "application/vnd.mathsketch.ink+json"}) {
            Http.Response response = image(image, accept);
            assertEquals(Optional.of("private"), response.header("Cache-Control"), accept + ": " + response);
            assertEquals(Optional.of("Cookie, X-Client-Id, Authorization, Accept"), response.header("Vary"),
                    accept + ": " + response);
        }
        Http.Response unknown = SERVER.http().get("/api/v1/recognitions/0190f4c2-0000-7000-8000-000000000000/image");
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals(Optional.of("Cookie, X-Client-Id, Authorization, Accept"), unknown.header("Vary"));
    }

    @Test
    void inkNotKeptAskedForAsInkIs406UnlessPngIsAcceptedToo() {
        String id = created(SERVER.http().postJson("/api/v1/recognitions", INK));
        String image = "/api/v1/recognitions/" + id + "/image";

        Http.Response inkOnly = image(image, "application/vnd.mathsketch.ink+json");
        assertEquals(406, inkOnly.status(), inkOnly::toString);
        assertEquals("not-acceptable", inkOnly.problem());

        Http.Response inkOrPng = image(image, "application/vnd.mathsketch.ink+json, image/png;q=0.5");
        assertEquals(200, inkOrPng.status(), inkOrPng::toString);
        assertEquals(Optional.of("image/png"), inkOrPng.header("Content-Type"));
        assertEquals(Optional.of("image/png"), SERVER.http().get(image).header("Content-Type"), "no Accept");
    }

    @Test
    void aNumberCorrectionLongerThanANumberCanBeIs422() {
        String id = created(SERVER.http().post("/api/v1/recognitions?mode=number", "image/png",
                Digits.canvasPng(2)));
        int maxDigits = InputLimits.DEFAULT.maxDigits();
        String feedback = "/api/v1/recognitions/" + id + "/feedback";

        assertEquals(200, SERVER.http().putJson(feedback, "{\"label\": \"" + "7".repeat(maxDigits) + "\"}").status());
        Http.Response tooLong = SERVER.http().putJson(feedback, "{\"label\": \"" + "7".repeat(maxDigits + 1) + "\"}");
        assertEquals(422, tooLong.status(), tooLong::toString);
        assertEquals("too-many-digits", tooLong.problem());
    }

    @Test
    void aFeedbackBodyThatIsNoLabelIs400NeverA500() {
        String id = created(SERVER.http().post("/api/v1/recognitions?mode=number", "image/png",
                Digits.canvasPng(2)));
        String feedback = "/api/v1/recognitions/" + id + "/feedback";
        // As deep and as long as a feedback body may be (a larger one is 413 unparsed: FeedbackBodyTest).
        int room = FeedbackLabel.MAX_BODY_BYTES - "{\"label\": }".length();
        for (String body : new String[] {
            "{\"label\": " + "[".repeat(room / 2) + "]".repeat(room / 2) + "}",
            "{\"label\": " + "1".repeat(room) + "}",
            "{\"label\": 1e999999999}", "{\"label\": 1e99999999999}", "{\"label\": 7.5}", "{\"label\": -1}",
            "{\"label\": \"7\", \"label\": \"8\"}", "[]", "{\"x\": 1}", "{\"label\": null}",
        }) {
            Http.Response response = SERVER.http().putJson(feedback, body);
            assertEquals(400, response.status(), () -> body.substring(0, Math.min(60, body.length())) + " -> "
                    + response);
            assertEquals("bad-request", response.problem());
            assertFalse(response.json().getString("detail").contains("JsonParser"), response::toString);
        }
        // Unknown members are skipped however deep, as events: no stack, no tree.
        int depth = (room - 32) / "{\"a\": }".length();
        Http.Response deep = SERVER.http().putJson(feedback, "{\"x\": " + "{\"a\": ".repeat(depth) + "1"
                + "}".repeat(depth) + ", \"label\": \"7\"}");
        assertEquals(200, deep.status(), deep::toString);
        assertEquals("7", deep.json().getJsonObject("feedback").getString("label"));
    }

    @Test
    void aNumberLabelIsReadByItsExactValueLikeItsDigitsAsAString() {
        String id = created(SERVER.http().post("/api/v1/recognitions?mode=number", "image/png",
                Digits.canvasPng(2)));
        String feedback = "/api/v1/recognitions/" + id + "/feedback";
        // 2^63 and 2^64 - 1 once wrapped to negative longs and were refused where 2^64 was taken.
        for (String digits : new String[] {"9223372036854775808", "18446744073709551615", "18446744073709551616"}) {
            Http.Response number = SERVER.http().putJson(feedback, "{\"label\": " + digits + "}");
            assertEquals(200, number.status(), number::toString);
            assertEquals(digits, number.json().getJsonObject("feedback").getString("label"));
        }
        for (String[] same : new String[][] {{"7.0", "7"}, {"7e0", "7"}, {"70e-1", "7"}, {"-0", "0"}, {"1E3", "1000"}}) {
            Http.Response number = SERVER.http().putJson(feedback, "{\"label\": " + same[0] + "}");
            assertEquals(200, number.status(), number::toString);
            assertEquals(same[1], number.json().getJsonObject("feedback").getString("label"), same[0]);
        }
        String tooLong = "7".repeat(InputLimits.DEFAULT.maxDigits() + 1);
        Http.Response number = SERVER.http().putJson(feedback, "{\"label\": " + tooLong + "}");
        Http.Response string = SERVER.http().putJson(feedback, "{\"label\": \"" + tooLong + "\"}");
        assertEquals(422, number.status(), number::toString);
        assertEquals(string.problem(), number.problem());
    }

    @Test
    void aWrongExpressionCorrectionSaysAnExpression() {
        String id = created(SERVER.http().postJson("/api/v1/recognitions", "{\"mode\": \"expression\", "
                + INK.substring(1)));
        Http.Response wrong = SERVER.http().putJson("/api/v1/recognitions/" + id + "/feedback",
                "{\"label\": \"?\"}");
        assertEquals(400, wrong.status(), wrong::toString);
        assertTrue(wrong.json().getString("detail").endsWith("for an expression recognition"),
                wrong::toString);
    }

    /**
     * A control character in a label is refused, in every mode and wherever it stands: trimming and the expression
     * symbols' reading once dropped it: {@code "1+"} followed by U+0000 was stored as {@code "1+"} with 200. Plain
     * spaces are still dropped.
     */
    @Test
    void aLabelWithAControlCharacterIs400AndNothingIsStored() {
        String expression = created(SERVER.http().postJson("/api/v1/recognitions", "{\"mode\": \"expression\", "
                + INK.substring(1)));
        String number = created(SERVER.http().post("/api/v1/recognitions?mode=number", "image/png",
                Digits.canvasPng(2)));
        String digit = created(SERVER.http().post("/api/v1/recognitions", "image/png", Digits.canvasPng(2)));
        String[][] cases = {
            {expression, "1+\\u0000"}, {expression, "1\\u001f+1"}, {expression, "\\t1+1"}, {expression, "1+1\\n"},
            {expression, "1+1\\u0085"}, {number, "12\\u0000"}, {number, "\\u00001"}, {digit, "7\\r"},
            {digit, "\\u007f7"},
        };
        for (String[] c : cases) {
            String body = "{\"label\": \"" + c[1] + "\"}";
            Http.Response response = SERVER.http().putJson("/api/v1/recognitions/" + c[0] + "/feedback", body);
            assertEquals(400, response.status(), body + " -> " + response);
            assertEquals("bad-request", response.problem(), body);
            assertTrue(response.json().getString("detail").contains("control character"), response::toString);
            assertTrue(SERVER.http().get("/api/v1/recognitions/" + c[0]).json().isNull("feedback"), body);
        }
        Http.Response spaced = SERVER.http().putJson("/api/v1/recognitions/" + expression + "/feedback",
                "{\"label\": \" 1 + \"}");
        assertEquals(200, spaced.status(), spaced::toString);
        assertEquals("1+", spaced.json().getJsonObject("feedback").getString("label"));
    }

    private static Http.Response image(String path, String accept) {
        return SERVER.http().send(SERVER.http().request(path).header("Accept", accept).GET().build());
    }

    private static String created(Http.Response response) {
        assertEquals(201, response.status(), response::toString);
        return response.json().getString("id");
    }
}
