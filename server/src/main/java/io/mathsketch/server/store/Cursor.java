package io.mathsketch.server.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Position in the newest-first listing: the (created_at, id) of the last item returned. Clients see it only as an
 * opaque base64url string. The listing resumes after the id alone (UUIDv7 ids sort by creation time); the time stays
 * in the text so that cursors issued before and after keep their meaning.
 */
public record Cursor(Instant createdAt, String id) {

    private static final Pattern UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** base64url of the longest "millis:uuid" (13 + 1 + 36 bytes) is 67 characters. */
    private static final int MAX_TEXT = 80;

    /**
     * Before every real recognition: the listing walks ids, and this one sorts after every id {@link RecognitionIds}
     * makes (their version digit is 7) under any collation that orders hex digits as numbers.
     */
    static final Cursor START = new Cursor(Instant.parse("9999-12-31T23:59:59Z"),
            "ffffffff-ffff-ffff-ffff-ffffffffffff");

    public String encode() {
        String raw = createdAt.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses a cursor string; throws {@link IllegalArgumentException} when it is not one this server issued. Its
     * time and id are checked to be ones a row can have, so a forged cursor is a 400 here and never a value the
     * database refuses (PostgreSQL's timestamps end in the year 294276; a refused query must not look like an outage).
     */
    public static Cursor decode(String text) {
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("cursor is longer than any this server issues");
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            String id = raw.substring(colon + 1);
            if (colon < 1 || !UUID.matcher(id).matches()) {
                throw new IllegalArgumentException("malformed cursor");
            }
            long millis = Long.parseLong(raw.substring(0, colon));
            if (millis < 0 || millis > START.createdAt().toEpochMilli()) {
                throw new IllegalArgumentException("cursor time out of range");
            }
            return new Cursor(Instant.ofEpochMilli(millis), id);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // The client's text is not quoted here (a number's parse error would echo it whole): the caller quotes
            // it, bounded.
            throw new IllegalArgumentException("not a cursor this server issued", e);
        }
    }
}
