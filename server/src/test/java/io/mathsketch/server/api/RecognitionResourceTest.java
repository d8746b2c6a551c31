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
        for (String path : new String[] {"/api/v1/recognitions/" + id, "/api/v1/recognitions/" + id + "/image",
                "/api/v1/recognitions?limit=1", "/api/v1/recognitions/0190f4c2-0000-7000-8000-000000000000"}) {
            Http.Response response = SERVER.http().get(path);
            assertEquals(Optional.of("private"), response.header("Cache-Control"), path + ": " + response);
            assertEquals(Optional.of("Cookie, X-Client-Id, Authorization"), response.header("Vary"), path);
        }
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
    void aWrongExpressionCorrectionSaysAnExpression() {
        String id = created(SERVER.http().postJson("/api/v1/recognitions", "{\"mode\": \"expression\", "
                + INK.substring(1)));
        Http.Response wrong = SERVER.http().putJson("/api/v1/recognitions/" + id + "/feedback",
                "{\"label\": \"?\"}");
        assertEquals(400, wrong.status(), wrong::toString);
        assertTrue(wrong.json().getString("detail").endsWith("for an expression recognition"),
                wrong::toString);
    }

    private static Http.Response image(String path, String accept) {
        return SERVER.http().send(SERVER.http().request(path).header("Accept", accept).GET().build());
    }

    private static String created(Http.Response response) {
        assertEquals(201, response.status(), response::toString);
        return response.json().getString("id");
    }
}
