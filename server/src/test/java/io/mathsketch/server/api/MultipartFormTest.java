package io.mathsketch.server.api;

import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;
import io.mathsketch.server.testing.MultipartBodies;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultipartFormTest {

    private static final String B = "AaB03x";

    @Test
    void findsTheNamedPartAmongOthersKeepingBinaryBytes() {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff, '-', '-'};
        byte[] body = MultipartBodies.form(B, binary);

        assertArrayEquals(binary, MultipartForm.part(body, B, "image").orElseThrow());
        assertEquals("hello", new String(MultipartForm.part(body, B, "note").orElseThrow(), StandardCharsets.UTF_8));
        assertTrue(MultipartForm.part(body, B, "missing").isEmpty());
    }

    @Test
    void malformedBodiesAreBadRequests() {
        assertBad("no delimiter at all", B);
        assertBad("--" + B + "\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nunterminated", B);
        assertBad("--" + B + "\r\nContent-Disposition: form-data; name=\"image\"", B);
        assertBad("--" + B + "\r\n\r\nx\r\n--" + B + "--", "");
        assertBad("--" + B + "junk", B);
    }

    @Test
    void aSecondImageOrMoreThanAFewPartsAreBadRequests() {
        String image = "--" + B + "\r\nContent-Disposition: form-data; name=\"image\"\r\n\r\nx\r\n";
        assertBad(image + image + "--" + B + "--\r\n", B);
        String field = "--" + B + "\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n";
        String fields = field.repeat(MultipartForm.MAX_PARTS - 1);
        assertTrue(MultipartForm.part((fields + image + "--" + B + "--\r\n").getBytes(StandardCharsets.ISO_8859_1), B,
                "image").isPresent(), "the most parts a form may have");
        assertBad(fields + field + image + "--" + B + "--\r\n", B);
    }

    private static void assertBad(String body, String boundary) {
        ProblemException e = assertThrows(ProblemException.class, () ->
                MultipartForm.part(body.getBytes(StandardCharsets.ISO_8859_1), boundary, "image"));
        assertEquals(ProblemType.BAD_REQUEST, e.type());
    }
}
