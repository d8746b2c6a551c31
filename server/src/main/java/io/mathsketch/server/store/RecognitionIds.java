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
        long millis = at.toEpochMilli();
        long msb = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
