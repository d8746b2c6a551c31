package io.mathsketch.server.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecognitionIdsTest {

    private final RecognitionIds ids = new RecognitionIds();

    @Test
    void areVersion7WithTheTimestampInFront() {
        Instant at = Instant.parse("2026-11-27T15:00:00.123Z");
        UUID id = UUID.fromString(ids.next(at));

        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at.toEpochMilli(), id.getMostSignificantBits() >>> 16);
    }

    @Test
    void sortByCreationTimeAndDoNotRepeat() {
        String earlier = ids.next(Instant.parse("2026-11-27T15:00:00.001Z"));
        String later = ids.next(Instant.parse("2026-11-27T15:00:00.002Z"));
        assertTrue(earlier.compareTo(later) < 0);

        Set<String> seen = new HashSet<>();
        Instant now = Instant.now();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(ids.next(now)));
        }
    }
}
