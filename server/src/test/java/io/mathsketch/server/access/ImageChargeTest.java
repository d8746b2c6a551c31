package io.mathsketch.server.access;

import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerFixture;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An image is charged by the pixels it declares (rate-limit.pixels-per-token, default 100,000 beyond the first
 * 1,048,576): a 2000x2000 image costs 1 + 30 tokens, a canvas-sized one 1, so a few large images exhaust a bucket
 * that would have taken dozens of drawings. Slow refill (1/s) so the test does not race the clock. The large images
 * are read in number mode, where a blank one is found blank by the canvas rule: in digit mode a picture this large is
 * a scanned page, whose search is charged too ({@link SearchChargeTest}).
 */
class ImageChargeTest {

    @RegisterExtension
    // Bursts of 40 tokens a client and 100 an address.
    static final ServerFixture SERVER = ServerFixture.onOwnH2(TestServer.rateLimits(40, 100));

    private static final byte[] FOUR_MEGAPIXELS = CanvasRenderer.white(2000, 2000).png();
    private static final byte[] CANVAS = CanvasRenderer.white(280, 280).png();

    @Test
    void aClientsLargeImagesCostTokensByTheirPixelsWhileItsCanvasImagesStillPass() {
        Http client = SERVER.http().withHeader("X-Forwarded-For", "203.0.113.20").asClient("large-images-0123456789");
        Http.Response first = client.post("/api/v1/recognitions?mode=number&store=false", "image/png", FOUR_MEGAPIXELS);
        assertNotEquals(429, first.status(), "the first fits its bucket (40 tokens): " + first);
        // 40 - 31 = 9 tokens left: the next 2000x2000 image (31) is refused, from its header, before decoding.
        Http.Response second = client.post("/api/v1/recognitions?mode=number&store=false", "image/png", FOUR_MEGAPIXELS);
        assertEquals(429, second.status(), second::toString);
        assertEquals("rate-limited", second.problem());
        int retryAfter = Integer.parseInt(second.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 20 && retryAfter <= 24, "~22 tokens short at 1/s: " + retryAfter);
        // A canvas-sized image still costs one token.
        Http.Response canvas = client.post("/api/v1/recognitions?store=false", "image/png", CANVAS);
        assertNotEquals(429, canvas.status(), canvas::toString);
    }

    @Test
    void anImagePricedAboveTheClientsBurstIsAdmittedFromAFullBucketThenPaidForByWaiting() {
        // 2400x2400 = 5,760,000 pixels: 1 + 48 tokens, above the client's burst of 40 (a phone photo's case), so
        // 9 tokens of debt: more than the refill pays while the first is read on a loaded machine (up to 8 s seen).
        byte[] sixMegapixels = CanvasRenderer.white(2400, 2400).png();
        Http client = SERVER.http().withHeader("X-Forwarded-For", "203.0.113.22").asClient("photo-client-0123456789");
        Http.Response first = client.post("/api/v1/recognitions?mode=number&store=false", "image/png", sixMegapixels);
        assertNotEquals(429, first.status(), "a full bucket admits it: " + first);
        Http.Response next = client.post("/api/v1/recognitions?store=false", "image/png", CANVAS);
        assertEquals(429, next.status(), "the client is in debt, then needs 1: " + next);
        int retryAfter = Integer.parseInt(next.header("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 10, "at most 10 tokens at 1/s: " + retryAfter);
    }

    @Test
    void aProgressiveJpegIsPricedByItsScansTooWhileItsBaselineTwinTakesOneToken() {
        // 1024x1024 is within the free pixels; libjpeg's 10 scans are ten passes over them: 1 + 95 tokens, above the
        // client's burst, so admitted from its full bucket and then paid for by waiting.
        BufferedImage picture = new BufferedImage(1024, 1024, BufferedImage.TYPE_3BYTE_BGR);
        Http progressive = SERVER.http().withHeader("X-Forwarded-For", "203.0.113.23")
                .asClient("progressive-client-0123456789");
        Http baseline = SERVER.http().withHeader("X-Forwarded-For", "203.0.113.24")
                .asClient("baseline-client-0123456789");

        Http.Response first = progressive.post("/api/v1/recognitions?store=false", "image/jpeg",
                CanvasRenderer.progressiveJpeg(picture));
        Http.Response twin = baseline.post("/api/v1/recognitions?store=false", "image/jpeg",
                CanvasRenderer.encode(picture, "jpeg"));

        assertNotEquals(429, first.status(), "a full bucket admits it: " + first);
        assertNotEquals(429, twin.status(), twin::toString);
        Http.Response afterProgressive = progressive.post("/api/v1/recognitions?store=false", "image/png", CANVAS);
        assertEquals(429, afterProgressive.status(), "56 tokens in debt: " + afterProgressive);
        Http.Response afterBaseline = baseline.post("/api/v1/recognitions?store=false", "image/png", CANVAS);
        assertNotEquals(429, afterBaseline.status(), "the baseline JPEG took one token: " + afterBaseline);
    }

    @Test
    void freshClientIdsFromOneAddressShareItsBucketForImagesToo() {
        // Every request a new client id (a full client bucket); the address's 100 tokens pay for three 2000x2000
        // images (31 each), where one token each would have paid for a hundred.
        int admitted = 0;
        for (int i = 0; i < 10; i++) {
            Http.Response response = SERVER.http().asBrowser().withHeader("X-Forwarded-For", "203.0.113.21")
                    .post("/api/v1/recognitions?mode=number&store=false", "image/png", FOUR_MEGAPIXELS);
            if (response.status() == 429) {
                break;
            }
            admitted++;
        }
        assertTrue(admitted >= 3 && admitted <= 4, admitted + " large images admitted from one address");
    }
}
