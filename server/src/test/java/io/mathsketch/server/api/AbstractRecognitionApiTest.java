package io.mathsketch.server.api;

import io.mathsketch.engine.inference.DjlRecognizer;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.SpeckImages;
import io.mathsketch.engine.testing.MetadataFixtures;
import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.MultipartBodies;
import io.mathsketch.server.testing.TestDatabase;
import io.mathsketch.server.testing.TestServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recognition API end to end over HTTP, against the real engine with the committed model and a real database.
 * One subclass per database, so every statement and migration runs on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractRecognitionApiTest {

    /** Originals above this are not kept; canvas PNGs are well under it, a 280x280 BMP is well over. */
    private static final int ORIGINAL_CAP = 50_000;
    private static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";

    private TestServer server;
    private Http http;

    protected abstract TestDatabase createDatabase();

    /** A database of this kind that the outage test may stop and restart (never a shared external server). */
    protected abstract TestDatabase createStoppableDatabase();

    @BeforeAll
    void start() {
        server = TestServer.startOwning(createDatabase(), Map.of(
                "store.max-original-bytes", Integer.toString(ORIGINAL_CAP), "admin.token", ADMIN_TOKEN),
                DjlRecognizer::open);
        http = server.http();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void recognisesACanvasPngStoresItAndServesItBack() {
        byte[] png = Digits.canvasPng(0);
        Http.Response created = http.post("/api/v1/recognitions", "image/png", png);

        assertEquals(201, created.status(), created::toString);
        JsonObject json = created.json();
        String id = json.getString("id");
        assertEquals("/api/v1/recognitions/" + id, created.header("Location").orElseThrow());
        assertEquals(String.valueOf(Digits.label(0)), json.getString("text"));
        assertEquals(Digits.label(0), json.getInt("digit"));
        assertTrue(json.getBoolean("stored"));
        assertEquals(10, json.getJsonArray("probabilities").size());
        assertEquals(3, json.getJsonArray("topK").size());
        assertEquals(json.getString("text"), json.getJsonArray("topK").getJsonObject(0).getString("label"));
        assertTrue(json.getJsonNumber("confidence").doubleValue() > 0.5, json::toString);
        assertEquals("mnist-cnn", json.getJsonObject("model").getString("name"));
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);

        JsonObject fetched = http.get("/api/v1/recognitions/" + id).json();
        assertEquals(id, fetched.getString("id"));
        assertEquals(json.getString("text"), fetched.getString("text"));
        assertEquals(json.getString("createdAt"), fetched.getString("createdAt"));
        assertEquals(json.getJsonArray("probabilities"), fetched.getJsonArray("probabilities"));
        assertTrue(fetched.isNull("feedback"));

        Http.Response image = http.get("/api/v1/recognitions/" + id + "/image");
        assertEquals(200, image.status());
        assertEquals("image/png", image.header("Content-Type").orElseThrow());
        assertArrayEquals(png, image.body());
    }

    @Test
    void fieldsAsksForSomeFieldsAndTheDefaultIsEveryField() {
        byte[] png = Digits.canvasPng(4);

        JsonObject full = http.post("/api/v1/recognitions", "image/png", png).json();
        Http.Response few = http.post("/api/v1/recognitions?fields=text,confidence", "image/png", png);
        JsonObject fetched = http.get("/api/v1/recognitions/" + full.getString("id") + "?fields=digit").json();
        JsonObject listed = http.get("/api/v1/recognitions?limit=1&fields=mode,stored").json()
                .getJsonArray("items").getJsonObject(0);

        // A digit-mode answer has every field but an expression's; ResponseFields.ALL must name them all, in order.
        assertEquals(ResponseFields.ALL.stream().filter(f -> !f.equals("expression")).toList(),
                List.copyOf(full.keySet()));
        assertEquals(201, few.status(), few::toString);
        assertEquals(List.of("id", "text", "confidence"), List.copyOf(few.json().keySet()));
        assertEquals(full.getString("text"), few.json().getString("text"));
        assertEquals(List.of("id", "digit"), List.copyOf(fetched.keySet()));
        assertEquals(full.getInt("digit"), fetched.getInt("digit"));
        assertEquals(List.of("id", "mode", "stored"), List.copyOf(listed.keySet()));
        assertEquals("bad-request", http.post("/api/v1/recognitions?fields=text,secrets", "image/png", png).problem());
        assertTrue(few.body().length * 5 < http.post("/api/v1/recognitions", "image/png", png).body().length,
                "the sparse answer is a fraction of the full one");
    }

    @Test
    void readsEveryInputFormTheSame() {
        int index = 1;
        String expected = String.valueOf(Digits.label(index));
        byte[] png = Digits.canvasPng(index);

        String boundary = "----mathsketch" + System.nanoTime();
        byte[] multipart = MultipartBodies.form(boundary, png);
        Http.Response form = http.post("/api/v1/recognitions", "multipart/form-data; boundary=" + boundary,
                multipart);
        assertEquals(201, form.status(), form::toString);
        assertEquals(expected, form.json().getString("text"));

        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        Http.Response json = http.postJson("/api/v1/recognitions", "{\"image\":\"" + dataUrl + "\",\"mode\":\"digit\"}");
        assertEquals(201, json.status(), json::toString);
        assertEquals(expected, json.json().getString("text"));

        Http.Response pixels = http.postJson("/api/v1/recognitions", "{\"pixels\":" + Digits.pixelsJson(index) + "}");
        assertEquals(201, pixels.status(), pixels::toString);
        assertEquals(expected, pixels.json().getString("text"));
        BufferedImage input = image(http.get("/api/v1/recognitions/" + pixels.json().getString("id") + "/image"));
        assertEquals(28, input.getWidth());
        assertEquals(28, input.getHeight());

        byte[] jpeg = CanvasRenderer.encode(CanvasRenderer.white(280, 280)
                .image(List.of(CanvasRenderer.place(Digits.digit(index), 0, 0, 10))), "jpeg");
        Http.Response fromJpeg = http.post("/api/v1/recognitions", "image/jpeg", jpeg);
        assertEquals(expected, fromJpeg.json().getString("text"));
        Http.Response jpegBack = http.get("/api/v1/recognitions/" + fromJpeg.json().getString("id") + "/image");
        assertEquals("image/jpeg", jpegBack.header("Content-Type").orElseThrow());
        assertArrayEquals(jpeg, jpegBack.body());

        byte[] bmp = CanvasRenderer.encode(CanvasRenderer.white(280, 280)
                .image(List.of(CanvasRenderer.place(Digits.digit(index), 0, 0, 10))), "bmp");
        assertTrue(bmp.length > ORIGINAL_CAP);
        Http.Response large = http.post("/api/v1/recognitions", "image/bmp", bmp);
        assertEquals(201, large.status(), large::toString);
        assertEquals(expected, large.json().getString("text"));
        Http.Response served = http.get("/api/v1/recognitions/" + large.json().getString("id") + "/image");
        assertEquals("image/png", served.header("Content-Type").orElseThrow());
        assertEquals(28, image(served).getWidth(), "an original over the cap is served as its 28x28 input");
    }

    @Test
    void originalsAreKeptWithoutTheirMetadata() {
        byte[] secret = MetadataFixtures.SECRET.getBytes(StandardCharsets.UTF_8);
        byte[] jpeg = CanvasRenderer.encode(CanvasRenderer.white(280, 280)
                .image(List.of(CanvasRenderer.place(Digits.digit(3), 0, 0, 10))), "jpeg");
        byte[] photo = MetadataFixtures.jpegWithExifGps(jpeg, 1);
        byte[] png = MetadataFixtures.pngWithTextAndExif(Digits.canvasPng(3), 1);
        BufferedImage small = CanvasRenderer.white(120, 120)
                .image(List.of(CanvasRenderer.place(Digits.digit(3), 4, 4, 4)));
        byte[] gif = MetadataFixtures.gifWithTextExtensions(
                MetadataFixtures.gifWithComment(CanvasRenderer.encode(small, "gif")));
        byte[] bmp = MetadataFixtures.bmpWithHiddenData(CanvasRenderer.encode(small, "bmp"));
        assertTrue(MetadataFixtures.contains(photo, MetadataFixtures.latitudeBytes()), "the upload carries GPS");

        for (Map.Entry<String, byte[]> sent : Map.of("image/jpeg", photo, "image/png", png, "image/gif", gif,
                "image/bmp", bmp).entrySet()) {
            byte[] upload = sent.getValue();
            Http.Response created = http.post("/api/v1/recognitions", sent.getKey(), upload);
            assertEquals(201, created.status(), created::toString);
            assertEquals(String.valueOf(Digits.label(3)), created.json().getString("text"));
            byte[] kept = http.get("/api/v1/recognitions/" + created.json().getString("id") + "/image").body();
            assertFalse(MetadataFixtures.contains(kept, secret), sent.getKey()
                    + ": EXIF, XMP, comments, text chunks and extensions, a BMP's profile path and trailing bytes are gone");
            assertFalse(MetadataFixtures.contains(kept, MetadataFixtures.latitudeBytes()), "GPS is gone");
            assertFalse(MetadataFixtures.contains(kept, "Exif".getBytes(StandardCharsets.ISO_8859_1)));
            assertTrue(kept.length < upload.length && kept.length > 100, "the original itself is kept: " + kept.length);
        }

        // A photo its phone stored sideways (EXIF orientation 6) is kept upright, as it was meant to be seen.
        byte[] wide = CanvasRenderer.encode(CanvasRenderer.white(300, 200)
                .image(List.of(CanvasRenderer.place(Digits.digit(3), 0, 0, 7))), "jpeg");
        Http.Response sideways = http.post("/api/v1/recognitions", "image/jpeg",
                MetadataFixtures.jpegWithExifGps(wide, 6));
        assertEquals(201, sideways.status(), sideways::toString);
        Http.Response kept = http.get("/api/v1/recognitions/" + sideways.json().getString("id") + "/image");
        assertFalse(MetadataFixtures.contains(kept.body(), secret));
        assertEquals("image/jpeg", kept.header("Content-Type").orElseThrow());
        BufferedImage upright = image(kept);
        assertEquals(200, upright.getWidth());
        assertEquals(300, upright.getHeight());
    }

    @Test
    void readsANumberLeftToRight() {
        List<Integer> indices = List.of(2, 0, 3);
        byte[] png = CanvasRenderer.white(560, 200).png(CanvasRenderer.row(
                indices.stream().map(Digits::digit).toList(), 10, 20, 5, 40, 40));
        Http.Response response = http.post("/api/v1/recognitions?mode=number", "image/png", png);

        assertEquals(201, response.status(), response::toString);
        JsonObject json = response.json();
        StringBuilder expected = new StringBuilder();
        indices.forEach(i -> expected.append(Digits.label(i)));
        assertEquals("number", json.getString("mode"));
        assertEquals(expected.toString(), json.getString("text"));
        assertTrue(json.isNull("digit"));
        assertEquals(3, json.getJsonArray("digits").size());
        assertEquals(expected.toString(), http.get("/api/v1/recognitions/" + json.getString("id")).json()
                .getString("text"));
    }

    @Test
    void digitAndNumberModeRefuseAModelThatCannotReadDigitsAndStoreNothing() {
        Http client = http.asClient("unsuitable-0123456789ab");
        for (String model : List.of("mathsketch-digit-pairs", "mathsketch-digit-verifier", "mathsketch-symbols")) {
            for (String mode : List.of("digit", "number")) {
                Http.Response response = client.post("/api/v1/recognitions?model=" + model + "&mode=" + mode,
                        "image/png", Digits.canvasPng(7));
                assertEquals(422, response.status(), model + " " + mode + ": " + response);
                assertEquals("unsuitable-model", response.problem());
            }
        }
        assertEquals(List.of(), ids(client.get("/api/v1/recognitions?limit=100")), "nothing stored");
        assertEquals(201, client.post("/api/v1/recognitions?model=mnist-cnn&mode=number", "image/png",
                Digits.canvasPng(7)).status());
    }

    @Test
    void aFormsModeModelAndStoreFieldsAreReadLikeTheQuery() {
        List<Integer> indices = List.of(5, 6);
        byte[] png = CanvasRenderer.white(400, 200).png(CanvasRenderer.row(
                indices.stream().map(Digits::digit).toList(), 10, 20, 5, 40, 40));
        String boundary = "----mathsketch" + System.nanoTime();
        Http.Response number = http.post("/api/v1/recognitions?mode=digit", "multipart/form-data; boundary="
                + boundary, MultipartBodies.form(boundary, png, Map.of("mode", "number", "model", "mnist-cnn")));
        assertEquals(201, number.status(), number::toString);
        assertEquals("number", number.json().getString("mode"), "the form's field wins over the query");
        assertEquals("" + Digits.label(5) + Digits.label(6), number.json().getString("text"));

        Http.Response unstored = http.post("/api/v1/recognitions", "multipart/form-data; boundary=" + boundary,
                MultipartBodies.form(boundary, Digits.canvasPng(1), Map.of("store", "false")));
        assertEquals(200, unstored.status(), unstored::toString);
        assertFalse(unstored.json().getBoolean("stored"));
        assertEquals("bad-request", http.post("/api/v1/recognitions", "multipart/form-data; boundary=" + boundary,
                MultipartBodies.form(boundary, Digits.canvasPng(1), Map.of("mode", "roman"))).problem());
    }

    @Test
    void aMillionSpecksInNumberModeAreAProblemNotAFailure() {
        // Issue 12's attack: a small PNG of 4096x4096 pixels and a million specks once ran the server out of memory.
        Http.Response specks = http.post("/api/v1/recognitions?mode=number", "image/png",
                SpeckImages.grid(4096, 4, 1));
        assertEquals(422, specks.status(), specks::toString);
        assertFalse(specks.problem().isEmpty(), specks::toString);
        Http.Response grains = http.post("/api/v1/recognitions?mode=number", "image/png",
                SpeckImages.grid(4096, 8, 3));
        assertEquals(422, grains.status(), grains::toString);
        assertEquals("too-many-digits", grains.problem(), grains::toString);
        assertEquals(201, http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(1)).status());
    }

    @Test
    void storeFalseAnswersWithoutKeeping() {
        Http.Response response = http.post("/api/v1/recognitions?store=false", "image/png", Digits.canvasPng(2));

        assertEquals(200, response.status(), response::toString);
        assertFalse(response.json().getBoolean("stored"));
        assertTrue(response.header("Location").isEmpty());
        assertTrue(response.header("Warning").isEmpty(), "not storing on request is not a warning");
        assertEquals(404, http.get("/api/v1/recognitions/" + response.json().getString("id")).status());
    }

    @Test
    void listsNewestFirstPageByPage() {
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            posted.add(http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(10 + i)).json()
                    .getString("id"));
        }
        List<String> listed = new ArrayList<>();
        String cursor = "";
        do {
            JsonObject page = http.get("/api/v1/recognitions?limit=2&cursor=" + cursor).json();
            JsonArray items = page.getJsonArray("items");
            assertTrue(items.size() <= 2);
            items.getValuesAs(JsonObject.class).forEach(item -> listed.add(item.getString("id")));
            cursor = page.isNull("nextCursor") ? null : page.getString("nextCursor");
        } while (cursor != null && listed.size() < 5);

        assertEquals(List.of(posted.get(4), posted.get(3), posted.get(2), posted.get(1), posted.get(0)),
                listed.subList(0, 5));
        assertEquals(0, http.get("/api/v1/recognitions?model=no-such-model").json().getJsonArray("items").size());
        JsonArray byModel = http.get("/api/v1/recognitions?model=mnist-cnn&limit=100").json().getJsonArray("items");
        assertTrue(byModel.size() >= 5);
        String label = String.valueOf(Digits.label(10));
        JsonArray byLabel = http.get("/api/v1/recognitions?limit=100&label=" + label).json().getJsonArray("items");
        assertFalse(byLabel.isEmpty());
        byLabel.getValuesAs(JsonObject.class).forEach(item -> assertEquals(label,
                item.isNull("feedback") ? item.getString("text") : item.getJsonObject("feedback").getString("label")));
    }

    @Test
    void feedbackIsKeptAndCountedInTheStatistics() {
        JsonObject before = http.get("/api/v1/stats").json();
        String id = http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(3)).json().getString("id");
        String predicted = http.get("/api/v1/recognitions/" + id).json().getString("text");
        String wrong = predicted.equals("8") ? "3" : "8";

        Http.Response corrected = http.putJson("/api/v1/recognitions/" + id + "/feedback", "{\"label\": " + wrong + "}");
        assertEquals(200, corrected.status(), corrected::toString);
        assertEquals(wrong, corrected.json().getJsonObject("feedback").getString("label"));
        assertEquals(wrong, http.get("/api/v1/recognitions/" + id).json().getJsonObject("feedback").getString("label"));

        String other = http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(4)).json().getString("id");
        String otherText = http.get("/api/v1/recognitions/" + other).json().getString("text");
        assertEquals(200, http.putJson("/api/v1/recognitions/" + other + "/feedback",
                "{\"label\": \"" + otherText + "\"}").status());

        Http.Response stats = http.get("/api/v1/stats");
        JsonObject after = stats.json();
        // The test server sets stats.max-age to zero: computed now, to be reused by no cache.
        assertEquals(Optional.of("private, max-age=0"), stats.header("Cache-Control"));
        assertFalse(Instant.parse(after.getString("computedAt")).isBefore(Instant.parse(before.getString("computedAt"))));
        assertEquals(before.getInt("total") + 2, after.getInt("total"));
        assertEquals(before.getInt("corrected") + 2, after.getInt("corrected"));
        assertEquals(before.getInt("correct") + 1, after.getInt("correct"));
        JsonObject model = after.getJsonArray("models").getJsonObject(0);
        assertEquals("mnist-cnn", model.getString("name"));
        long confused = model.getJsonArray("confusion").getJsonArray(Integer.parseInt(wrong))
                .getJsonNumber(Integer.parseInt(predicted)).longValue();
        assertTrue(confused >= 1, model::toString);
        double accuracy = after.getJsonNumber("accuracy").doubleValue();
        assertEquals((double) after.getInt("correct") / after.getInt("corrected"), accuracy, 1e-9);

        assertEquals("not-found", http.putJson("/api/v1/recognitions/0193f1d2-0000-7000-8000-000000000000/feedback",
                "{\"label\": \"7\"}").problem());
        assertEquals("bad-request", http.putJson("/api/v1/recognitions/" + id + "/feedback", "{\"label\": \"x\"}")
                .problem());
        assertEquals("bad-request", http.putJson("/api/v1/recognitions/" + id + "/feedback", "{\"label\": 12}")
                .problem());
        assertEquals("bad-request", http.putJson("/api/v1/recognitions/" + id + "/feedback", "{\"label\"").problem());
    }

    @Test
    void theOwnerDeletesARecognitionWithEverythingKeptAndNobodyElseCan() {
        Http alice = http.asClient("alice-delete-0123456789");
        Http bob = http.asClient("bob-delete-0123456789ab");
        String id = alice.post("/api/v1/recognitions", "image/png", Digits.canvasPng(3)).json().getString("id");
        String path = "/api/v1/recognitions/" + id;
        assertEquals(200, alice.putJson(path + "/feedback", "{\"label\": 3}").status());

        // Another client's delete is answered like an unknown id and leaves the recognition as it was.
        Http.Response bobs = send(bob, "DELETE", path);
        assertEquals(404, bobs.status(), bobs::toString);
        assertEquals("not-found", bobs.problem());
        assertEquals(200, alice.get(path).status());
        assertEquals(200, alice.get(path + "/image").status());

        Http.Response deleted = send(alice, "DELETE", path);
        assertEquals(204, deleted.status(), deleted::toString);
        assertEquals(0, deleted.body().length);
        for (String gone : List.of(path, path + "/image")) {
            Http.Response after = alice.get(gone);
            assertEquals(404, after.status(), gone + ": " + after);
            assertEquals("not-found", after.problem());
        }
        assertEquals("not-found", alice.putJson(path + "/feedback", "{\"label\": 3}").problem());
        assertFalse(ids(alice.get("/api/v1/recognitions?limit=100")).contains(id));
        assertEquals(404, http.asClient("operator-delete-012345").withAdminToken(ADMIN_TOKEN).get(path).status(),
                "gone for the admin too");
        Http.Response again = send(alice, "DELETE", path);
        assertEquals(404, again.status(), again::toString);
        assertEquals("not-found", again.problem());
        assertEquals("not-found", send(alice, "DELETE", "/api/v1/recognitions/not-an-id").problem());
    }

    private static Http.Response send(Http client, String method, String path) {
        return client.send(client.request(path).method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
    }

    @Test
    void eachClientSeesOnlyItsOwnRecognitionsAndTheAdminSeesAll() {
        Http alice = http.asClient("alice-0123456789abcdef");
        Http bob = http.asClient("bob-0123456789abcdef");
        JsonObject before = http.get("/api/v1/stats").json();
        String id = alice.post("/api/v1/recognitions", "image/png", Digits.canvasPng(8)).json().getString("id");
        String text = alice.get("/api/v1/recognitions/" + id).json().getString("text");
        assertEquals(200, alice.putJson("/api/v1/recognitions/" + id + "/feedback", "{\"label\": \"" + text + "\"}")
                .status());
        String bobs = bob.post("/api/v1/recognitions", "image/png", Digits.canvasPng(9)).json().getString("id");

        // Another client's recognition answers exactly like one that does not exist.
        Http.Response fetched = bob.get("/api/v1/recognitions/" + id);
        assertEquals(404, fetched.status(), fetched::toString);
        assertEquals("not-found", fetched.problem());
        assertEquals("not-found", bob.get("/api/v1/recognitions/" + id + "/image").problem());
        String wrong = text.equals("1") ? "2" : "1";
        assertEquals("not-found", bob.putJson("/api/v1/recognitions/" + id + "/feedback",
                "{\"label\": \"" + wrong + "\"}").problem());
        assertEquals(text, alice.get("/api/v1/recognitions/" + id).json().getJsonObject("feedback")
                .getString("label"), "nobody else can overwrite a correction");
        assertEquals(List.of(bobs), ids(bob.get("/api/v1/recognitions?limit=100")));
        assertEquals(List.of(id), ids(alice.get("/api/v1/recognitions?limit=100")));
        assertFalse(ids(http.get("/api/v1/recognitions?limit=100")).contains(id));

        // The admin token sees and corrects everything; a wrong token is refused, not downgraded.
        Http admin = http.asClient("operator-0123456789ab").withAdminToken(ADMIN_TOKEN);
        assertEquals(200, admin.get("/api/v1/recognitions/" + id).status());
        assertEquals(200, admin.get("/api/v1/recognitions/" + id + "/image").status());
        List<String> all = ids(admin.get("/api/v1/recognitions?limit=100"));
        assertTrue(all.contains(id) && all.contains(bobs), all::toString);
        Http.Response wrongToken = bob.withAdminToken("not-the-token").get("/api/v1/recognitions/" + id);
        assertEquals(401, wrongToken.status(), wrongToken::toString);
        assertEquals("unauthorized", wrongToken.problem());

        // Statistics stay aggregate over every client.
        JsonObject after = bob.get("/api/v1/stats").json();
        assertEquals(before.getInt("total") + 2, after.getInt("total"));
        assertEquals(before.getInt("corrected") + 1, after.getInt("corrected"));
    }

    @Test
    void aBrowserGetsAnHttpOnlyCookieThatKeepsItsHistory() {
        Http browser = http.asBrowser();
        Http.Response page = browser.get("/");
        assertEquals(200, page.status());
        String cookie = page.header("Set-Cookie").orElseThrow(() -> new AssertionError("no cookie on the page"));
        assertTrue(cookie.startsWith("mathsketch_client="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);

        Http.Response created = browser.post("/api/v1/recognitions", "image/png", Digits.canvasPng(11));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.header("Set-Cookie").isEmpty(), "the browser keeps the id it was given");
        String id = created.json().getString("id");
        assertEquals(200, browser.get("/api/v1/recognitions/" + id).status());
        assertEquals(List.of(id), ids(browser.get("/api/v1/recognitions")));

        Http otherBrowser = http.asBrowser();
        assertEquals(404, otherBrowser.get("/api/v1/recognitions/" + id).status());
        assertEquals(List.of(), ids(otherBrowser.get("/api/v1/recognitions")));
    }

    @Test
    void aClientIdTooShortToBeSecretIsRefused() {
        Http.Response response = http.asClient("short").get("/api/v1/recognitions");
        assertEquals(400, response.status(), response::toString);
        assertEquals("bad-request", response.problem());
    }

    private static List<String> ids(Http.Response listing) {
        assertEquals(200, listing.status(), listing::toString);
        return listing.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getString("id")).toList();
    }

    @Test
    void aBadQueryIs400AndNeverMarksTheDatabaseDown() {
        String id = "0193f1d2-0000-7000-8000-000000000001";
        List<String> bad = new ArrayList<>();
        for (String raw : List.of(Long.MAX_VALUE + ":" + id, "9000000000000000:" + id, "-1:" + id)) {
            bad.add("cursor=" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
        }
        bad.addAll(List.of("limit=0", "limit=101", "limit=abc", "limit=99999999999", "cursor=%00",
                // A sign, Arabic-Indic and fullwidth digits: Integer.parseInt reads them all as 5.
                "limit=%2B5", "limit=%D9%A5", "limit=%EF%BC%95",
                "label=" + "7".repeat(5000), "model=" + "m".repeat(300),
                // PostgreSQL refuses U+0000 in text: refused before SQL, as on H2.
                "label=%00", "label=7%00", "model=%00", "model=mnist-cnn%00", "label=7%0A", "model=%7F"));
        for (String query : bad) {
            Http.Response response = http.get("/api/v1/recognitions?" + query);
            assertEquals(400, response.status(), query + " -> " + response);
            assertEquals("bad-request", response.problem());
        }
        assertEquals(200, http.get("/observe/health/ready").status(), "the database is still up");
        Http.Response stored = http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(12));
        assertEquals(201, stored.status(), stored::toString);
        assertTrue(stored.json().getBoolean("stored"));
    }

    @Test
    void concurrentRecognitionsAreCommittedTogether() throws Exception {
        int requests = 48;
        long transactionsBefore = server.server().storeMetrics().transactions();
        long rowsBefore = server.server().storeMetrics().rowsCommitted();
        List<Callable<Http.Response>> calls = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            byte[] png = Digits.canvasPng(20 + i);
            calls.add(() -> http.post("/api/v1/recognitions", "image/png", png));
        }
        List<String> ids = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Http.Response> f : pool.invokeAll(calls)) {
                Http.Response response = f.get();
                assertEquals(201, response.status(), response::toString);
                ids.add(response.json().getString("id"));
            }
        }
        for (String id : ids) {
            assertEquals(200, http.get("/api/v1/recognitions/" + id).status(), "committed before answering: " + id);
        }
        long transactions = server.server().storeMetrics().transactions() - transactionsBefore;
        assertEquals(requests, server.server().storeMetrics().rowsCommitted() - rowsBefore);
        assertTrue(transactions < requests, "group commit: " + transactions + " transactions for " + requests
                + " rows");
    }

    /** On its own server and database, so that stopping the database cannot disturb the other tests. */
    @Test
    void survivesADatabaseOutageAndRecoversByItself() throws Exception {
        try (TestDatabase database = createStoppableDatabase()) {
            assertTrue(database.canStop(), "the outage test needs a database of its own to stop");
            try (TestServer server = TestServer.start(database, Map.of("admin.token", ADMIN_TOKEN),
                    DjlRecognizer::open)) {
                survivesAnOutage(database, server.http());
            }
        }
    }

    private static void survivesAnOutage(TestDatabase database, Http http) throws Exception {
        String existing = http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(5)).json().getString("id");
        database.stop();
        try {
            Http.Response unstored = http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(6));
            assertEquals(200, unstored.status(), unstored::toString);
            assertFalse(unstored.json().getBoolean("stored"));
            assertEquals(String.valueOf(Digits.label(6)), unstored.json().getString("text"));
            assertEquals(Optional.of("199 mathsketch \"recognition not stored: database unavailable\""),
                    unstored.header("Warning"), () -> unstored.raw().headers().toString());
            assertTrue(unstored.header("Location").isEmpty());

            // The database is shared: its outage must not make this instance (and so every instance) unready.
            Http.Response ready = http.get("/observe/health/ready");
            assertEquals(200, ready.status(), "readiness does not depend on the shared database: " + ready);
            assertFalse(ready.text().contains("\"database\""), ready::toString);
            Http.Response health = http.get("/observe/health");
            assertEquals(503, health.status(), health::toString);
            assertTrue(health.text().contains("{\"name\":\"database\",\"status\":\"DOWN\""), health::toString);
            assertFalse(health.text().contains("\"error\""), "the database's error text is for the admin only: "
                    + health);
            Http.Response forAdmin = http.withAdminToken(ADMIN_TOKEN).get("/observe/health");
            assertEquals(503, forAdmin.status());
            assertTrue(forAdmin.text().contains("\"error\""), forAdmin::toString);

            Http.Response feedback = http.putJson("/api/v1/recognitions/" + existing + "/feedback",
                    "{\"label\": \"1\"}");
            assertEquals("database-unavailable", feedback.problem());
            assertEquals(503, feedback.status());
            assertTrue(feedback.header("Retry-After").isPresent());
            assertEquals(200, http.get("/observe/health/live").status(), "the process itself stays alive");
        } finally {
            database.restart();
        }
        Http.Response stored = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            stored = http.post("/api/v1/recognitions", "image/png", Digits.canvasPng(7));
            if (stored.status() == 201) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(201, stored.status(), "writes resume by themselves: " + stored);
        assertTrue(stored.json().getBoolean("stored"));
        assertEquals(200, http.get("/api/v1/recognitions/" + stored.json().getString("id")).status());
        assertEquals(200, http.get("/observe/health").status(), "the database check is UP again");
        assertEquals(200, http.putJson("/api/v1/recognitions/" + existing + "/feedback", "{\"label\": \"1\"}")
                .status());
    }

    private static BufferedImage image(Http.Response response) {
        try {
            return ImageIO.read(new ByteArrayInputStream(response.body()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
