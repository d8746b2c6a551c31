package io.mathsketch.server.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    @Test
    void roundTripsThroughItsOpaqueForm() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-27T15:00:00.123Z"), "0193f1d2-0000-7000-8000-000000000001");
        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @Test
    void rejectsTimesAndIdsNoRowCanHaveBeforeTheyReachTheDatabase() {
        String id = "0193f1d2-0000-7000-8000-000000000001";
        for (String raw : new String[] {Long.MAX_VALUE + ":" + id, "-5:" + id, "253402300800000:" + id,
                "1764590000000:0193f1d2-0000-7000-8000-00000000000g", "1764590000000:------------------------------------"}) {
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
            assertThrows(IllegalArgumentException.class, () -> Cursor.decode(text), raw);
        }
        assertThrows(IllegalArgumentException.class, () -> Cursor.decode("A".repeat(10_000)));
    }

    @Test
    void rejectsWhatItDidNotIssue() {
        for (String bad : new String[] {"", "!!", "bm90LWEtY3Vyc29y", "MTIzOg", "YWJjOjAxOTNmMWQyLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMQ"}) {
            assertThrows(IllegalArgumentException.class, () -> Cursor.decode(bad), bad);
        }
    }
}
