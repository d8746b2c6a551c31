package io.mathsketch.server.store;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorTest {

    @Test
    void roundTripsThroughItsOpaqueForm() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-27T15:00:00.123Z"), "0193f1d2-0000-7000-8000-000000000001");
        assertEquals(cursor, Cursor.decode(cursor.encode()));
    }

    @Test
    void rejectsWhatItDidNotIssue() {
        for (String bad : new String[] {"", "!!", "bm90LWEtY3Vyc29y", "MTIzOg", "YWJjOjAxOTNmMWQyLTAwMDAtNzAwMC04MDAwLTAwMDAwMDAwMDAwMQ"}) {
            assertThrows(IllegalArgumentException.class, () -> Cursor.decode(bad), bad);
        }
    }
}
