package io.mathsketch.server.access;

import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerFixture;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page's or a photo's search for its digit is charged once it is done, by the pixels it visited
 * ({@link WorkCharge#chargeDone}): a blank 1200x1200 PNG in digit mode (a scanned page, searched up to
 * {@code PhotoInk.MAX_PASSES} times for a digit it never finds) paid 5 tokens for a few hundred times a canvas's CPU,
 * so a burst bought a dozen of them; now one leaves its client hundreds of tokens in debt, while a burst of canvas
 * images is still served whole. Slow refill (1/s) so the test does not race the clock.
 */
class SearchChargeTest {

    @RegisterExtension
    // Bursts of 60 tokens a client (the default) and 1,000 an address, each address its own.
    static final ServerFixture SERVER = ServerFixture.onOwnH2(TestServer.rateLimits(60, 1_000));

    private static final byte[] BLANK_PAGE = CanvasRenderer.white(1200, 1200).png();
    private static final byte[] CANVAS = CanvasRenderer.white(280, 280).png();

    @Test
    void aClientsBlankPagesRunItIntoDebtAfterOneWhileABurstOfCanvasImagesIsServedWhole() {
        Http pages = SERVER.http().withHeader("X-Forwarded-For", "203.0.113.40").asClient("blank-pages-0123456789");
        Http.Response first = pages.post("/api/v1/recognitions?store=false", "image/png", BLANK_PAGE);
        assertNotEquals(429, first.status(), "the first is served: " + first);
        Http.Response second = pages.post("/api/v1/recognitions?store=false", "image/png", BLANK_PAGE);
        assertEquals(429, second.status(), "a burst's worth would be a dozen pages, not one: " + second);
        assertEquals("rate-limited", second.problem());
        int retryAfter = Integer.parseInt(second.header("Retry-After").orElseThrow());
        assertTrue(retryAfter > 60, "hundreds of tokens of debt at 1/s, more than a burst: " + retryAfter);

        Http canvases = SERVER.http().withHeader("X-Forwarded-For", "203.0.113.41").asClient("canvases-0123456789");
        for (int i = 0; i < 60; i++) {
            Http.Response canvas = canvases.post("/api/v1/recognitions?store=false", "image/png", CANVAS);
            assertNotEquals(429, canvas.status(), "canvas " + i + ": " + canvas);
        }
    }

    @Test
    void freshClientIdsFromOneAddressShareItsDebt() {
        Http.Response first = SERVER.http().asBrowser().withHeader("X-Forwarded-For", "203.0.113.42")
                .post("/api/v1/recognitions?store=false", "image/png", BLANK_PAGE);
        assertNotEquals(429, first.status(), first::toString);
        int admitted = 1;
        for (int i = 0; i < 10; i++) {
            Http.Response response = SERVER.http().asBrowser().withHeader("X-Forwarded-For", "203.0.113.42")
                    .post("/api/v1/recognitions?store=false", "image/png", BLANK_PAGE);
            if (response.status() == 429) {
                break;
            }
            admitted++;
        }
        // The address's 1,000 tokens would have paid for 200 pages at 5 tokens; at some 300 each, for four.
        assertTrue(admitted <= 4, admitted + " blank pages admitted from one address");
    }
}
