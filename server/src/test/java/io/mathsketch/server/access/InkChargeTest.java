package io.mathsketch.server.access;

import io.mathsketch.corpus.attack.AttackInks;
import io.mathsketch.corpus.fixtures.CanvasFixture;
import io.mathsketch.corpus.fixtures.CanvasFixtures;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerFixture;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ink is charged by the pixels its drawing visits as an image is by its pixels (rate-limit.pixels-per-token beyond
 * the first 1,048,576), when it is read and when its stored picture is drawn on demand: the attack corpus's costly
 * picture (7.7 million units of drawing work on an 840x840 surface) costs 1 + 67 tokens read in expression mode and
 * 1 + 75 a picture (its 705,600 pixels too), where each took one for a tenth of a CPU-second; a drawing from the page
 * still costs one. Slow refill (1/s) so the test does not race the clock.
 */
class InkChargeTest {

    @RegisterExtension
    // Bursts of 40 tokens a client and 100 an address.
    static final ServerFixture SERVER = ServerFixture.onOwnH2(TestServer.rateLimits(40, 100));

    @Test
    void aCostlyPictureIsPaidForByItsDrawingWork() throws IOException, InterruptedException {
        Http client = SERVER.http().withHeader("X-Forwarded-For", "203.0.113.30").asClient("costly-picture-0123456789");
        String image = storedInk(client, AttackInks.costlyPicture()) + "/image";
        Thread.sleep(1_500); // the recognition's token back (1/s): a price above the burst needs a full bucket

        Http.Response first = client.get(image);
        assertEquals(200, first.status(), "a full bucket admits it, above the burst: " + first);
        assertEquals(840, ImageIO.read(new ByteArrayInputStream(first.body())).getWidth(), "drawn, not its 28x28");
        Http.Response again = client.get(image);
        assertEquals(429, again.status(), "the client is in debt for the first: " + again);
        assertEquals("rate-limited", again.problem());
        int retryAfter = Integer.parseInt(again.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 30 && retryAfter <= 40, "~36 tokens short at 1/s: " + retryAfter);
    }

    @Test
    void aDrawingsPictureCostsOneToken() throws IOException {
        Http client = SERVER.http().withHeader("X-Forwarded-For", "203.0.113.31").asClient("drawn-picture-0123456789");
        String ink = CanvasFixtures.load().stream().findFirst().map(CanvasFixture::inkJson).orElseThrow();
        String image = storedInk(client, ink) + "/image";

        // 1 token for the recognition, 30 for the pictures: within the burst of 40.
        for (int i = 0; i < 30; i++) {
            Http.Response picture = client.get(image);
            assertEquals(200, picture.status(), i + ": " + picture);
            assertEquals("image/png", picture.header("Content-Type").orElseThrow());
        }
    }

    @Test
    void costlyInkIsPaidForByItsDrawingWhenRead() {
        Http client = SERVER.http().withHeader("X-Forwarded-For", "203.0.113.32").asClient("costly-ink-0123456789");
        byte[] costly = ("{\"ink\":" + AttackInks.costlyPicture() + "}").getBytes(StandardCharsets.UTF_8);

        Http.Response first = client.post("/api/v1/recognitions?mode=expression&store=false", "application/json",
                costly);
        assertNotEquals(429, first.status(), "a full bucket admits it, above the burst: " + first);
        Http.Response again = client.post("/api/v1/recognitions?mode=expression&store=false", "application/json",
                costly);
        assertEquals(429, again.status(), "the client is in debt for the first: " + again);
        assertEquals("rate-limited", again.problem());
        int retryAfter = Integer.parseInt(again.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 24 && retryAfter <= 32, "~28 tokens short at 1/s: " + retryAfter);
    }

    @Test
    void aDrawingCostsOneTokenInEveryMode() {
        Http client = SERVER.http().withHeader("X-Forwarded-For", "203.0.113.33").asClient("drawn-ink-0123456789");
        byte[] drawing = ("{\"ink\":" + CanvasFixtures.load().stream().findFirst().map(CanvasFixture::inkJson)
                .orElseThrow() + "}").getBytes(StandardCharsets.UTF_8);

        // 36 requests within the burst of 40.
        for (int i = 0; i < 36; i++) {
            String mode = List.of("digit", "number", "expression").get(i % 3);
            Http.Response read = client.post("/api/v1/recognitions?store=false&mode=" + mode, "application/json",
                    drawing);
            assertNotEquals(429, read.status(), i + " " + mode + ": " + read);
        }
    }

    /** Stores the ink (digit mode, where drawing it at 28x28 costs little) and answers its recognition's path. */
    private static String storedInk(Http client, String ink) {
        Http.Response stored = client.post("/api/v1/recognitions", "application/json",
                ("{\"ink\":" + ink + "}").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, stored.status(), stored::toString);
        return stored.header("Location").orElseThrow();
    }
}
