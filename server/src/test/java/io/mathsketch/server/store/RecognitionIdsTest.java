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

    @Test
    void theFirstIdOfAnInstantSplitsTheIdsCreatedBeforeItFromTheOthers() {
        Instant ms = Instant.parse("2026-11-27T15:00:00.500Z");
        String bound = RecognitionIds.firstAtOrAfter(ms);
        for (int i = 0; i < 1_000; i++) {
            assertTrue(ids.next(ms.minusMillis(1)).compareTo(bound) < 0, "a millisecond before: before the bound");
            assertTrue(ids.next(ms).compareTo(bound) > 0, "at the instant: not before it");
        }
        // Between milliseconds: the rows of the millisecond begun are created before the instant.
        String between = RecognitionIds.firstAtOrAfter(ms.plusNanos(300_000));
        assertTrue(ids.next(ms).compareTo(between) < 0);
        assertTrue(ids.next(ms.plusMillis(1)).compareTo(between) > 0);
        // The ends: nothing is created before 1970, everything before the year 9999 ends.
        assertEquals("00000000-0000-0000-0000-000000000000",
                RecognitionIds.firstAtOrAfter(Instant.parse("1960-01-01T00:00:00.5Z")));
        assertTrue(ids.next(Instant.parse("9999-12-31T23:59:58Z"))
                .compareTo(RecognitionIds.firstAtOrAfter(Instant.parse("9999-12-31T23:59:59Z"))) < 0);
        assertEquals("ffffffff-ffff-0000-0000-000000000000", RecognitionIds.firstAtOrAfter(Instant.MAX));
    }

    @Test
    void theListingsStartSortsAfterEveryId() {
        assertTrue(ids.next(Instant.parse("9999-12-31T23:59:59Z")).compareTo(Cursor.START.id()) < 0);
    }
}
