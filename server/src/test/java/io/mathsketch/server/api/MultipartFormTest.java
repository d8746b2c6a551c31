package io.mathsketch.server.api;

import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;
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
        byte[] body = concat("--" + B + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nhello\r\n"
                + "--" + B + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"d.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n", binary, "\r\n--" + B + "--\r\n");

        assertArrayEquals(binary, MultipartForm.part(body, B, "image").orElseThrow());
        assertEquals("hello", new String(MultipartForm.part(body, B, "title").orElseThrow(), StandardCharsets.UTF_8));
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

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] t = tail.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[h.length + middle.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(middle, 0, all, h.length, middle.length);
        System.arraycopy(t, 0, all, h.length + middle.length, t.length);
        return all;
    }
}
