package io.mathsketch.server.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Position in the newest-first listing: the (created_at, id) of the last item returned. Clients see it only as an
 * opaque base64url string.
 */
public record Cursor(Instant createdAt, String id) {

    /** Before every real recognition. */
    static final Cursor START = new Cursor(Instant.parse("9999-12-31T23:59:59Z"), "~");

    public String encode() {
        String raw = createdAt.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a cursor string; throws {@link IllegalArgumentException} when it is not one this server issued. */
    public static Cursor decode(String text) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            String id = raw.substring(colon + 1);
            if (colon < 1 || !id.matches("[0-9a-f-]{36}")) {
                throw new IllegalArgumentException("malformed cursor");
            }
            return new Cursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))), id);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("cursor '" + text + "' is not valid", e);
        }
    }
}
