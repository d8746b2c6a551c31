package io.mathsketch.server.api;

import io.mathsketch.engine.testing.CanvasRenderer;
import io.mathsketch.server.testing.Digits;
import io.mathsketch.server.testing.Http;
import io.mathsketch.server.testing.ServerFixture;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One decode budget for every mode: an image over the per-request pixel budget, or over what all requests together may
 * decode, gets the same problem in expression mode (symbol model loaded) as in digit and number mode.
 */
class DecodeBudgetModesTest {

    /** Decoded bytes of all requests together: 1.5 million pixels at 24 bytes each. */
    private static final long IN_FLIGHT = 36_000_000;
    private static final long MAX_PIXELS = 2_000_000;

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.onOwnH2(Map.of(
            "engine.models", "mnist-cnn,mathsketch-symbols",
            "limits.max-image-pixels", Long.toString(MAX_PIXELS),
            "limits.max-decoded-bytes-in-flight", Long.toString(IN_FLIGHT)));

    @ParameterizedTest(name = "{0}x{0}")
    @CsvSource({
            "1300, limits.max-decoded-bytes-in-flight", // 1.69 Mpx: within the pixel budget, over the bytes in flight
            "1500, limits.max-image-pixels"})           // 2.25 Mpx: over the pixel budget of one request
    void anImageOverTheDecodeBudgetIsTheSameProblemInEveryMode(int side, String limit) {
        byte[] png = CanvasRenderer.white(side, side).png(CanvasRenderer.place(Digits.digit(0), side / 3, side / 3, 10));
        List<String> answers = new ArrayList<>();
        for (String mode : List.of("digit", "number", "expression")) {
            Http.Response response = SERVER.http().post("/api/v1/recognitions?mode=" + mode, "image/png", png);
            assertEquals(422, response.status(), mode + ": " + response);
            assertEquals("image-too-large", response.problem(), mode + ": " + response);
            String detail = response.json().getString("detail");
            assertEquals(true, detail.contains(limit), mode + ": " + detail);
            answers.add(response.status() + " " + response.problem() + " " + detail);
        }
        assertEquals(1, answers.stream().distinct().count(), answers::toString);
    }
}
