package io.mathsketch.server.api;

import io.mathsketch.server.problem.ProblemException;
import io.mathsketch.server.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A minimal multipart/form-data reader (RFC 7578) over an already size-bounded body: finds one named part and
 * returns its bytes. Helidon's multipart media support is not available for this Helidon version, and the API needs
 * only a file field and a few text fields.
 */
final class MultipartForm {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};
    private static final int MAX_HEADER_BYTES = 8 * 1024;

    /** Parts in one body at the most. */
    static final int MAX_PARTS = 16;

    private MultipartForm() {
    }

    /**
     * The content of the part named {@code name}; empty when there is none; bad request when malformed, when the
     * name is given twice or when the body has more than {@link #MAX_PARTS} parts (a form posts one image and a few
     * fields).
     */
    static Optional<byte[]> part(byte[] body, String boundary, String name) {
        return Optional.ofNullable(parts(body, boundary, Set.of(name)).get(name));
    }

    /**
     * The contents of the parts named in {@code names}, by name (a name without a part is absent); refused like
     * {@link #part}, and a name given twice among them is refused too.
     */
    static Map<String, byte[]> parts(byte[] body, String boundary, Set<String> names) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw malformed("missing or invalid boundary parameter");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        byte[] separator = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw malformed("no boundary delimiter found");
        }
        pos += delimiter.length;
        Map<String, byte[]> found = new HashMap<>();
        for (int parts = 0; ; parts++) {
            if (startsWith(body, pos, new byte[]{'-', '-'})) {
                return found;
            }
            if (parts == MAX_PARTS) {
                throw malformed("more than " + MAX_PARTS + " parts");
            }
            if (!startsWith(body, pos, CRLF)) {
                throw malformed("delimiter not followed by a line break");
            }
            int headersStart = pos + 2;
            int headersEnd = indexOf(body, HEADER_END, headersStart);
            if (headersEnd < 0 || headersEnd - headersStart > MAX_HEADER_BYTES) {
                throw malformed("part headers not terminated");
            }
            int contentStart = headersEnd + HEADER_END.length;
            int contentEnd = indexOf(body, separator, contentStart);
            if (contentEnd < 0) {
                throw malformed("part not terminated by a boundary");
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            String name = fieldName(headers);
            if (name != null && names.contains(name)) {
                if (found.containsKey(name)) {
                    // Which of two images (or modes) was meant is not ours to guess.
                    throw malformed("more than one '" + name + "' part");
                }
                found.put(name, Arrays.copyOfRange(body, contentStart, contentEnd));
            }
            pos = contentEnd + separator.length;
        }
    }

    private static String fieldName(String headers) {
        Optional<String> disposition = header(headers, "content-disposition");
        if (disposition.isEmpty()) {
            return null;
        }
        for (String param : disposition.get().split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("name=")) {
                String value = p.substring(5).trim();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1) : value;
            }
        }
        return null;
    }

    private static Optional<String> header(String headers, String wanted) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(wanted)) {
                return Optional.of(line.substring(colon + 1).trim());
            }
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > data.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static ProblemException malformed(String why) {
        return new ProblemException(ProblemType.BAD_REQUEST, "malformed multipart/form-data body: " + why);
    }
}
