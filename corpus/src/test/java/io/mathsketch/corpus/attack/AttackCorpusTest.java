package io.mathsketch.corpus.attack;

import io.mathsketch.engine.config.InputLimits;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The corpus is what its names say: sizes at and over the limits, huge pictures in few bytes, every mode. */
class AttackCorpusTest {

    private static final InputLimits LIMITS = InputLimits.builder().maxPayloadBytes(300_000).maxWidth(1500)
            .maxHeight(1200).build();
    private final Map<String, Attack> corpus = AttackCorpus.of(LIMITS).stream()
            .collect(Collectors.toMap(Attack::name, Function.identity()));

    @Test
    void namesAreUniqueAndImageAttacksComeInEveryMode() {
        assertEquals(AttackCorpus.of(LIMITS).size(), corpus.size(), "unique names");
        for (String mode : AttackCorpus.MODES) {
            assertTrue(corpus.containsKey("specks-1m-" + mode) && corpus.containsKey("max-size-drawing-" + mode), mode);
            assertTrue(text(corpus.get("giant-blob-" + mode)).startsWith("POST /api/v1/recognitions?mode=" + mode), mode);
        }
    }

    @Test
    void inkAttacksComeInEveryModeWithinTheInkLimits() throws Exception {
        for (String mode : AttackCorpus.MODES) {
            for (String name : List.of("ink-huge-pen-", "ink-long-random-segments-", "ink-pen-wider-than-surface-")) {
                assertTrue(text(corpus.get(name + mode)).startsWith("POST /api/v1/recognitions?mode=" + mode),
                        name + mode);
            }
            assertEquals(Attack.Expect.INK_TOO_LARGE, corpus.get("ink-long-random-segments-" + mode).expect());
        }
        assertEquals(Attack.Expect.INK_TOO_LARGE, corpus.get("ink-huge-pen-expression").expect());
        // Within every limit but the drawing work: the points, strokes and payload are all allowed.
        byte[] segments = body(corpus.get("ink-long-random-segments-digit"));
        assertTrue(segments.length <= LIMITS.maxPayloadBytes() && segments.length > LIMITS.maxPayloadBytes() / 2,
                segments.length + " bytes");
        String text = new String(segments, StandardCharsets.US_ASCII);
        io.mathsketch.engine.image.Ink ink = io.mathsketch.engine.ink.InkJson.read(
                text.substring("{\"ink\":".length(), text.length() - 1), LIMITS);
        assertTrue(ink.pointCount() > 10_000, ink.pointCount() + " points");
        assertTrue(body(corpus.get("ink-huge-pen-digit")).length < 1200);
    }

    @Test
    void theRewrittenInkFillsThePayloadWithTimesOf1e308AndAMemberOfItsOwn() throws Exception {
        byte[] body = body(corpus.get("ink-huge-times-rewritten"));
        assertTrue(body.length <= LIMITS.maxPayloadBytes() && body.length > LIMITS.maxPayloadBytes() / 2,
                body.length + " bytes");
        String text = new String(body, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("{\"ink\":{\"tool\":"), text.substring(0, 32));
        io.mathsketch.engine.image.Ink ink = io.mathsketch.engine.ink.InkJson.read(
                text.substring("{\"ink\":".length(), text.length() - 1), InputLimits.DEFAULT);
        assertEquals(1e308, ink.strokes().getFirst().time()[0]);
        assertTrue(ink.pointCount() * 12L > body.length * 9L / 10, ink.pointCount() + " points");
    }

    /** 64 scans, the most counted, of a colour frame of the largest size: refused by default, decoded when small. */
    @Test
    void theScansAtMaxSizeAreAColourFrameOfTheLargestSize() throws Exception {
        Attack large = AttackCorpus.forDefaultLimits().stream()
                .filter(a -> a.name().equals("jpeg-scans-at-max-size-digit")).findFirst().orElseThrow();
        assertEquals(Attack.Expect.UNSUPPORTED_IMAGE, large.expect());
        byte[] jpeg = body(large);
        assertTrue(jpeg.length < 128 * 1024, jpeg.length + " bytes");
        assertEquals(64, count(jpeg, (byte) 0xDA));
        javax.imageio.ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            assertEquals(InputLimits.DEFAULT.maxWidth(), reader.getWidth(0));
            assertEquals(3, reader.getRawImageType(0).getNumComponents());
        } finally {
            reader.dispose();
        }
        assertEquals(Attack.Expect.READ_OR_REFUSED, corpus.get("jpeg-scans-at-max-size-digit").expect());
    }

    /** How often {@code 0xFF marker} occurs (scan data has no unstuffed 0xFF here). */
    private static int count(byte[] jpeg, byte marker) {
        int found = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && jpeg[i + 1] == marker) {
                found++;
            }
        }
        return found;
    }

    @Test
    void theSegmentFloodIsAJpegOfTensOfThousandsOfEmptyApp1Segments() {
        byte[] jpeg = body(corpus.get("jpeg-app-segment-flood-number"));
        assertTrue(jpeg.length <= LIMITS.maxPayloadBytes(), jpeg.length + " bytes");
        assertEquals(Attack.Expect.UNSUPPORTED_IMAGE, corpus.get("jpeg-app-segment-flood-number").expect());
        int app1 = 0;
        for (int i = 2; i + 3 < jpeg.length && (jpeg[i + 1] & 0xFF) == 0xE1; i += 4) {
            app1++;
        }
        assertEquals(50_000, app1);
    }

    @Test
    void theGifBombsAreSmallFramesOfLargeData() {
        for (String name : List.of("gif-lzw-longest-strings-digit", "gif-clear-codes-expression")) {
            byte[] gif = body(corpus.get(name));
            assertTrue(gif.length > LIMITS.maxPayloadBytes() / 2 && gif.length <= LIMITS.maxPayloadBytes(),
                    name + ": " + gif.length);
            assertEquals(Attack.Expect.UNSUPPORTED_IMAGE, corpus.get(name).expect());
            assertEquals("GIF89a", new String(gif, 0, 6, StandardCharsets.US_ASCII));
            assertEquals(28, (gif[6] & 0xFF) | (gif[7] & 0xFF) << 8);
        }
    }

    @Test
    void theInkVerdictAllowsOnlyInkTooLarge() {
        Attack ink = corpus.get("ink-huge-pen-expression");
        String problem = "application/problem+json";
        assertNull(ink.violation(422, problem,
                "{\"type\":\"urn:mathsketch:problem:ink-too-large\",\"status\":422}"));
        assertNotNull(ink.violation(422, problem, "{\"type\":\"urn:mathsketch:problem:blank-image\",\"status\":422}"));
        assertNotNull(ink.violation(201, "application/json", "{}"));
    }

    @Test
    void base64IsAtAndOverThePayloadLimit() {
        assertEquals(LIMITS.maxPayloadBytes(), body(corpus.get("base64-at-limit")).length);
        assertEquals(LIMITS.maxPayloadBytes() + 1, body(corpus.get("base64-over-limit")).length);
        assertEquals(LIMITS.maxPayloadBytes() + 1, body(corpus.get("raw-body-over-limit")).length);
        assertTrue(text(corpus.get("base64-at-limit")).contains("\"data:image/png;base64,iVBORw0KGg"));
    }

    @Test
    void picturesAreHugeInPixelsAndSmallOnTheWire() throws Exception {
        byte[] specks = body(corpus.get("specks-1m-digit"));
        assertTrue(specks.length < 100_000, "a million specks in " + specks.length + " bytes");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(specks));
        assertEquals(1200, decoded.getWidth());
        assertEquals(0xFF000000, decoded.getRGB(0, 0), "a speck at the origin");
        assertEquals(0xFFFFFFFF, decoded.getRGB(1, 1), "white between specks");
        BufferedImage drawing = ImageIO.read(new ByteArrayInputStream(body(corpus.get("max-size-drawing-number"))));
        assertEquals(List.of(1500, 1200), List.of(drawing.getWidth(), drawing.getHeight()));
    }

    @Test
    void theVerdictAllowsOnlyProblemDocumentsOfTheirOwnStatus() {
        Attack refused = corpus.get("json-deep-arrays");
        String problem = "application/problem+json";
        assertNull(refused.violation(400, problem, "{\"status\": 400, \"type\": \"urn:mathsketch:problem:bad-request\"}"));
        assertNull(refused.violation(503, problem, "{\"status\":503}"));
        assertNotNull(refused.violation(500, problem, "{\"status\":500}"));
        assertNotNull(refused.violation(200, "application/json", "{}"));
        assertNotNull(refused.violation(400, "text/plain", "bad"));
        assertNotNull(refused.violation(400, problem, "{\"status\":422}"));
        Attack large = corpus.get("half-size-drawing-digit");
        assertNull(large.violation(200, "application/json", "{}"));
        assertNotNull(large.violation(502, problem, "{\"status\":502}"));
    }

    private static String text(Attack attack) {
        return new String(attack.request(), StandardCharsets.ISO_8859_1);
    }

    private static byte[] body(Attack attack) {
        byte[] request = attack.request();
        for (int i = 0; i + 3 < request.length; i++) {
            if (request[i] == '\r' && request[i + 1] == '\n' && request[i + 2] == '\r' && request[i + 3] == '\n') {
                return Arrays.copyOfRange(request, i + 4, request.length);
            }
        }
        throw new AssertionError("no end of head in " + attack);
    }
}
