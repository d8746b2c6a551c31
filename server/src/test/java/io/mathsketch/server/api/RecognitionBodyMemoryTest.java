package io.mathsketch.server.api;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HttpMediaType;
import io.mathsketch.engine.RecognitionRequest;
import io.mathsketch.engine.config.InputLimits;
import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;
import io.mathsketch.server.testing.Digits;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A JSON image's copies (its string, its base64, the decoded bytes) are as large as the body again: the parser
 * announces them to the body budget before it makes them, so that a flood of such bodies waits or is refused
 * {@code overloaded} instead of filling the heap after the bodies themselves were received within the budget.
 */
class RecognitionBodyMemoryTest {

    private static final Optional<HttpMediaType> JSON = Optional.of(HttpMediaType.create(MediaTypes.APPLICATION_JSON));

    @Test
    void aJsonImageAnnouncesItsCopiesBeforeDecodingAndStillReadsWhitespaceSplitBase64() throws Exception {
        byte[] png = Digits.canvasPng(3);
        String base64 = Base64.getMimeEncoder().encodeToString(png);
        // A JSON encoder writes the MIME encoder's line breaks as escapes; the string then holds them.
        byte[] body = ("{\"image\": \"data:image/png;base64," + base64.replace("\r\n", "\\r\\n") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        List<Long> announced = new ArrayList<>();

        RecognitionBody parsed = RecognitionBody.parse(JSON, body, InputLimits.DEFAULT, announced::add);

        assertEquals(1, announced.size());
        assertTrue(announced.getFirst() >= body.length + 2L * base64.length(), announced::toString);
        var image = assertInstanceOf(RecognitionRequest.Input.EncodedImage.class, parsed.input());
        assertArrayEquals(png, image.bytes(), "line breaks in the base64 are skipped");
    }

    @Test
    void aRefusedAnnouncementStopsTheImageBeforeItIsDecoded() {
        byte[] body = ("{\"image\": \"" + Base64.getEncoder().encodeToString(Digits.canvasPng(3)) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        ProblemException overloaded = new ProblemException(ProblemType.OVERLOADED, "full");
        ProblemException thrown = assertThrows(ProblemException.class, () -> RecognitionBody.parse(JSON, body,
                InputLimits.DEFAULT, bytes -> {
                    throw overloaded;
                }));
        assertSame(overloaded, thrown);
    }

    /**
     * The text kept of an ink with a member of its own is written from the numbers read: a time of 1e308, six
     * characters sent, was written in its 309 digits, and 8 MB of such points filled the 512 MB heap while the body
     * was parsed (attack corpus: {@code ink-huge-times-rewritten}).
     */
    @Test
    void theInkTextKeptOfABodyIsAboutAsLargeAsTheBody() throws Exception {
        String points = String.join(",", Collections.nCopies(1_000, "[1,1,1e308]"));
        byte[] body = ("{\"ink\": {\"tool\": \"pen\", \"strokes\": [{\"points\": [" + points + "]}], \"width\": 28,"
                + " \"height\": 28, \"penWidth\": 2}}").getBytes(StandardCharsets.UTF_8);

        RecognitionBody parsed = RecognitionBody.parse(JSON, body, InputLimits.DEFAULT, bytes -> { });

        assertInstanceOf(RecognitionRequest.Input.DigitalInk.class, parsed.input());
        byte[] kept = parsed.original().orElseThrow();
        // "1E+308": one character more than sent, where it was 304 more.
        assertTrue(kept.length < 2L * body.length, kept.length + " bytes kept of a body of " + body.length);
    }

    @Test
    void invalidBase64IsStillABadRequest() {
        byte[] body = "{\"image\": \"data:image/png;base64,ab\u00e9cd\"}".getBytes(StandardCharsets.UTF_8);
        ProblemException thrown = assertThrows(ProblemException.class,
                () -> RecognitionBody.parse(JSON, body, InputLimits.DEFAULT, bytes -> { }));
        assertTrue(thrown.getMessage().contains("not valid base64"), thrown.getMessage());
    }

    @Test
    void aCharacterBeyondAsciiIsNamedAsSentNotAsAQuestionMark() {
        byte[] body = "{\"image\": \"data:image/png;base64,ab\u00e9cd\"}".getBytes(StandardCharsets.UTF_8);
        ProblemException thrown = assertThrows(ProblemException.class,
                () -> RecognitionBody.parse(JSON, body, InputLimits.DEFAULT, bytes -> { }));
        assertEquals(ProblemType.BAD_REQUEST, thrown.type());
        assertTrue(thrown.getMessage().contains("\u00e9 (U+00E9) at index 2"), thrown.getMessage());
        assertFalse(thrown.getMessage().contains("3f"), thrown.getMessage());
    }

    @Test
    void aCharacterBeyondTheBasicPlaneIsNamedWhole() {
        byte[] body = "{\"image\": \"AAAA\uD83D\uDE00\"}".getBytes(StandardCharsets.UTF_8);
        ProblemException thrown = assertThrows(ProblemException.class,
                () -> RecognitionBody.parse(JSON, body, InputLimits.DEFAULT, bytes -> { }));
        assertTrue(thrown.getMessage().contains("\uD83D\uDE00 (U+1F600) at index 4"), thrown.getMessage());
    }

    @Test
    void anAsciiCharacterThatIsNotBase64IsStillNamedByTheDecoder() {
        byte[] body = "{\"image\": \"AA-A\"}".getBytes(StandardCharsets.UTF_8);
        ProblemException thrown = assertThrows(ProblemException.class,
                () -> RecognitionBody.parse(JSON, body, InputLimits.DEFAULT, bytes -> { }));
        assertTrue(thrown.getMessage().contains("Illegal base64 character 2d"), thrown.getMessage());
    }

    @Test
    void whitespaceSplitBase64DecodesToExactlyTheImage() throws Exception {
        // Every amount of whitespace removed (none to many) must give the decoded bytes alone, nothing after them.
        byte[] png = Digits.canvasPng(5);
        String base64 = Base64.getEncoder().encodeToString(png);
        for (String gap : new String[] {"", " ", "\\n\\n\\n\\n\\n"}) {
            String split = base64.substring(0, 8) + gap + base64.substring(8);
            byte[] body = ("{\"image\": \"" + split + "\"}").getBytes(StandardCharsets.UTF_8);
            var parsed = RecognitionBody.parse(JSON, body, InputLimits.DEFAULT, bytes -> { });
            var image = assertInstanceOf(RecognitionRequest.Input.EncodedImage.class, parsed.input());
            assertArrayEquals(png, image.bytes(), "gap '" + gap + "'");
        }
    }
}
