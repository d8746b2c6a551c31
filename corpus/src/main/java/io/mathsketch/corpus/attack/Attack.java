package io.mathsketch.corpus.attack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One request of the attack corpus, as the bytes sent on a fresh connection (HTTP/1.1 unless the attack is the
 * version, {@code Connection: close}), and what a well-defended server may answer.
 *
 * @param name a short unique name for reports, e.g. {@code specks-1m-number}
 * @param expect the answers allowed
 * @param request the whole request: request line, headers and body
 */
public record Attack(String name, Expect expect, byte[] request) {

    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*(\\d{3})");
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");
    private static final String PROBLEM = "urn:mathsketch:problem:";

    /** What the server may answer. */
    public enum Expect {
        /**
         * A client error, 503 {@code overloaded} or (for a request in another HTTP version) 505, as an RFC 9457
         * problem document whose status is the answer's.
         */
        REFUSED,
        /**
         * Like {@link #REFUSED}, or a 2xx answer: a well-formed image that is only large (a maximum-size drawing is
         * a legitimate request; what matters is that it is read within the decode budget or refused with 503).
         */
        READ_OR_REFUSED,
        /**
         * 422 {@code ink-too-large} as a problem document: ink whose drawing would cost more than the server's
         * {@code limits.max-ink-work} (or breaks another ink limit), refused before it is drawn. Any other answer,
         * another refusal included, means the ink was drawn (or its cost not counted).
         */
        INK_TOO_LARGE(422, "ink-too-large"),
        /**
         * 415 {@code unsupported-image} as a problem document: an image whose kind the server refuses to decode (a
         * JPEG of more scans than it decodes), refused before its pixels are; or 503 {@code overloaded}, when the
         * attacks sent beside it hold the address's share of the decode budget. Any other answer means it was decoded.
         */
        UNSUPPORTED_IMAGE(415, "unsupported-image");

        private final int status;
        private final String type;

        Expect() {
            this(0, null);
        }

        Expect(int status, String type) {
            this.status = status;
            this.type = type;
        }
    }

    /**
     * Why an answer breaks the expectation, or null when it keeps it. A 5xx other than 503 and 505 always breaks it.
     *
     * @param status the answer's status code
     * @param contentType its {@code Content-Type}, or null
     * @param body its body as text
     */
    public String violation(int status, String contentType, String body) {
        if (expect == Expect.READ_OR_REFUSED && status / 100 == 2) {
            return null;
        }
        if (expect.type != null && !(expect == Expect.UNSUPPORTED_IMAGE && status == 503)) {
            Matcher type = TYPE.matcher(body);
            if (status != expect.status || !type.find() || !type.group(1).equals(PROBLEM + expect.type)) {
                return "answered " + status + ", not " + expect.status + " " + expect.type + ": " + shorten(body);
            }
        }
        if (!(status / 100 == 4 || status == 503 || status == 505)) {
            return "answered " + status;
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "answered " + status + " as " + contentType + ", not as a problem document";
        }
        Matcher documented = STATUS.matcher(body);
        if (!documented.find() || Integer.parseInt(documented.group(1)) != status) {
            return "answered " + status + " with a problem document of another status: " + shorten(body);
        }
        return null;
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    @Override
    public String toString() {
        return name + " (" + request.length + " bytes)";
    }
}
