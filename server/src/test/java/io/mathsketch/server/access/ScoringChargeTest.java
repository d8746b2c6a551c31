package io.mathsketch.server.access;

import io.mathsketch.engine.WorkMeter;
import io.mathsketch.engine.image.InkImage;
import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.engine.testing.SyntheticDigits;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerFixture;
import io.mathsketch.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Number and expression mode's models are charged for the inputs they read ({@link WorkMeter#MODEL_INPUT} each),
 * once the recognition is done ({@link WorkCharge#chargeDone}): a long number's PNG has every candidate digit read by
 * the digit model, the verifier and the pair reader, some 20 times a canvas digit's CPU for the one token its small
 * size paid, and an expression's ink its every symbol. A burst bought sixty of either; now a few, while a burst of
 * canvas digits is still served whole. Slow refill (1/s) so the test does not race the clock.
 */
class ScoringChargeTest {

    @RegisterExtension
    // Bursts of 60 tokens a client (the default) and 1,000 an address, each address its own.
    static final ServerFixture SERVER = ServerFixture.onOwnH2(TestServer.rateLimits(60, 1_000));

    private static final String RECOGNITIONS = "/api/v1/recognitions?store=false";
    /** The digits {@link SyntheticDigits} draws. */
    private static final String[] SHAPES = {"0", "1", "2", "3", "4", "5", "7", "8"};

    @Test
    void aLongNumbersPngIsChargedForTheCandidatesItsModelsRead() {
        List<CanvasRenderer.Placement> digits = new ArrayList<>();
        int x = 20;
        for (int i = 0; i < 24; i++) {
            InkImage digit = SyntheticDigits.draw(SHAPES[i % SHAPES.length], 60, 0.1);
            digits.add(CanvasRenderer.place(digit, x, 20, 1));
            x += digit.width() + 12;
        }
        byte[] number = CanvasRenderer.white(x + 20, 100).png(digits);
        assertTrue((long) (x + 20) * 100 < 1 << 20, "decoding it is free: its one token pays for it");

        int admitted = admitted(SERVER.http().withHeader("X-Forwarded-For", "203.0.113.50").asClient(
                "long-numbers-0123456789"), RECOGNITIONS + "&mode=number", "image/png", number);
        assertTrue(admitted <= 10, admitted + " long numbers admitted on a burst of 60");
    }

    @Test
    void anExpressionsInkIsChargedForTheSymbolsItsModelReads() {
        StringBuilder strokes = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            int at = 20 + 40 * i;
            strokes.append(i == 0 ? "" : ", ").append("{\"points\": [[").append(at).append(", 40], [").append(at)
                    .append(", 200]]}");
        }
        String ink = "{\"ink\": {\"width\": 2600, \"height\": 240, \"penWidth\": 8, \"strokes\": [" + strokes + "]}}";

        int admitted = admitted(SERVER.http().withHeader("X-Forwarded-For", "203.0.113.51").asClient(
                "long-sums-0123456789"), RECOGNITIONS + "&mode=expression", "application/json",
                ink.getBytes(StandardCharsets.UTF_8));
        assertTrue(admitted <= 20, admitted + " expressions of 64 symbols admitted on a burst of 60");
    }

    @Test
    void aBurstOfCanvasDigitsIsStillServedWhole() {
        byte[] canvas = CanvasRenderer.white(280, 280).png(List.of(CanvasRenderer.place(
                SyntheticDigits.draw("7", 200, 0.1), 40, 40, 1)));
        Http client = SERVER.http().withHeader("X-Forwarded-For", "203.0.113.52").asClient("canvases-0123456789");
        for (int i = 0; i < 60; i++) {
            Http.Response response = client.post(RECOGNITIONS, "image/png", canvas);
            assertNotEquals(429, response.status(), "canvas " + i + ": " + response);
        }
    }

    /** How many of up to 60 identical requests one client gets admitted before its first 429. */
    private static int admitted(Http client, String path, String contentType, byte[] body) {
        for (int i = 0; i < 60; i++) {
            Http.Response response = client.post(path, contentType, body);
            if (response.status() == 429) {
                assertEquals("rate-limited", response.problem());
                assertTrue(i > 0, "the first is served");
                return i;
            }
            assertTrue(response.status() < 500, response::toString);
        }
        return 60;
    }
}
