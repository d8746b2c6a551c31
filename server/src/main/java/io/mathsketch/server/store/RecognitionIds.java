package io.mathsketch.server.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * UUIDv7 identifiers (RFC 9562): 48 bits of Unix milliseconds, then random bits, so ids sort by creation time and
 * reveal nothing else.
 */
public final class RecognitionIds {

    private final SecureRandom random = new SecureRandom();

    public String next(Instant at) {
        // One call for the 74 random bits: each call to the system's SecureRandom takes a lock all requests share.
        byte[] bits = new byte[10];
        random.nextBytes(bits);
        long high = (bits[0] & 0xFFL) << 8 | bits[1] & 0xFFL;
        long low = 0;
        for (int i = 2; i < 10; i++) {
            low = low << 8 | bits[i] & 0xFFL;
        }
        long millis = at.toEpochMilli();
        long msb = (millis << 16) | 0x7000L | (high & 0x0FFFL);
        long lsb = (low & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    /**
     * The smallest id text of the first whole millisecond at or after {@code at}: an id (of a row created at its id's
     * millisecond) sorts before it exactly when the row was created before {@code at}. Not an id {@link #next} makes
     * (version 0), so no row has it.
     */
    static String firstAtOrAfter(Instant at) {
        // Clamped to the 48 bits an id holds: before 1970 no id is earlier, after the year 10889 every id is.
        long millis = at.getEpochSecond() < 0 ? 0 : Math.min((1L << 48) - 1,
                Math.min(at.getEpochSecond(), 1L << 40) * 1000 + (at.getNano() + 999_999) / 1_000_000);
        return new UUID(millis << 16, 0).toString();
    }
}
