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
}
